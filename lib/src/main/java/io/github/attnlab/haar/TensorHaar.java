package io.github.attnlab.haar;

import io.github.attnlab.core.Check;
import io.github.attnlab.tree.PartitionTree;
import io.github.attnlab.tree.Tensor3;
import java.util.Arrays;

/**
 * Tensor products of Haar-like bases: one tree per axis of a row-major array (docs/papers/C.md §C.4).
 *
 * <p>The basis functions are $\psi_{q_0} \otimes \dots \otimes \psi_{q_{d-1}}$, one Haar function of
 * each axis's {@link HaarBasis}; with two trees this is the bi-Haar basis of a matrix (one attention
 * head, queries $\times$ keys), with three the tri-Haar basis of a 3-tensor (the network, queries
 * $\times$ keys $\times$ heads). The transform runs axis by axis, each pass a {@link BlockTransform}
 * over contiguous chunks of interleaved fibres (the last axis through a transposed buffer), so forward
 * and inverse cost $O(N \cdot d)$ for $N$ entries and $d$ axes,
 * and are orthogonal: Parseval holds and the inverse is exact to rounding.
 */
public final class TensorHaar {

    /** Longest run of interleaved vectors transformed in one block (bounds the scratch memory). */
    private static final int CHUNK = 512;

    private final HaarBasis[] bases;
    private final int[] dims;
    private final int size;

    private TensorHaar(HaarBasis[] bases) {
        this.bases = bases;
        this.dims = new int[bases.length];
        int s = 1;
        for (int a = 0; a < bases.length; a++) {
            dims[a] = bases[a].size();
            s = Math.multiplyExact(s, dims[a]);
        }
        this.size = s;
    }

    /** The product basis of the given trees, axis 0 first (the slowest index). */
    public static TensorHaar of(PartitionTree... trees) {
        Check.notNull("trees", trees);
        if (trees.length == 0) {
            throw new IllegalArgumentException("trees: at least one axis is needed");
        }
        HaarBasis[] b = new HaarBasis[trees.length];
        for (int a = 0; a < trees.length; a++) {
            b[a] = HaarBasis.on(java.util.Objects.requireNonNull(trees[a], "trees[" + a + "]"));
        }
        return new TensorHaar(b);
    }

    /** The bi-Haar basis of matrices: rows (queries) and columns (keys). */
    public static TensorHaar bi(PartitionTree rows, PartitionTree cols) {
        Check.notNull("rows", rows);
        Check.notNull("cols", cols);
        return of(rows, cols);
    }

    /** The tri-Haar basis of 3-tensors (queries, keys, heads). */
    public static TensorHaar tri(PartitionTree axis0, PartitionTree axis1, PartitionTree axis2) {
        Check.notNull("axis0", axis0);
        Check.notNull("axis1", axis1);
        Check.notNull("axis2", axis2);
        return of(axis0, axis1, axis2);
    }

    /** The shape. */
    public int[] dims() {
        return dims.clone();
    }

    /** The number of entries (and of basis functions). */
    public int size() {
        return size;
    }

    /** The Haar basis of axis {@code a}. */
    public HaarBasis basis(int a) {
        Check.index("a", a, bases.length);
        return bases[a];
    }

    /** Forward transform of a row-major array into caller-supplied {@code out} (not {@code in}). */
    public void forward(double[] in, double[] out) {
        Check.notNull("in", in);
        Check.notNull("out", out);
        run(in, out, true);
    }

    /** Inverse transform of coefficients into caller-supplied {@code out} (not {@code in}). */
    public void inverse(double[] in, double[] out) {
        Check.notNull("in", in);
        Check.notNull("out", out);
        run(in, out, false);
    }

    /** The coefficients of a row-major array. */
    public HaarCoefficients forward(double[] flat) {
        Check.notNull("flat", flat);
        checkFinite(flat);
        double[] out = new double[size];
        forward(flat, out);
        return new HaarCoefficients(this, out);
    }

