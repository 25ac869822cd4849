package io.github.attnlab.model.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.patterns.AttentionMask;
import io.github.attnlab.patterns.AttentionPattern;
import io.github.attnlab.spectral.partition.Partition;
import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Pattern and block-sparse rules: exactly the masked entries are zero, and bad masks are refused. */
class PatternRulesTest {

    private static final double ROW_SUM_TOL = 2e-6;

    /** A random mask with every row holding at least one key. */
    private static AttentionMask randomMask(Random r, int n, double density) {
        boolean[][] a = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = r.nextDouble() < density;
            }
            a[i][r.nextInt(n)] = true;
        }
        return AttentionMask.of(a);
    }

    private static void zeroExactlyWhereMasked(float[] p, AttentionMask m, String where) {
        int n = m.size();
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                assertEquals(m.allows(i, j), p[i * n + j] > 0, where + ": entry (" + i + ", " + j + ")");
                sum += p[i * n + j];
            }
            assertEquals(1, sum, ROW_SUM_TOL, where + ": row " + i);
        }
    }

    @Test
    void aPatternMaskZeroesExactlyTheMaskedEntries() {
        Random r = new Random(11);
        for (int n : new int[] {1, 3, 8, 17, 64}) {
            AttentionMask m0 = randomMask(r, n, 0.3);
            AttentionMask m1 = randomMask(r, n, 0.05);
            AttentionPattern twoLayers = new AttentionPattern() {
                @Override
                public AttentionMask mask(int len, int layer) {
                    return layer % 2 == 0 ? m0 : m1;
                }

                @Override
                public int period() {
                    return 2;
                }
            };
            Heads h = new Heads(r, n, 8, 2);
            AttentionHook hook = AttentionHook.of(AttentionRules.all(AttentionRule.pattern(twoLayers)), 2, 1,
                    Measurement.ERRORS);
            zeroExactlyWhereMasked(h.apply(hook, 0, 0), m0, "layer 0, n = " + n);
            zeroExactlyWhereMasked(h.apply(hook, 1, 0), m1, "layer 1, n = " + n);
            AttentionRun run = hook.run("synthetic", 1);
            for (int q = 0; q < n; q++) {
                assertEquals(m1.keys(q).cardinality(), run.keysKept()[n + q]);
                assertEquals(run.keysKept()[n + q], run.keysScored()[n + q], "a pattern scores only its keys");
            }
            assertEquals(0, run.boundViolations());
            zeroExactlyWhereMasked(h.apply(Heads.hook(AttentionRule.mask(m0), Measurement.NONE)), m0, "mask");
            zeroExactlyWhereMasked(h.apply(Heads.hook(AttentionRule.pattern(AttentionPattern.causal()),
                    Measurement.NONE)), AttentionMask.causal(n), "causal");
        }
    }

    @Test
    void aMaskOfTheWrongSizeOrWithAnEmptyRowIsRefused() {
        Heads h = new Heads(new Random(12), 16, 4, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> h.apply(Heads.hook(AttentionRule.mask(AttentionMask.causal(12)), Measurement.NONE)));
        assertTrue(e.getMessage().contains("a mask of size 12 for an input of 16 tokens"), e.getMessage());
        AttentionMask holey = new AttentionMask() {
            @Override
            public int size() {
                return 16;
            }

            @Override
            public boolean allows(int query, int key) {
                return query != 5;
            }
        };
        e = assertThrows(IllegalArgumentException.class,
                () -> h.apply(Heads.hook(AttentionRule.pattern((n, layer) -> holey), Measurement.NONE)));
        assertTrue(e.getMessage().contains("query 5 of 16 has no key"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> h.apply(Heads.hook(AttentionRule.blockSparse(new Partition(2, new int[10])), Measurement.NONE)));
        assertTrue(e.getMessage().contains("partitions 10 tokens, but the input has 16"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> h.apply(Heads.hook(AttentionRule.blockSparseByAttention(17), Measurement.NONE)));
        assertTrue(e.getMessage().contains("parts = 17 is outside [1, 16]"), e.getMessage());
    }

    @Test
    void blockSparseAttendsWithinBlocksOnly() {
        Random r = new Random(13);
        for (int n : new int[] {5, 16, 40}) {
            Heads h = new Heads(r, n, 8, 2);
            int[] labels = new int[n];
            for (int t = 0; t < n; t++) {
                labels[t] = r.nextInt(3);
            }
            labels[0] = 0;
            labels[1] = 1;
            labels[2] = 2;
            AttentionMask byLabel = AttentionMask.of(sameBlock(labels));
            zeroExactlyWhereMasked(h.apply(Heads.hook(AttentionRule.blockSparse(new Partition(3, labels)),
                    Measurement.NONE)), byLabel, "partition, n = " + n);
            int[] contiguous = new int[n];
            for (int t = 0; t < n; t++) {
                contiguous[t] = t / 4;
            }
            zeroExactlyWhereMasked(h.apply(Heads.hook(AttentionRule.blockSparse(4), Measurement.NONE)),
                    AttentionMask.of(sameBlock(contiguous)), "contiguous, n = " + n);
            float[] p = h.apply(Heads.hook(AttentionRule.blockSparseByAttention(3), Measurement.NONE));
            BitSet[] rows = new BitSet[n];
            for (int i = 0; i < n; i++) {
                rows[i] = new BitSet();
                for (int j = 0; j < n; j++) {
                    if (p[i * n + j] > 0) {
                        rows[i].set(j);
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                assertTrue(rows[i].get(i), "a query's block holds itself");
                for (int j = rows[i].nextSetBit(0); j >= 0; j = rows[i].nextSetBit(j + 1)) {
                    assertEquals(rows[i], rows[j], "blocks are equivalence classes (n = " + n + ")");
                }
            }
            assertEquals(3, java.util.Arrays.stream(rows).distinct().count(), "three blocks, n = " + n);
        }
    }

    private static boolean[][] sameBlock(int[] labels) {
        int n = labels.length;
        boolean[][] a = new boolean[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = labels[i] == labels[j];
            }
        }
        return a;
    }
}
