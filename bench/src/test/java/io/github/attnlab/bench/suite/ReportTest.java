package io.github.attnlab.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {

    private final MachineLimits limits = new MachineLimits(40, 47, 268, 136, "512-bit");

    private Measured softmax() {
        // 2^24 float32 elements in 16 ms: 8 bytes each, 8.39 GB/s = 0.21 of 40 GB/s; torch 10.9 ms
        return new Measured(Op.SOFTMAX_F32, "n = 2048", new Samples(new double[] {0.017, 0.016, 0.015}),
                List.of(PeerResult.ran("torch", new Samples(new double[] {0.0109})),
                        PeerResult.missing("other", "not installed")), 8.0 * (1 << 24), "");
    }

    @Test
    void ratioAndFractions() {
        Measured m = softmax();
        assertEquals(0.016 / 0.0109, m.ratio(), 1e-12);
        assertEquals(8.0 * (1 << 24) / 0.016 / 1e9 / 40, m.fraction(limits), 1e-12);
        assertEquals(8.0 * (1 << 24) / 0.0109 / 1e9 / 40, m.peerFraction(limits), 1e-12);
    }

    @Test
    void noPeerMeansNoRatio() {
        Measured m = new Measured(Op.LANCZOS, "100000 nodes", new Samples(new double[] {4.25}),
                List.of(PeerResult.missing("scipy", "No module named 'scipy'")), 0, "");
        assertTrue(Double.isNaN(m.ratio()));
        assertTrue(Double.isNaN(m.fraction(limits)));
        String md = new Report("h", limits, List.of(m)).markdown();
        assertTrue(md.contains("| none ran | — | — | scipy: No module named 'scipy' |"), md);
    }

    @Test
    void markdownLine() {
        String md = new Report("Measured today.", limits, List.of(softmax())).markdown();
        assertTrue(md.startsWith("Measured today.\n\nMachine limits (measured in this run): triad 40.0 GB/s on 1 thread,"
                + " 47.0 GB/s on 2 threads; FMA peak of one thread (512-bit vectors) 268 GFLOP/s FP32, 136 GFLOP/s FP64."),
                md);
        assertTrue(md.contains("| softmax, float32 | n = 2048 | 16.0 ms [15.0–17.0 ms] | torch 10.9 ms [10.9–10.9 ms] |"
                + " 1.47× slower | 0.21 (0.31) | other: not installed |"), md);
    }

    @Test
    void formats() {
        assertEquals("1.47× slower", Report.ratio(0.016 / 0.0109));
        assertEquals("2.00× faster", Report.ratio(0.5));
        assertEquals("4.25 ms", Report.time(0.00425));
        assertEquals("24.2 ms", Report.time(0.0242));
        assertEquals("176 ms", Report.time(0.176));
        assertEquals("4250 ms", Report.time(4.25));
        assertEquals("12.5 s", Report.time(12.5));
        assertEquals("9990 ms [9000 ms–12.0 s]", Report.times(new Samples(new double[] {9.0, 9.99, 12})));
        assertEquals("\"a\\\"b\\\\c\\nd\"", Report.quote("a\"b\\c\nd"));
    }

    @Test
    void jsonHoldsEveryTimeAndNullsForMissingNumbers() {
        String json = new Report("h", limits, List.of(softmax())).json();
        assertTrue(json.contains("\"attnlab\": {\"median\": 0.016, \"min\": 0.015, \"max\": 0.017, \"seconds\":"
                + " [0.017, 0.016, 0.015]}"), json);
        assertTrue(json.contains("{\"name\": \"other\", \"missing\": \"not installed\"}"), json);
        Measured none = new Measured(Op.LANCZOS, "n", new Samples(new double[] {1}), List.of(), 0, "");
        assertTrue(new Report("h", limits, List.of(none)).json().contains("\"ratio\": null"));
    }

    @Test
    void aFailedOperationKeepsItsLineAndSaysWhy() {
        Failed f = new Failed(Op.LANCZOS, "its JVM exited with status 1: java.lang.OutOfMemoryError: Java heap | space");
        Report r = new Report("h", limits, List.of(softmax(), f));
        assertTrue(r.markdown().endsWith("| 8 smallest eigenpairs, 10-NN Laplacian | — | **failed**: its JVM exited with"
                + " status 1: java.lang.OutOfMemoryError: Java heap \\| space | — | — | — | |\n"), r.markdown());
        assertTrue(r.json().contains("{\"op\": \"LANCZOS\", \"label\": \"8 smallest eigenpairs, 10-NN Laplacian\","
                + " \"limit\": \"NONE\", \"failed\": \"its JVM exited with status 1: java.lang.OutOfMemoryError: Java"
                + " heap | space\"}\n  ]"), r.json());
        assertThrows(IllegalArgumentException.class, () -> new Failed(Op.LANCZOS, " "));
        assertThrows(IllegalArgumentException.class, () -> new Failed(null, "why"));
    }

    @Test
    void peerResultNeedsExactlyOneOfTimesAndReason() {
        assertThrows(IllegalArgumentException.class, () -> new PeerResult("x", null, null));
        assertThrows(IllegalArgumentException.class,
                () -> new PeerResult("x", new Samples(new double[] {1}), "why"));
    }
}
