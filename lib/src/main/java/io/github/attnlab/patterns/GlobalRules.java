package io.github.attnlab.patterns;

import io.github.attnlab.core.Check;
import java.util.SplittableRandom;

/** The patterns with global (relay) tokens or random keys: STAR, Longformer, BigBird and the random baseline. */
final class GlobalRules {

    private GlobalRules() {
    }

    private static final String VIA_GLOBAL = "every token attends to a global token, which attends to all: s = 2";

    /** Relay token 0 attends to all; token $k \ge 1$ attends to $k-1, k, k+1$ and the relay. */
    static SparsityPattern star() {
        return new SparsityPattern(Kind.STAR, "star", 1, n -> { },
                (n, l, k, out, off) -> {
                    if (k == 0) {
                        Words.setRange(out, off, 0, n);
                    } else {
                        Words.setRange(out, off, k - 1, Math.min(n, k + 2));
                        Words.set(out, off, 0);
                    }
                },
                LocalRules::identity,
                n -> n <= 3 ? ReachArgument.at(1, "every A_k = [n]") : ReachArgument.at(2, VIA_GLOBAL));
    }

    /**
     * The global tokens $0..f-1$ and $n-e..n-1$ attend to all; every other token to its window of radius $w$ and to
     * the globals.
     */
    static SparsityPattern longformer(int radius, int first, int last) {
        Check.positive("radius", radius);
        checkGlobals(first, last);
        return new SparsityPattern(Kind.LONGFORMER, "longformer(w=" + radius + ", " + globalsName(first, last) + ")", 1,
                n -> {
                    Check.range("radius", radius, 1, n - 1);
                    validateGlobals(n, first, last);
                },
                (n, l, k, out, off) -> windowAndGlobals(n, k, radius, first, last, out, off),
                LocalRules::identity,
                n -> (long) first + last + radius >= n - 1 ? ReachArgument.at(1, "every A_k = [n]")
                        : ReachArgument.at(2, VIA_GLOBAL));
    }

    /** Global tokens alone: $0..f-1$ and $n-e..n-1$ attend to all; every other token to itself and the globals. */
    static SparsityPattern globals(int first, int last) {
        checkGlobals(first, last);
        return new SparsityPattern(Kind.GLOBAL, "globals(" + globalsName(first, last) + ")", 1,
                n -> validateGlobals(n, first, last),
                (n, l, k, out, off) -> {
                    if (isGlobal(n, k, first, last)) {
                        Words.setRange(out, off, 0, n);
                    } else {
                        Words.set(out, off, k);
                        globalKeys(n, first, last, out, off);
                    }
                },
                n -> (long) first + last >= n - 1 ? LocalRules.identity(n) : null,
                n -> (long) first + last >= n - 1 ? ReachArgument.at(1, "every A_k = [n]")
                        : ReachArgument.at(2, VIA_GLOBAL));
    }

    private static void checkGlobals(int first, int last) {
        Check.range("first", first, 0, Integer.MAX_VALUE);
        Check.range("last", last, 0, Integer.MAX_VALUE);
        if (first == 0 && last == 0) {
            throw new IllegalArgumentException("first = 0 and last = 0: a pattern with global tokens needs at least one");
        }
    }

    private static void validateGlobals(int n, int first, int last) {
        Check.range("globals", (int) Math.min(Integer.MAX_VALUE, (long) first + last), 1, n);
    }

    private static String globalsName(int first, int last) {
        return last == 0 ? "g=" + first : "g=" + first + " first + " + last + " last";
    }

    private static boolean isGlobal(int n, int k, int first, int last) {
        return k < first || k >= n - last;
    }

    private static void globalKeys(int n, int first, int last, long[] out, int off) {
        Words.setRange(out, off, 0, first);
        Words.setRange(out, off, n - last, n);
    }

    private static void windowAndGlobals(int n, int k, int radius, int first, int last, long[] out, int off) {
        if (isGlobal(n, k, first, last)) {
            Words.setRange(out, off, 0, n);
        } else {
            Words.setRange(out, off, Math.max(0, k - radius), Math.min(n, k + radius + 1));
            globalKeys(n, first, last, out, off);
        }
    }

    /** Longformer's keys plus $r$ distinct random keys per query, seeded (the same in every layer). */
    static SparsityPattern bigBird(int radius, int first, int last, int random, long seed) {
        Check.positive("radius", radius);
        checkGlobals(first, last);
        Check.range("random", random, 0, Integer.MAX_VALUE);
        return new SparsityPattern(Kind.BIGBIRD, "bigbird(w=" + radius + ", " + globalsName(first, last) + ", r="
                + random + ")", 1,
                n -> {
                    Check.range("radius", radius, 1, n - 1);
                    validateGlobals(n, first, last);
                    Check.range("random", random, 0, n - 1);
                },
                (n, l, k, out, off) -> {
                    windowAndGlobals(n, k, radius, first, last, out, off);
                    randomKeys(seed, n, 0, k, random, out, off);
                },
                LocalRules::identity,
                n -> (long) first + last + radius >= n - 1 ? ReachArgument.at(1, "every A_k = [n]")
                        : (long) random + 2L * radius + 1 + first + last < n ? ReachArgument.at(2, VIA_GLOBAL) : null);
    }

    /** Self plus $r$ distinct random keys per query, drawn afresh for each of $p$ layers. */
    static SparsityPattern random(int keys, int period, long seed) {
        Check.range("keys", keys, 0, Integer.MAX_VALUE);
        Check.positive("period", period);
        return new SparsityPattern(Kind.RANDOM, "random(r=" + keys + (period > 1 ? ", p=" + period : "") + ")", period,
                n -> Check.range("keys", keys, 0, n - 1),
                (n, l, k, out, off) -> {
                    Words.set(out, off, k);
                    randomKeys(seed, n, l, k, keys, out, off);
                }, null, null);
    }

    /**
     * Sets $r$ distinct keys drawn uniformly from $[n] \setminus \{k\}$ (Floyd's algorithm), from a generator seeded
     * by (seed, n, layer, k), so a row never depends on which rows were drawn before it.
     */
    /** Up to this many keys, Floyd's chosen set is a short array scanned linearly. */
    private static final int SMALL = 64;

    static void randomKeys(long seed, int n, int layer, int k, int r, long[] out, int off) {
        if (r == 0) {
            return;
        }
        SplittableRandom rnd = new SplittableRandom(mix(mix(mix(seed ^ 0x243F6A8885A308D3L, n), layer), k));
        int m = n - 1;
        if (r <= SMALL) {
            int[] chosen = new int[r];
            for (int c = 0, j = m - r; j < m; j++, c++) {
                int t = rnd.nextInt(j + 1);
                boolean taken = false;
                for (int i = 0; i < c && !taken; i++) {
                    taken = chosen[i] == t;
                }
                chosen[c] = taken ? j : t;
                Words.set(out, off, chosen[c] < k ? chosen[c] : chosen[c] + 1);
            }
            return;
        }
        long[] chosen = new long[Words.words(m)];
        for (int j = m - r; j < m; j++) {
            int t = rnd.nextInt(j + 1);
            int pick = Words.get(chosen, 0, t) ? j : t;
            Words.set(chosen, 0, pick);
            Words.set(out, off, pick < k ? pick : pick + 1);
        }
    }

    private static long mix(long h, long v) {
        long z = h + 0x9E3779B97F4A7C15L * (v + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
