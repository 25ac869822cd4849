package io.github.attnlab.patterns;

import io.github.attnlab.core.Check;
import io.github.attnlab.spectral.partition.Partition;
import java.util.stream.IntStream;

/** Dense, causal, windows, dilated windows and blocks: the patterns that need no global or random keys. */
final class LocalRules {

    private LocalRules() {
    }

    static int[] identity(int n) {
        return IntStream.range(0, n).toArray();
    }

    static SparsityPattern dense() {
        return new SparsityPattern(Kind.DENSE, "dense", 1, n -> { },
                (n, l, k, out, off) -> Words.setRange(out, off, 0, n), LocalRules::identity,
                n -> ReachArgument.at(1, "A_k = [n]"));
    }

    static SparsityPattern causal() {
        return new SparsityPattern(Kind.CAUSAL, "causal", 1, n -> { },
                (n, l, k, out, off) -> Words.setRange(out, off, 0, k + 1), LocalRules::identity,
                n -> n == 1 ? ReachArgument.at(1, "one token")
                        : ReachArgument.never("token 0 sees only itself: later tokens never reach it"));
    }

    static SparsityPattern window(int radius, Direction d) {
        Check.positive("radius", radius);
        Check.notNull("direction", d);
        boolean causal = d == Direction.CAUSAL;
        return new SparsityPattern(Kind.WINDOW, "window(w=" + radius + (causal ? ", causal)" : ")"), 1,
                n -> Check.range("radius", radius, 1, n - 1),
                (n, l, k, out, off) -> Words.setRange(out, off, Math.max(0, k - radius),
                        causal ? k + 1 : Math.min(n, k + radius + 1)),
                LocalRules::identity,
                n -> causal ? ReachArgument.never("token 0 sees only itself")
                        : ReachArgument.at((n - 1 + radius - 1) / radius,
                        "each layer widens S_k by w on each side: s = ceil((n-1)/w)"));
    }

    static SparsityPattern dilated(int radius, int dilation) {
        Check.positive("radius", radius);
        Check.positive("dilation", dilation);
        return new SparsityPattern(Kind.DILATED, "dilated(w=" + radius + ", d=" + dilation + ")", 1,
                n -> Check.range("radius", radius, 1, (n - 1) / dilation),
                (n, l, k, out, off) -> {
                    for (int i = -radius; i <= radius; i++) {
                        int j = k + i * dilation;
                        if (j >= 0 && j < n) {
                            Words.set(out, off, j);
                        }
                    }
                },
                dilation == 1 ? LocalRules::identity : null,
                n -> dilation == 1 ? ReachArgument.at((n - 1 + radius - 1) / radius, "a window: s = ceil((n-1)/w)")
                        : ReachArgument.never("keys share the query's residue mod d: the residue classes never mix"));
    }

    static SparsityPattern blocks(int size) {
        Check.positive("size", size);
        return new SparsityPattern(Kind.BLOCK, "blocks(b=" + size + ")", 1,
                n -> Check.range("size", size, 1, n),
                (n, l, k, out, off) -> Words.setRange(out, off, k / size * size, Math.min(n, k / size * size + size)),
                null,
                n -> size >= n ? ReachArgument.at(1, "one block") : ReachArgument.never("blocks never exchange tokens"));
    }

    static SparsityPattern blocks(Partition p) {
        Check.notNull("partition", p);
        int pn = p.n();
        int w = Words.words(pn);
        long[] members = new long[p.parts() * w];
        for (int v = 0; v < pn; v++) {
            Words.set(members, p.label(v) * w, v);
        }
        int nonEmpty = (int) IntStream.of(p.sizes()).filter(s -> s > 0).count();
        return new SparsityPattern(Kind.BLOCK, "blocks(" + p.parts() + " parts)", 1,
                n -> {
                    if (n != pn) {
                        throw new IllegalArgumentException("n = " + n + ", but the partition has " + pn + " tokens");
                    }
                },
                (n, l, k, out, off) -> or(members, p.label(k) * w, out, off, w),
                nonEmpty == 1 ? LocalRules::identity : null,
                n -> nonEmpty == 1 ? ReachArgument.at(1, "one block")
                        : ReachArgument.never("blocks never exchange tokens"));
    }

    /** {@code out[off..off+w) |= src[from..from+w)}. */
    static void or(long[] src, int from, long[] out, int off, int w) {
        for (int i = 0; i < w; i++) {
            out[off + i] |= src[from + i];
        }
    }
}
