package io.github.attnlab.compact.train;

/** Scratch arrays of one forward and backward pass of a {@link KernelRegressionHead}, grown on demand. */
final class Workspace {

    double[] phi = new double[0];
    double[] norms = new double[0];
    double[] scores = new double[0];
    double[] p = new double[0];
    double[] gradP = new double[0];
    double[] gradScores = new double[0];
    double[] cosines = new double[0];
    final double[] phiQ;
    final double[] gradPhiQ;
    final double[] gradU;
    final double[] yHat;
    final double[] gradY;
    double normQ;

    Workspace(int featureDim, int valueDim) {
        phiQ = new double[featureDim];
        gradPhiQ = new double[featureDim];
        gradU = new double[featureDim];
        yHat = new double[valueDim];
        gradY = new double[valueDim];
    }

    void ensure(int length, int featureDim) {
        if (norms.length < length) {
            int cap = Math.max(length, 2 * norms.length);
            phi = new double[cap * featureDim];
            norms = new double[cap];
            scores = new double[cap];
            p = new double[cap];
            gradP = new double[cap];
            gradScores = new double[cap];
            cosines = new double[cap];
        }
    }
}
