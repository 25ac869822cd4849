package io.github.attnlab.bench.suite;

import java.util.List;

/** How much the suite measures: the full table of issue 16, or a smoke run of every code path. */
public enum Mode {
    /**
     * $2^{24}$ elements, n = 512, 2048, 8192; both encoders; the 100k-node Laplacian; dense eigenproblems of
     * n = 256, 512, 1024; warm-up rounds for at least 3 s (at least 1), 5 repetitions.
     */
    FULL(1 << 24, List.of(512, 2048, 8192), true, 100_000, List.of(256, 512, 1024), 1, 3.0, 5),
    /**
     * $2^{22}$ elements, n = 2048; MiniLM only; a 20k-node Laplacian; a dense n = 256; 1 warm-up round, 3
     * repetitions.
     */
    QUICK(1 << 22, List.of(2048), false, 20_000, List.of(256), 1, 0.0, 3);

    final int elements;
    final List<Integer> rowLengths;
    final boolean bertBase;
    final int graphNodes;
    final List<Integer> denseSizes;
    final int warmups;
    /** The least time of warm-up rounds (see {@link Contender#interleave}). */
    final double warmSeconds;
    final int repetitions;

    Mode(int elements, List<Integer> rowLengths, boolean bertBase, int graphNodes, List<Integer> denseSizes,
            int warmups, double warmSeconds, int repetitions) {
        this.elements = elements;
        this.rowLengths = rowLengths;
        this.bertBase = bertBase;
        this.graphNodes = graphNodes;
        this.denseSizes = denseSizes;
        this.warmups = warmups;
        this.warmSeconds = warmSeconds;
        this.repetitions = repetitions;
    }
}
