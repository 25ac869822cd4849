package io.github.attnlab.spectral.eigen;

/** Sorting and the sign convention of {@link Spectrum}, shared by all solvers. */
final class SignConvention {

    private SignConvention() {
    }

    /** Scales {@code v} in place to unit norm with its first near-largest entry positive. */
    static void normalise(double[] v) {
        double norm = Blocks.norm(v);
        double max = 0;
        for (double x : v) {
            max = Math.max(max, Math.abs(x));
        }
        double sign = 1;
        for (double x : v) {
            if (Math.abs(x) >= (1 - 1e-6) * max) {
                sign = x < 0 ? -1 : 1;
                break;
            }
        }
        double f = sign / norm;
        for (int i = 0; i < v.length; i++) {
            v[i] *= f;
        }
    }

    /** Sorts pairs by value, fixes signs, computes residuals with {@code op} and builds the spectrum. */
    static Spectrum spectrum(double[] values, double[][] vectors, Operator op, Spectrum.Solver solver, int iterations,
                             long matVecs, double tolerance) {
        return spectrum(values, vectors, op, solver, false, iterations, matVecs, tolerance);
    }

    /** As above, for a random-walk spectrum computed through the symmetric Laplacian when {@code viaSymmetric}. */
    static Spectrum spectrum(double[] values, double[][] vectors, Operator op, Spectrum.Solver solver,
                             boolean viaSymmetric, int iterations, long matVecs, double tolerance) {
        int[] order = io.github.attnlab.core.ArgSort.ascending(values);
        double[] vs = new double[values.length];
        double[][] xs = new double[values.length][];
        double[] res = new double[values.length];
        double[] y = new double[op.dimension()];
        for (int t = 0; t < order.length; t++) {
            vs[t] = values[order[t]];
            xs[t] = vectors[order[t]].clone();
            normalise(xs[t]);
            op.apply(xs[t], y);
            double s = 0;
            for (int i = 0; i < y.length; i++) {
                double r = y[i] - vs[t] * xs[t][i];
                s += r * r;
            }
            res[t] = Math.sqrt(s);
        }
        return new Spectrum(vs, xs, res, solver, viaSymmetric, iterations, matVecs, tolerance);
    }
}
