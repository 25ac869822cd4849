package io.github.attnlab.patterns;

import io.github.attnlab.patterns.Reach.Outcome;
import io.github.attnlab.simd.SimdOps;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The reach recursion of Assumption 1 (iii) on bit rows, one word-parallel union per query and layer
 * ({@link SimdOps#orRows}).
 *
 * <p>Ends with {@code FULL} at the first $t$ with every $S_k^t = [n]$ (full sets stay full: every row has a key).
 * With self-loops in every layer the sets only grow, so a whole period without growth proves {@code NEVER}.
 * Without them, a state repeating at the same phase (hash, then exact comparison) proves {@code NEVER}; and if
 * some $t$ gave full reach then the period's composite Boolean matrix would be primitive, full from power
 * $(n-1)^2 + 1$ on (Wielandt), so passing $t = p((n-1)^2 + 1)$ also proves it. A budget of word operations
 * ends the search otherwise ({@code UNDECIDED}).
 */
final class ReachSolver {

    private ReachSolver() {
    }

    /** The default budget: $10^{10}$ word operations (about 5 s on one core with AVX2). */
    static final long DEFAULT_BUDGET = 10_000_000_000L;

    static Reach solve(long[][] layers, int n, long budget) {
        int p = layers.length;
        int w = Words.words(n);
        long perStep = 0;
        boolean monotone = true;
        for (int l = 0; l < p; l++) {
            long total = 0;
            for (int k = 0; k < n; k++) {
                total += Words.cardinality(layers[l], k * w, w);
                monotone &= Words.get(layers[l], k * w, k);
            }
            perStep = Math.max(perStep, total * w);
        }
        int[][] start = null;
        int[][] idx = null;
        SimdOps ops = SimdOps.get();
        long[] cur = layers[0].clone();
        long[] next = new long[n * w];
        double[] min = new double[16];
        double[] mean = new double[16];
        long wielandt = p * ((long) (n - 1) * (n - 1) + 1);
        Map<Long, Integer> seen = new HashMap<>();
        int unchanged = 0;
        long work = 0;
        int t = 1;
        String detail;
        Outcome outcome;
        while (true) {
            if (t > min.length) {
                min = Arrays.copyOf(min, 2 * t);
                mean = Arrays.copyOf(mean, 2 * t);
            }
            int full = stats(cur, n, w, min, mean, t - 1);
            if (full == n) {
                return new Reach(Outcome.FULL, t, Arrays.copyOf(min, t), Arrays.copyOf(mean, t), -1,
                        new java.util.BitSet(), 0, "all sets full after " + t + " layers");
            }
            if (monotone && unchanged >= p) {
                outcome = Outcome.NEVER;
                detail = "the sets stopped growing after " + (t - p) + " layers";
                break;
            }
            if (!monotone) {
                long key = Words.hash(cur, 0, cur.length) * 31 + (t % p);
                Integer t0 = seen.putIfAbsent(key, t);
                if (t0 != null && Arrays.equals(replay(layers, n, t0, idx, start, ops), cur)) {
                    outcome = Outcome.NEVER;
                    detail = "the sets repeat with period " + (t - t0) + " from layer " + t0;
                    break;
                }
            }
            if (t >= wielandt) {
                outcome = Outcome.NEVER;
                detail = "not full after p((n-1)^2+1) = " + wielandt + " layers (Wielandt's bound)";
                break;
            }
            if (work + perStep > budget) {
                outcome = Outcome.UNDECIDED;
                detail = "stopped after " + t + " layers at a budget of " + budget + " word operations, with no"
                        + " repetition seen";
                break;
            }
            if (idx == null) {
                start = new int[p][];
                idx = new int[p][];
                csr(layers, n, start, idx);
            }
            int l = t % p;
            step(cur, next, n, w, idx[l], start[l], ops);
            work += perStep;
            unchanged = Arrays.equals(cur, next) ? unchanged + 1 : 0;
            long[] tmp = cur;
            cur = next;
            next = tmp;
            t++;
        }
        int query = -1;
        int incomplete = 0;
        for (int k = 0; k < n; k++) {
            if (!Words.full(cur, k * w, n)) {
                incomplete++;
                query = query < 0 ? k : query;
            }
        }
        java.util.BitSet missing = Words.toBitSet(cur, query * w, w);
        missing.flip(0, n);
        return new Reach(outcome, 0, Arrays.copyOf(min, t), Arrays.copyOf(mean, t), query, missing, incomplete, detail);
    }

    /** The keys of every layer in compressed sparse row form (built only once a step is needed). */
    private static void csr(long[][] layers, int n, int[][] start, int[][] idx) {
        int w = Words.words(n);
        for (int l = 0; l < layers.length; l++) {
            start[l] = new int[n + 1];
            int total = 0;
            for (int k = 0; k < n; k++) {
                total += Words.cardinality(layers[l], k * w, w);
            }
            idx[l] = new int[total];
            int c = 0;
            for (int k = 0; k < n; k++) {
                start[l][k] = c;
                for (int j : Words.indices(layers[l], k * w, w)) {
                    idx[l][c++] = j;
                }
            }
            start[l][n] = c;
        }
    }

    /** $S^{t+1}$ from $S^t$ through one layer's keys. */
    static void step(long[] cur, long[] next, int n, int w, int[] idx, int[] start, SimdOps ops) {
        for (int k = 0; k < n; k++) {
            ops.orRows(cur, w, idx, start[k], start[k + 1] - start[k], next, k * w);
        }
    }

    /** The state $S^{t}$, recomputed from the start. */
    static long[] replay(long[][] layers, int n, int t, int[][] idx, int[][] start, SimdOps ops) {
        int w = Words.words(n);
        long[] cur = layers[0].clone();
        long[] next = new long[cur.length];
        for (int s = 1; s < t; s++) {
            step(cur, next, n, w, idx[s % layers.length], start[s % layers.length], ops);
            long[] tmp = cur;
            cur = next;
            next = tmp;
        }
        return cur;
    }

    /** Writes min and mean fractions at position {@code at}; returns how many rows are full. */
    private static int stats(long[] s, int n, int w, double[] min, double[] mean, int at) {
        int lo = n;
        long sum = 0;
        int full = 0;
        for (int k = 0; k < n; k++) {
            int c = Words.cardinality(s, k * w, w);
            lo = Math.min(lo, c);
            sum += c;
            full += c == n ? 1 : 0;
        }
        min[at] = (double) lo / n;
        mean[at] = (double) sum / n / n;
        return full;
    }
}
