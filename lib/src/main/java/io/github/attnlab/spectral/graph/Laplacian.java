package io.github.attnlab.spectral.graph;

import io.github.attnlab.core.Check;
import java.util.Locale;

/**
 * A Laplacian of an undirected graph, as a sparse matrix, with what the spectral code needs:
 * its null space (one vector per connected component), a bound on its largest eigenvalue and its
 * quadratic form.
 *
 * <p>Directed graphs have no Laplacian here: symmetrise first ({@code g.symmetrised()}, the
 * $W = (A + A^\top)/2$ of docs/papers/D.md §D).
 */
public final class Laplacian {

    private final WeightedGraph graph;
    private final LaplacianKind kind;
    private final SparseMatrix matrix;
    private final double[] degrees;

    private Laplacian(WeightedGraph graph, LaplacianKind kind, SparseMatrix matrix, double[] degrees) {
        this.graph = graph;
        this.kind = kind;
        this.matrix = matrix;
        this.degrees = degrees;
    }

    /** The Laplacian of the given kind of an undirected graph. */
    public static Laplacian of(WeightedGraph g, LaplacianKind kind) {
        Check.notNull("g", g);
        if (g.isDirected()) {
            throw new IllegalArgumentException("a Laplacian needs an undirected graph; call symmetrised() first"
                    + " for W = (A + A^T)/2");
        }
        if (kind == null) {
            throw new IllegalArgumentException("kind is null");
        }
        double[] d = g.degrees();
        SparseMatrix w = g.adjacency();
        int n = g.n();
        SparseMatrixBuilder b = SparseMatrix.builder(n, n);
        for (int i = 0; i < n; i++) {
            if (d[i] > 0) {
                b.add(i, i, kind == LaplacianKind.COMBINATORIAL ? d[i] : 1.0);
            }
            for (int p = w.rowStart(i); p < w.rowStart(i + 1); p++) {
                int j = w.column(p);
                double v = w.value(p);
                switch (kind) {
                    case COMBINATORIAL:
                        b.add(i, j, -v);
                        break;
                    case SYMMETRIC:
                        b.add(i, j, -v / Math.sqrt(d[i] * d[j]));
                        break;
                    default:
                        b.add(i, j, -v / d[i]);
                }
            }
        }
        return new Laplacian(g, kind, b.build(), d);
    }

    /** The combinatorial Laplacian $L = D - W$. */
    public static Laplacian combinatorial(WeightedGraph g) {
        Check.notNull("g", g);
        return of(g, LaplacianKind.COMBINATORIAL);
    }

    /** The symmetric normalised Laplacian $I - D^{-1/2}WD^{-1/2}$. */
    public static Laplacian symmetric(WeightedGraph g) {
        Check.notNull("g", g);
        return of(g, LaplacianKind.SYMMETRIC);
    }

    /** The graph. */
    public WeightedGraph graph() {
        return graph;
    }

    /** Which Laplacian. */
    public LaplacianKind kind() {
        return kind;
    }

    /** The matrix. */
    public SparseMatrix matrix() {
        return matrix;
    }

    /** The number of vertices. */
    public int n() {
        return matrix.rows();
    }

    /** The degrees $d_i$ (a copy). */
    public double[] degrees() {
        return degrees.clone();
    }

    /** Whether the matrix is symmetric (all kinds but {@link LaplacianKind#RANDOM_WALK}). */
    public boolean isSymmetric() {
        return kind != LaplacianKind.RANDOM_WALK;
    }

    /**
     * An upper bound on the largest eigenvalue: $2 d_{\max}$ for $L$ (Gershgorin), $2$ for the
     * normalised Laplacians.
     */
    public double eigenvalueBound() {
        if (kind != LaplacianKind.COMBINATORIAL) {
            return 2.0;
        }
        double m = 0;
        for (double d : degrees) {
            m = Math.max(m, d);
        }
        return 2 * m;
    }

    /**
     * An orthonormal basis of the null space, one vector per component $C$: $\mathbf 1_C/\sqrt{|C|}$
     * for $L$ and $L_{\mathrm{rw}}$, $D^{1/2}\mathbf 1_C / \|D^{1/2}\mathbf 1_C\|$ for
     * $L_{\mathrm{sym}}$ (an isolated vertex: its unit vector).
     */
    public double[][] nullSpace() {
        Components c = graph.components();
        double[][] y = new double[c.count()][n()];
        for (int v = 0; v < n(); v++) {
            boolean weighted = kind == LaplacianKind.SYMMETRIC && degrees[v] > 0;
            y[c.label(v)][v] = weighted ? Math.sqrt(degrees[v]) : 1.0;
        }
        for (double[] yk : y) {
            double s = 0;
            for (double t : yk) {
                s += t * t;
            }
            double inv = 1 / Math.sqrt(s);
            for (int i = 0; i < yk.length; i++) {
                yk[i] *= inv;
            }
        }
        return y;
    }

    /** The quadratic form $x^\top L x$ of a symmetric kind ({@link LaplacianKind#RANDOM_WALK} is rejected). */
    public double quadraticForm(double[] x) {
        if (!isSymmetric()) {
            throw new IllegalArgumentException("the random-walk Laplacian is not symmetric; use its symmetric kind");
        }
        Check.vector("x", x, n());
        double[] y = matrix.multiply(x);
        double s = 0;
        for (int i = 0; i < n(); i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    /** $\|Lx - \lambda x\|_2$, the residual of a claimed eigenpair. */
    public double residual(double lambda, double[] x) {
        Check.finite("lambda", lambda);
        Check.vector("x", x, n());
        double[] y = matrix.multiply(x);
        double s = 0;
        for (int i = 0; i < n(); i++) {
            double r = y[i] - lambda * x[i];
            s += r * r;
        }
        return Math.sqrt(s);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Laplacian[%s, n=%d, %d non-zeros]", kind.name().toLowerCase(Locale.ROOT),
                n(), matrix.nonZeros());
    }
}
