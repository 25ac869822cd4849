package io.github.attnlab.patterns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The reach recursion on bitsets against brute-force reachability, and the argued $s$ of the constructions. */
class ReachTest {

    /** Random masks: each pair allowed with the given density; self-loops forced or not; no row empty. */
    static List<AttentionMask> randomLayers(Random r, int n, int p, double density, boolean selfLoops) {
        List<AttentionMask> out = new ArrayList<>();
        for (int l = 0; l < p; l++) {
            boolean[][] a = new boolean[n][n];
            for (int k = 0; k < n; k++) {
                boolean any = false;
                for (int j = 0; j < n; j++) {
                    a[k][j] = r.nextDouble() < density || (selfLoops && j == k);
                    any |= a[k][j];
                }
                if (!any) {
                    a[k][r.nextInt(n)] = true;
                }
            }
            out.add(AttentionMask.of(a));
        }
        return out;
    }

    /**
     * Brute force from the definition, on boolean matrices: $S^1 = A^1$, $S^t_k = \bigcup_{j \in A_k} S^{t-1}_j$,
     * run for {@code steps} layers; returns every state.
     */
    static List<boolean[][]> bruteForce(List<AttentionMask> layers, int n, int steps) {
        List<boolean[][]> states = new ArrayList<>();
        boolean[][] s = new boolean[n][n];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                s[k][j] = layers.get(0).allows(k, j);
            }
        }
        states.add(s);
        for (int t = 2; t <= steps; t++) {
            AttentionMask a = layers.get((t - 1) % layers.size());
            boolean[][] next = new boolean[n][n];
            for (int k = 0; k < n; k++) {
                for (int j = 0; j < n; j++) {
                    if (a.allows(k, j)) {
                        for (int i = 0; i < n; i++) {
                            next[k][i] |= s[j][i];
                        }
                    }
                }
            }
            s = next;
            states.add(s);
        }
        return states;
    }

    private static boolean full(boolean[][] s) {
        for (boolean[] row : s) {
            for (boolean b : row) {
                if (!b) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    void recursionMatchesBruteForceOnRandomPatterns() {
        Random r = new Random(20200608L);
        int fullCount = 0;
        int neverCount = 0;
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + r.nextInt(13);
            int p = 1 + r.nextInt(3);
            boolean loops = r.nextBoolean();
            double density = 0.02 + 0.3 * r.nextDouble();
            List<AttentionMask> layers = randomLayers(r, n, p, density, loops);
            Reach reach = Patterns.ofMasks("random", layers).at(n).reach();
            // Wielandt: if full reach ever holds, it holds by p((n-1)^2 + 1) layers
            int bound = p * ((n - 1) * (n - 1) + 1);
            List<boolean[][]> states = bruteForce(layers, n, Math.max(bound, reach.steps()));
            int s = 0;
            for (int t = 1; t <= states.size(); t++) {
                if (full(states.get(t - 1))) {
                    s = t;
                    break;
                }
            }
            String what = "trial " + trial + ", n = " + n + ", p = " + p + ", self-loops " + loops;
            if (s > 0) {
                fullCount++;
                assertEquals(Reach.Outcome.FULL, reach.outcome(), what);
                assertEquals(s, reach.s(), what);
            } else {
                neverCount++;
                assertEquals(Reach.Outcome.NEVER, reach.outcome(), what);
                boolean[][] last = states.get(reach.steps() - 1);
                BitSet missing = new BitSet();
                for (int j = 0; j < n; j++) {
                    if (!last[reach.query()][j]) {
                        missing.set(j);
                    }
                }
                assertEquals(missing, reach.unreached(), what);
                assertTrue(!missing.isEmpty(), what);
            }
            for (int t = 1; t <= reach.steps(); t++) {
                boolean[][] st = states.get(t - 1);
                int min = n;
                for (boolean[] row : st) {
                    int c = 0;
                    for (boolean b : row) {
                        c += b ? 1 : 0;
                    }
                    min = Math.min(min, c);
                }
                assertEquals((double) min / n, reach.minFraction()[t - 1], 0.0, what + ", t = " + t);
            }
        }
        assertTrue(fullCount > 50 && neverCount > 50, fullCount + " full, " + neverCount + " never: both outcomes tested");
    }

    @Test
    void receptiveSetsMatchBruteForce() {
        Random r = new Random(5);
        List<AttentionMask> layers = randomLayers(r, 70, 2, 0.03, true);
        PatternLayers pl = Patterns.ofMasks("random", layers).at(70);
        List<boolean[][]> states = bruteForce(layers, 70, 4);
        for (int t = 1; t <= 4; t++) {
            AttentionMask s = pl.receptiveSets(t);
            for (int k = 0; k < 70; k++) {
                for (int j = 0; j < 70; j++) {
                    assertEquals(states.get(t - 1)[k][j], s.allows(k, j));
                }
            }
        }
    }

    @Test
    void measuredReachAgreesWithTheConstructions() {
        int[] ns = {1, 2, 3, 5, 17, 64, 100, 257};
        List<SparsityPattern> ps = List.of(Patterns.dense(), Patterns.causal(), Patterns.star(), Patterns.strided(),
                Patterns.strided(Direction.CAUSAL), Patterns.fixed(1), Patterns.fixed(2, Direction.CAUSAL));
        for (int n : ns) {
            for (SparsityPattern p : ps) {
                if (p.kind() == Kind.FIXED && ChildRules.ceilSqrt(n) < (p.name().contains("c=2") ? 2 : 1)) {
                    continue;
                }
                AssumptionReport a = p.at(n).conditions();
                assertTrue(a.agreesWithArgument(), a.toString());
            }
        }
        for (int n : new int[] {4, 9, 50, 101}) {
            for (int w = 1; w < n; w += 1 + w) {
                AssumptionReport a = Patterns.window(w).at(n).conditions();
                assertEquals((n - 1 + w - 1) / w, a.reach().s(), a.toString());
                assertTrue(a.agreesWithArgument());
                assertTrue(Patterns.window(w, Direction.CAUSAL).at(n).conditions().agreesWithArgument());
                assertTrue(Patterns.longformer(w, 2).at(n).conditions().agreesWithArgument());
                AssumptionReport bb = Patterns.bigBird(w, 1, 1, 3L).at(n).conditions();
                // BigBird argues s only when the random keys cannot fill a row: 1 + 2w + 1 + 1 < n or g + w >= n - 1
                assertEquals(1 + 2 * w + 1 + 1 < n || 1 + w >= n - 1, bb.argued() != null, bb.toString());
                assertTrue(bb.argued() == null || bb.agreesWithArgument(), bb.toString());
            }
            assertTrue(Patterns.dilated(1, 2).at(n).conditions().agreesWithArgument());
            assertTrue(Patterns.blocks(3).at(n).conditions().agreesWithArgument());
        }
        // FIXED with a last block too short for a summary: 10 tokens, blocks of 4, c = 1 (last block {8, 9})
        AssumptionReport f = Patterns.fixed(4, 1, Direction.BIDIRECTIONAL).at(10).conditions();
        assertEquals(Reach.Outcome.NEVER, f.reach().outcome());
        assertTrue(f.agreesWithArgument(), f.toString());
        assertEquals(0, f.reach().query());
        assertEquals(BitSetOf.of(8, 9), f.reach().unreached());
    }

    @Test
    void neverNamesTheUnreachedTokens() {
        Reach c = Patterns.causal().at(6).reach();
        assertEquals(Reach.Outcome.NEVER, c.outcome());
        assertEquals(0, c.query());
        assertEquals(BitSetOf.of(1, 2, 3, 4, 5), c.unreached());
        assertEquals(5, c.incomplete());
        assertTrue(c.toString().contains("token 0 never receives tokens 1-5"), c.toString());
        assertArrayEquals(new double[] {1.0 / 6, 1.0 / 6}, c.minFraction());
        Reach b = Patterns.blocks(4).at(8).reach();
        assertEquals(BitSetOf.of(4, 5, 6, 7), b.unreached());
    }

    @Test
    void budgetEndsUndecided() {
        Reach u = Patterns.window(1).at(200).reach(10_000);
        assertEquals(Reach.Outcome.UNDECIDED, u.outcome());
        assertTrue(u.toString().contains("budget of 10000"), u.toString());
    }

    /** A tiny helper for expected sets. */
    static final class BitSetOf {
        static BitSet of(int... bits) {
            BitSet b = new BitSet();
            for (int x : bits) {
                b.set(x);
            }
            return b;
        }
    }
}
