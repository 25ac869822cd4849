package io.github.attnlab.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.attnlab.patterns.HamiltonianPath.Method;
import io.github.attnlab.patterns.HamiltonianPath.Status;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hamiltonian paths of union graphs: constructions verified edge by edge, searches against brute force. */
class HamiltonianPathTest {

    /** Independent check from the masks: a permutation, and each token a key of the next in some layer. */
    static void assertPath(SparsityPattern p, int n, int[] path) {
        assertEquals(n, path.length, p.name());
        boolean[] seen = new boolean[n];
        for (int i = 0; i < n; i++) {
            assertTrue(!seen[path[i]], p.name() + ": token " + path[i] + " twice");
            seen[path[i]] = true;
            if (i > 0) {
                boolean edge = false;
                for (int l = 0; l < p.period(); l++) {
                    edge |= p.mask(n, l).allows(path[i], path[i - 1]);
                }
                assertTrue(edge, p.name() + ", n = " + n + ": token " + path[i - 1] + " is no key of " + path[i]);
            }
        }
    }

    @Test
    void constructedPathsAreHamiltonianEdgeByEdge() {
        List<SparsityPattern> ps = List.of(Patterns.dense(), Patterns.causal(), Patterns.window(1),
                Patterns.window(3, Direction.CAUSAL), Patterns.strided(), Patterns.strided(Direction.CAUSAL),
                Patterns.strided(1, Direction.CAUSAL), Patterns.fixed(1), Patterns.fixed(1, Direction.CAUSAL),
                Patterns.fixed(3, 3, Direction.CAUSAL), Patterns.star(), Patterns.longformer(1, 1),
                Patterns.bigBird(1, 2, 2, 9L), Patterns.dilated(1, 1),
                Patterns.cycle(Patterns.dilated(1, 2), Patterns.window(1)));
        for (int n : new int[] {2, 3, 5, 16, 37, 100}) {
            for (SparsityPattern p : ps) {
                try {
                    p.validate(n);
                } catch (IllegalArgumentException tooShort) {
                    assertTrue(n < 4, p.name() + " cannot be built at n = " + n);
                    continue;
                }
                int[] path = p.constructedPath(n).orElseThrow(() -> new AssertionError(p.name()));
                assertPath(p, n, path);
                HamiltonianPath h = p.at(n).hamiltonianPath();
                assertEquals(Status.FOUND, h.status());
                assertEquals(Method.CONSTRUCTED, h.method(), p.name());
            }
        }
    }

    /** All permutations of $[n]$, tried one by one: the reference for the searches. */
    static boolean bruteForce(boolean[][] arc, int n) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        do {
            boolean ok = true;
            for (int i = 1; i < n && ok; i++) {
                ok = arc[perm[i - 1]][perm[i]];
            }
            if (ok) {
                return true;
            }
        } while (nextPermutation(perm));
        return false;
    }

    private static boolean nextPermutation(int[] a) {
        int i = a.length - 2;
        while (i >= 0 && a[i] >= a[i + 1]) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        int j = a.length - 1;
        while (a[j] <= a[i]) {
            j--;
        }
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
        for (int l = i + 1, r = a.length - 1; l < r; l++, r--) {
            t = a[l];
            a[l] = a[r];
            a[r] = t;
        }
        return true;
    }

    @Test
    void searchesAgreeWithAllPermutations() {
        Random r = new Random(77);
        int found = 0;
        int none = 0;
        int[] byMethod = new int[Method.values().length];
        for (int trial = 0; trial < 400; trial++) {
            int n = 2 + r.nextInt(7);
            // shuffled labels, so the token order rarely works and the searches run
            List<AttentionMask> layers = ReachTest.randomLayers(r, n, 1 + r.nextInt(2), 0.08 + 0.3 * r.nextDouble(),
                    r.nextBoolean());
            SparsityPattern p = Patterns.ofMasks("random", layers);
            boolean[][] arc = new boolean[n][n];
            for (AttentionMask m : layers) {
                for (int u = 0; u < n; u++) {
                    for (int v = 0; v < n; v++) {
                        arc[u][v] |= m.allows(v, u); // u is a key of v: v may follow u
                    }
                }
            }
            HamiltonianPath h = p.at(n).hamiltonianPath();
            byMethod[h.method().ordinal()]++;
            assertEquals(bruteForce(arc, n), h.found(), "trial " + trial + ": " + h);
            if (h.found()) {
                found++;
                assertPath(p, n, h.path());
            } else {
                none++;
                assertEquals(Status.NONE, h.status(), "decided exactly at n <= 20");
            }
        }
        assertTrue(found > 40 && none > 40, found + " found, " + none + " none");
        assertTrue(byMethod[Method.EXACT_SEARCH.ordinal()] > 20 && byMethod[Method.CONDENSATION.ordinal()] > 20,
                java.util.Arrays.toString(byMethod));
    }

    @Test
    void disconnectedPatternsHaveNoPathWithAProof() {
        HamiltonianPath b = Patterns.blocks(4).at(64).hamiltonianPath();
        assertEquals(Status.NONE, b.status());
        assertEquals(Method.CONDENSATION, b.method());
        assertTrue(b.reason().contains("16 strongly connected components"), b.reason());
        HamiltonianPath d = Patterns.dilated(2, 3).at(200).hamiltonianPath();
        assertEquals(Status.NONE, d.status());
    }

    @Test
    void aboveTheExactLimitSearchFindsOrSaysUnknown() {
        // random keys, r = 12, n = 300: dense enough for Warnsdorff's rule to find a path at once
        SparsityPattern rnd = Patterns.random(12, 3L);
        HamiltonianPath h = rnd.at(300).hamiltonianPath();
        assertEquals(Method.HEURISTIC_SEARCH, h.method(), h.toString());
        assertEquals(Status.FOUND, h.status(), h.toString());
        assertPath(rnd, 300, h.path());
        HamiltonianPath u = rnd.at(300).hamiltonianPath(0);
        assertEquals(Status.UNKNOWN, u.status());
        assertTrue(u.reason().contains("above the exact-search limit 20"), u.reason());
    }
}
