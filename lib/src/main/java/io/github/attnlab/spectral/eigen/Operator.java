package io.github.attnlab.spectral.eigen;

import io.github.attnlab.core.Check;
import io.github.attnlab.spectral.graph.SparseMatrix;

/**
 * A square linear operator $x \mapsto Ax$ (the eigensolvers require it to be symmetric).
 */
public interface Operator {

    /** The dimension $n$. */
    int dimension();

    /** $y \leftarrow Ax$ ({@code x} and {@code y} do not alias). */
    void apply(double[] x, double[] y);

    /** A square sparse matrix as an operator. */
    static Operator of(SparseMatrix a) {
        Check.notNull("a", a);
        if (a.rows() != a.cols()) {
            throw new IllegalArgumentException("operator must be square, not " + a.rows() + "x" + a.cols());
        }
        return new Operator() {
            @Override
            public int dimension() {
                return a.rows();
            }

            @Override
            public void apply(double[] x, double[] y) {
                Check.notNull("x", x);
                Check.notNull("y", y);
                a.multiply(x, y);
            }
        };
    }
}
