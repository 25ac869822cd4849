package io.github.attnlab.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Global tokens at both ends of the sequence (BERT's [CLS] and [SEP]): Longformer, BigBird and globals alone. */
class GlobalTokensTest {

    private static BitSet set(int... js) {
        BitSet b = new BitSet();
        IntStream.of(js).forEach(b::set);
        return b;
    }

    @Test
    void setsAndCountsByHand() {
        // longformer w = 1, one global at each end, 7 tokens: rows 0 and 6 full; row k: {k-1, k, k+1} and {0, 6}
        SparsityPattern lf = Patterns.longformer(1, 1, 1);
        assertEquals(set(0, 1, 2, 3, 4, 5, 6), lf.keys(7, 0, 6));
        assertEquals(set(0, 2, 3, 4, 6), lf.keys(7, 0, 3));
        assertEquals(set(0, 1, 2, 6), lf.keys(7, 0, 1));
        // 7 + 4 + 5 + 5 + 5 + 4 + 7
        assertEquals(37, lf.connections(7, 0));
        // globals alone, 2 first and 1 last on 6 tokens: rows 0, 1, 5 full; rows 2, 3, 4: {0, 1, k, 5}
        SparsityPattern g = Patterns.globals(2, 1);
        assertEquals(set(0, 1, 3, 5), g.keys(6, 0, 3));
        assertEquals(3 * 6 + 3 * 4, g.connections(6, 0));
        assertEquals(Kind.GLOBAL, g.kind());
        // with no last global, the two-argument Longformer
        assertEquals(Patterns.longformer(2, 2).mask(9, 0).keys(4), Patterns.longformer(2, 2, 0).mask(9, 0).keys(4));
        assertEquals("longformer(w=2, g=2)", Patterns.longformer(2, 2, 0).name());
        assertEquals("longformer(w=2, g=1 first + 1 last)", Patterns.longformer(2, 1, 1).name());
        // globals only at the end
        assertEquals(set(5, 6, 7, 9), Patterns.longformer(1, 0, 1).keys(10, 0, 6));
    }

    @Test
    void unionAddsTheGlobalsToAnyPattern() {
        SparsityPattern s = Patterns.union(Patterns.strided(3, Direction.BIDIRECTIONAL), Patterns.globals(1, 1));
        assertEquals(2, s.period());
        for (int layer = 0; layer < 2; layer++) {
            for (int k = 1; k < 9; k++) {
                BitSet expected = Patterns.strided(3, Direction.BIDIRECTIONAL).keys(10, layer, k);
                expected.set(0);
                expected.set(9);
                assertEquals(expected, s.keys(10, layer, k));
            }
            assertEquals(10, s.keys(10, layer, 0).cardinality());
            assertEquals(10, s.keys(10, layer, 9).cardinality());
        }
    }

    @Test
    void bigBirdHoldsItsLongformerAndAtMostRRandomKeys() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int trial = 0; trial < 20; trial++) {
            int n = 8 + rnd.nextInt(60);
            int w = 1 + rnd.nextInt(3);
            int f = rnd.nextInt(3);
            int e = f == 0 ? 1 + rnd.nextInt(2) : rnd.nextInt(3);
            int r = rnd.nextInt(4);
            SparsityPattern bb = Patterns.bigBird(w, f, e, r, trial);
            SparsityPattern lf = Patterns.longformer(w, f, e);
            for (int k = 0; k < n; k++) {
                BitSet b = bb.keys(n, 0, k);
                BitSet l = lf.keys(n, 0, k);
                BitSet within = (BitSet) b.clone();
                within.and(l);
                assertEquals(l, within, "BigBird holds Longformer's keys");
                b.andNot(l);
                assertTrue(b.cardinality() <= r, "at most r extra keys");
            }
        }
    }

    @Test
    void reachAndPathAgreeWithTheConstruction() {
        for (int n : new int[] {2, 3, 5, 17, 64, 129}) {
            for (int w = 1; w < n; w += 1 + w) {
                AssumptionReport lf = Patterns.longformer(w, 1, 1).at(n).conditions();
                assertTrue(lf.agreesWithArgument(), lf.toString());
                assertEquals(n - 1 <= w + 2 ? 1 : 2, lf.reach().s(), lf.toString());
                assertEquals(HamiltonianPath.Status.FOUND, lf.path().status());
                AssumptionReport bb = Patterns.bigBird(w, 1, 1, Math.min(2, n - 1), 5L).at(n).conditions();
                assertTrue(bb.argued() == null || bb.agreesWithArgument(), bb.toString());
            }
            if (n >= 2) {
                AssumptionReport g = Patterns.globals(1, 1).at(n).conditions();
                assertTrue(g.agreesWithArgument(), g.toString());
                assertEquals(n <= 3 ? 1 : 2, g.reach().s(), g.toString());
            }
        }
        // globals alone on 6 tokens: tokens 1..4 see only themselves and the ends, so no Hamiltonian path exists
        assertEquals(HamiltonianPath.Status.NONE, Patterns.globals(1, 1).at(6).hamiltonianPath().status());
    }

    private static void refuses(String message, org.junit.jupiter.api.function.Executable e) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, e).getMessage());
    }

    @Test
    void refusesBadGlobals() {
        refuses("first = 0 and last = 0: a pattern with global tokens needs at least one",
                () -> Patterns.longformer(2, 0, 0));
        refuses("first = -1 is outside [0, 2147483647]", () -> Patterns.globals(-1, 1));
        refuses("last = -2 is outside [0, 2147483647]", () -> Patterns.bigBird(1, 1, -2, 0, 1L));
        refuses("globals = 7 is outside [1, 6]", () -> Patterns.globals(4, 3).mask(6, 0));
        refuses("globals = 0 must be at least 1", () -> Patterns.longformer(2, 0));
        refuses("radius = 6 is outside [1, 5]", () -> Patterns.longformer(6, 1, 1).mask(6, 0));
    }
}
