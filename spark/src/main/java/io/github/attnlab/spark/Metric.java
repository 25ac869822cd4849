package io.github.attnlab.spark;

/** The statistics of {@link HeadStats} that the job reduces to per-(layer, head) distributions ({@link HeadSummary}). */
public enum Metric {
    /** Mean certified $k_\varepsilon/n$ over the queries, one per budget $\varepsilon$ (paper A, A.8). */
    K_FRACTION("k_fraction"),
    /** The Gaussian-rule $\sigma$ (A.7). */
    SIGMA("sigma"),
    /** $\lambda_2(L_{sym})$ (paper D, D.1). */
    LAMBDA2("lambda2"),
    /** The sweep conductance (D.1). */
    CHEEGER("cheeger"),
    /** The bi-Haar $\ell_1$ entropy (paper C, C.5). */
    HAAR_L1("haar_l1"),
    /** The mean 1.5-entmax support over $n$ (paper B). */
    ENTMAX_SUPPORT("entmax_support");

    private final String column;

    Metric(String column) {
        this.column = column;
    }

    /** The column of the rows' Parquet schema that holds it. */
    public String column() {
        return column;
    }

    /** Its value in a row ({@code epsilonIndex} for {@link #K_FRACTION} only). */
    public double of(HeadStats s, int epsilonIndex) {
        return switch (this) {
            case K_FRACTION -> s.kFraction()[epsilonIndex];
            case SIGMA -> s.sigma();
            case LAMBDA2 -> s.lambda2();
            case CHEEGER -> s.cheeger();
            case HAAR_L1 -> s.haarL1();
            case ENTMAX_SUPPORT -> s.entmaxSupport();
        };
    }
}