    /** The bi-Haar coefficients of a matrix (two axes only). */
    public HaarCoefficients forward(double[][] m) {
        Check.notNull("m", m);
        if (bases.length != 2) {
            throw new IllegalArgumentException("a matrix needs a bi-Haar basis, this one has " + bases.length + " axes");
        }
        Check.finiteMatrix("m", m);
        if (m.length != dims[0] || m[0].length != dims[1]) {
            throw new IllegalArgumentException("m is " + m.length + " x " + m[0].length + ", the trees are on " + dims[0]
                    + " and " + dims[1] + " points");
        }
        double[] flat = new double[size];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, flat, i * dims[1], dims[1]);
        }
        return forward(flat);
    }

    /** The tri-Haar coefficients of a 3-tensor (three axes only). */
    public HaarCoefficients forward(Tensor3 t) {
        Check.notNull("t", t);
        if (bases.length != 3 || !Arrays.equals(t.shape(), dims)) {
            throw new IllegalArgumentException("tensor shape " + Arrays.toString(t.shape()) + " does not match the trees "
                    + Arrays.toString(dims));
        }
        return forward(t.toArray());
    }

    /** The row-major array with the given coefficients. */
    public double[] inverse(HaarCoefficients c) {
        Check.notNull("c", c);
        if (c.basis() != this && !Arrays.equals(c.dims(), dims)) {
            throw new IllegalArgumentException("coefficients of shape " + Arrays.toString(c.dims()) + " for a basis of shape "
                    + Arrays.toString(dims));
        }
        double[] out = new double[size];
        inverse(c.values(), out);
        return out;
    }

    private void run(double[] in, double[] out, boolean forward) {
        Check.size("in.length", in.length, size);
        Check.size("out.length", out.length, size);
        if (in == out) {
            throw new IllegalArgumentException("in and out must be different arrays");
        }
        int d = bases.length;
        double[] tmp = d > 1 ? new double[size] : null;
        double[] src = in;
        for (int step = 0; step < d; step++) {
            int axis = forward ? step : d - 1 - step;
            double[] dst = (d - 1 - step) % 2 == 0 ? out : tmp;
            int inner = 1;
            for (int a = axis + 1; a < d; a++) {
                inner *= dims[a];
            }
            int outer = size / (inner * dims[axis]);
            if (inner == 1) {
                lastAxis(bases[axis], src, dst, outer, forward);
            } else {
                BlockTransform bt = new BlockTransform(bases[axis], Math.min(inner, CHUNK));
                for (int o = 0; o < outer; o++) {
                    int slab = o * dims[axis] * inner;
                    for (int r = 0; r < inner; r += CHUNK) {
                        int len = Math.min(CHUNK, inner - r);
                        if (forward) {
                            bt.forward(src, dst, slab + r, inner, len);
                        } else {
                            bt.inverse(src, dst, slab + r, inner, len);
                        }
                    }
                }
            }
            src = dst;
        }
    }

    /**
     * The transform along the contiguous last axis: fibres are gathered {@link #CHUNK} at a time into a
     * transposed buffer (point-major), so the block transform runs on whole chunks and vectorises too.
     */
    private static void lastAxis(HaarBasis basis, double[] src, double[] dst, int fibres, boolean forward) {
        int n = basis.size();
        int chunk = Math.min(CHUNK, fibres);
        BlockTransform bt = new BlockTransform(basis, chunk);
        double[] in = new double[n * chunk];
        double[] out = new double[n * chunk];
        for (int f0 = 0; f0 < fibres; f0 += chunk) {
            int len = Math.min(chunk, fibres - f0);
            for (int f = 0; f < len; f++) {
                int base = (f0 + f) * n;
                for (int k = 0; k < n; k++) {
                    in[k * len + f] = src[base + k];
                }
            }
            if (forward) {
                bt.forward(in, out, 0, len, len);
            } else {
                bt.inverse(in, out, 0, len, len);
            }
            for (int f = 0; f < len; f++) {
                int base = (f0 + f) * n;
                for (int k = 0; k < n; k++) {
                    dst[base + k] = out[k * len + f];
                }
            }
        }
    }

    private void checkFinite(double[] flat) {
        Check.vector("flat", flat, size);
    }

    @Override
    public String toString() {
        String[] names = {"", "Haar", "bi-Haar", "tri-Haar"};
        String name = bases.length < names.length ? names[bases.length] : bases.length + "-Haar";
        return "TensorHaar[" + name + ", shape " + Arrays.toString(dims).replace(", ", "x") + "]";
    }
}
