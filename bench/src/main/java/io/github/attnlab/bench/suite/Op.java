package io.github.attnlab.bench.suite;

/**
 * The operations of issue 16's table, each with the AttnLab code it times, its peer, and the limit its
 * speed is held against. Row operations run over every row of one $2^{24}$-element matrix (distinct
 * rows); their work is the minimal traffic: the input read once and, where there is one, the output
 * written once.
 */
public enum Op {
    SOFTMAX_F32("softmax, float32", "Normalizers.softmax(float[])", "torch.softmax(out=)", Limit.TRIAD, 4, 4),
    SOFTMAX_F64("softmax, float64", "Normalizers.softmax", "torch.softmax(out=)", Limit.TRIAD, 8, 8),
    CERTIFIED_K_F32("certified k_eps (eps = 0.01), float32", "TopKRows.certifiedK(float[], KSelect)",
            "torch.topk(n/8) + logsumexp (not certified)", Limit.TRIAD, 4, 0),
    CERTIFIED_K("certified k_eps (eps = 0.01), float64", "TopKRows.certifiedK(double[], KSelect)",
            "torch.topk(n/8) + logsumexp (not certified)", Limit.TRIAD, 8, 0),
    SPARSEMAX_F32("sparsemax, float32", "Normalizers.sparsemaxPivot(float[])", "sort-based sparsemax in torch",
            Limit.TRIAD, 4, 4),
    SPARSEMAX("sparsemax, float64", "Normalizers.sparsemaxPivot", "sort-based sparsemax in torch", Limit.TRIAD, 8, 8),
    ENTMAX15_F32("1.5-entmax bisection, float32", "Normalizers.entmaxBisect(1.5, float[])", "bisection in torch",
            Limit.TRIAD, 4, 4),
    ENTMAX15("1.5-entmax bisection, float64", "Normalizers.entmaxBisect(1.5)", "bisection in torch",
            Limit.TRIAD, 8, 8),
    MINILM_FORWARD("all-MiniLM-L6-v2 forward, 128 tokens", "Bert.lastHiddenState",
            "ONNX Runtime (Java); torch", Limit.FMA_FP32, 0, 0),
    BGE_FORWARD("bge-small-en-v1.5 forward, 128 tokens", "Bert.lastHiddenState", "ONNX Runtime (Java); torch",
            Limit.FMA_FP32, 0, 0),
    MINILM_FORWARD_512("all-MiniLM-L6-v2 forward, 512 tokens", "Bert.lastHiddenState",
            "ONNX Runtime (Java); torch", Limit.FMA_FP32, 0, 0),
    BGE_FORWARD_512("bge-small-en-v1.5 forward, 512 tokens", "Bert.lastHiddenState", "ONNX Runtime (Java); torch",
            Limit.FMA_FP32, 0, 0),
    BERT_FORWARD("bert-base-uncased forward, 128 tokens", "Bert.lastHiddenState", "torch", Limit.FMA_FP32, 0, 0),
    CSR_PRODUCT("sparse product y = Ax (CSR, float64), 10-NN Laplacian, " + OpRun.CSR_PRODUCTS + " products",
            "SparseMatrix.multiply", "scipy.sparse csr_matrix @ x", Limit.TRIAD, 0, 0),
    LANCZOS("8 smallest eigenpairs, 10-NN Laplacian", "LaplacianSpectra LANCZOS",
            "scipy.sparse.linalg.eigsh", Limit.NONE, 0, 0),
    DENSE_EIGEN("all eigenpairs, dense symmetric, float64", "SymmetricEigen.of (EJML)",
            "numpy.linalg.eigh; netlib LAPACK dsyevd (JNI, pure Java)", Limit.FMA_FP64, 0, 0);

    private final String label;
    private final String ours;
    private final String peer;
    private final Limit limit;
    private final int bytesIn;
    private final int bytesOut;

    Op(String label, String ours, String peer, Limit limit, int bytesIn, int bytesOut) {
        this.label = label;
        this.ours = ours;
        this.peer = peer;
        this.limit = limit;
        this.bytesIn = bytesIn;
        this.bytesOut = bytesOut;
    }

    public String label() {
        return label;
    }

    public String ours() {
        return ours;
    }

    public String peer() {
        return peer;
    }

    public Limit limit() {
        return limit;
    }

    /** Whether this is a row operation over the $2^{24}$-element matrix. */
    public boolean isRowOp() {
        return bytesIn > 0;
    }

    /**
     * The minimal traffic of one CSR product $y = Ax$: the values (8 bytes) and column indices (4) of the
     * {@code nonZeros} entries, the row starts (4 per row, one more), $x$ read once (8 per column) and $y$ written
     * once (8 per row). Reads of $x$ beyond the first are not counted: $x$ is meant to stay in cache.
     */
    public static double csrBytes(int rows, int cols, long nonZeros) {
        if (rows <= 0 || cols <= 0 || nonZeros < 0) {
            throw new IllegalArgumentException("rows = " + rows + ", cols = " + cols + ", nonZeros = " + nonZeros
                    + ": need rows > 0, cols > 0, nonZeros >= 0");
        }
        return 12.0 * nonZeros + 4.0 * (rows + 1) + 8.0 * cols + 8.0 * rows;
    }

    /** Bytes moved by a row operation over {@code elements} elements (input read once, output written once). */
    public double rowBytes(long elements) {
        if (!isRowOp()) {
            throw new IllegalArgumentException("op = " + this + " is not a row operation");
        }
        if (elements <= 0) {
            throw new IllegalArgumentException("elements = " + elements + " must be > 0");
        }
        return (double) (bytesIn + bytesOut) * elements;
    }

    /**
     * Floating-point operations of a BERT encoder pass over {@code tokens} tokens: the dense layers
     * $2n(4H^2 + 2HI)$ and the attention $4n^2H$ per layer.
     */
    public static double encoderFlops(int layers, int hidden, int intermediate, int tokens) {
        if (layers <= 0 || hidden <= 0 || intermediate <= 0 || tokens <= 0) {
            throw new IllegalArgumentException("layers = " + layers + ", hidden = " + hidden + ", intermediate = "
                    + intermediate + ", tokens = " + tokens + ": all must be > 0");
        }
        double n = tokens;
        double h = hidden;
        return layers * (2 * n * (4 * h * h + 2 * h * intermediate) + 4 * n * n * h);
    }

    /**
     * The nominal floating-point operations of all eigenpairs of a dense symmetric $n \times n$ matrix: $9n^3$,
     * Golub and Van Loan's count for the symmetric QR algorithm with eigenvectors (the $\tfrac43 n^3$ of the
     * tridiagonalisation, the rest for the vectors). One count for every contender, whatever its algorithm (EJML's
     * implicit QR, LAPACK's divide and conquer), so that the fractions of the peak compare times.
     */
    public static double symmetricEigenFlops(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("n = " + n + " must be > 0");
        }
        double d = n;
        return 9 * d * d * d;
    }
}
