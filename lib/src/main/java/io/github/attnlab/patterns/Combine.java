package io.github.attnlab.patterns;

import io.github.attnlab.core.Check;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/** Patterns made of patterns: per-layer cycles, unions, and fixed masks given layer by layer. */
final class Combine {

    private Combine() {
    }

    /** Layer $l$ uses pattern $l \bmod m$ at its own layer $\lfloor l/m \rfloor$; period $m \cdot \mathrm{lcm}(p_i)$. */
    static SparsityPattern cycle(List<SparsityPattern> ps) {
        Check.notNull("patterns", ps);
        int m = Check.positive("patterns.length", ps.size());
        long lcm = 1;
        for (int i = 0; i < m; i++) {
            Check.notNull("patterns[" + i + "]", ps.get(i));
            lcm = lcm(lcm, ps.get(i).period());
        }
        long period = m * lcm;
        Check.range("period", (int) Math.min(period, Integer.MAX_VALUE), 1, 1 << 16);
        List<SparsityPattern> parts = List.copyOf(ps);
        return new SparsityPattern(Kind.CYCLE, "cycle(" + names(parts) + ")", (int) period,
                n -> parts.forEach(p -> p.validate(n)),
                (n, l, k, out, off) -> {
                    SparsityPattern p = parts.get(l % m);
                    p.fill(n, (l / m) % p.period(), k, out, off);
                },
                n -> firstPath(parts, n), null);
    }

    /** $A_k^l = \bigcup_i A_k^{l}(p_i)$; period $\mathrm{lcm}(p_i)$. */
    static SparsityPattern union(List<SparsityPattern> ps) {
        Check.notNull("patterns", ps);
        int m = Check.positive("patterns.size()", ps.size());
        long lcm = 1;
        for (int i = 0; i < m; i++) {
            Check.notNull("patterns[" + i + "]", ps.get(i));
            lcm = lcm(lcm, ps.get(i).period());
        }
        Check.range("period", (int) Math.min(lcm, Integer.MAX_VALUE), 1, 1 << 16);
        List<SparsityPattern> parts = List.copyOf(ps);
        return new SparsityPattern(Kind.UNION, "union(" + names(parts) + ")", (int) lcm,
                n -> parts.forEach(p -> p.validate(n)),
                (n, l, k, out, off) -> {
                    for (SparsityPattern p : parts) {
                        p.fill(n, l % p.period(), k, out, off);
                    }
                },
                n -> firstPath(parts, n), null);
    }

    /** Fixed masks, one per layer, all on the same $n$ (data-driven patterns). */
    static SparsityPattern ofMasks(Kind kind, String name, List<AttentionMask> layers) {
        Check.notNull("layers", layers);
        int p = Check.positive("layers.size()", layers.size());
        int n0 = Check.notNull("layers[0]", layers.get(0)).size();
        int w = Words.words(n0);
        List<long[]> words = new ArrayList<>();
        for (int l = 0; l < p; l++) {
            AttentionMask m = Check.notNull("layers[" + l + "]", layers.get(l));
            Check.size("layers[" + l + "].size()", m.size(), n0);
            words.add(words(m.requireKeys()));
        }
        return new SparsityPattern(kind, name, p,
                n -> {
                    if (n != n0) {
                        throw new IllegalArgumentException("n = " + n + ", but " + name + " is defined on " + n0
                                + " tokens only");
                    }
                },
                (n, l, k, out, off) -> LocalRules.or(words.get(l), k * w, out, off, w), null, null);
    }

    /** Any {@link AttentionPattern} as a {@link SparsityPattern}, rebuilding (and caching) one mask at a time. */
    static SparsityPattern of(AttentionPattern a) {
        Check.notNull("pattern", a);
        if (a instanceof SparsityPattern) {
            return (SparsityPattern) a;
        }
        AtomicReference<Object[]> cache = new AtomicReference<>(new Object[] {-1, -1, null});
        return new SparsityPattern(Kind.CUSTOM, a.name(), a.period(), n -> { },
                (n, l, k, out, off) -> {
                    Object[] c = cache.get();
                    if ((int) c[0] != n || (int) c[1] != l) {
                        c = new Object[] {n, l, words(a.mask(n, l).requireKeys())};
                        cache.set(c);
                    }
                    int w = Words.words(n);
                    LocalRules.or((long[]) c[2], k * w, out, off, w);
                }, null, null);
    }

    /** The words of a mask: shared (read-only) for the package's own masks, built from the rows otherwise. */
    static long[] words(AttentionMask m) {
        if (m instanceof WordMask) {
            return ((WordMask) m).words();
        }
        int n = m.size();
        int w = Words.words(n);
        long[] out = new long[n * w];
        for (int k = 0; k < n; k++) {
            long[] row = m.keys(k).toLongArray();
            if (row.length > w) {
                throw new IllegalArgumentException("mask row " + k + " holds a key at or above n = " + n);
            }
            System.arraycopy(row, 0, out, k * w, row.length);
        }
        return out;
    }

    private static int[] firstPath(List<SparsityPattern> parts, int n) {
        for (SparsityPattern p : parts) {
            java.util.Optional<int[]> path = p.constructedPath(n);
            if (path.isPresent()) {
                return path.get();
            }
        }
        return null;
    }

    private static String names(List<SparsityPattern> ps) {
        return ps.stream().map(SparsityPattern::name).collect(Collectors.joining(", "));
    }

    static long lcm(long a, long b) {
        long x = a;
        long y = b;
        while (y != 0) {
            long t = x % y;
            x = y;
            y = t;
        }
        return a / x * b;
    }
}
