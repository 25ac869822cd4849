package io.github.attnlab.patterns;

import io.github.attnlab.core.Check;
import java.util.function.IntUnaryOperator;

/**
 * The factorised patterns of Child et al. 2019 (Sparse Transformer), as two layers that alternate (period 2):
 * STRIDED and FIXED. The masks follow {@code openai/sparse_attention} ({@code attn_mode} 'local' and 'strided',
 * and the 'fixed' layout), read to get them right and re-derived here; {@link Direction#BIDIRECTIONAL} is the
 * non-causal form paper E analyses.
 */
final class ChildRules {

    private ChildRules() {
    }

    /** $\lceil \sqrt n \rceil$, exactly. */
    static int ceilSqrt(int n) {
        int s = (int) Math.sqrt(n);
        while ((long) s * s < n) {
            s++;
        }
        while (s > 1 && (long) (s - 1) * (s - 1) >= n) {
            s--;
        }
        return s;
    }

    /** A stride fixed in advance, or {@code 0} for $\lceil\sqrt n\rceil$. */
    private static IntUnaryOperator stride(int fixed) {
        return fixed == 0 ? ChildRules::ceilSqrt : n -> fixed;
    }

    private static String strideName(int fixed) {
        return fixed == 0 ? "l=ceil(sqrt n)" : "l=" + fixed;
    }

    /**
     * Layer 1 (local): $A_k = \{j : 0 \le k - j &lt; \ell\}$ (causal) or $|k - j| &lt; \ell$; layer 2 (strided):
     * $A_k = \{j : (k - j) \bmod \ell = 0\}$, with $j \le k$ when causal.
     */
    static SparsityPattern strided(int fixedStride, Direction d) {
        Check.notNull("direction", d);
        IntUnaryOperator l = stride(fixedStride);
        boolean causal = d == Direction.CAUSAL;
        return new SparsityPattern(Kind.STRIDED, "strided(" + strideName(fixedStride) + (causal ? ", causal)" : ")"), 2,
                n -> Check.range("stride", l.applyAsInt(n), 1, n),
                (n, layer, k, out, off) -> {
                    int s = l.applyAsInt(n);
                    if (layer == 0) {
                        Words.setRange(out, off, Math.max(0, k - s + 1), causal ? k + 1 : Math.min(n, k + s));
                    } else {
                        int end = causal ? k : n - 1;
                        for (int j = k % s; j <= end; j += s) {
                            Words.set(out, off, j);
                        }
                    }
                },
                LocalRules::identity,
                n -> causal ? (n == 1 ? ReachArgument.at(1, "one token") : ReachArgument.never("token 0 sees only itself"))
                        : l.applyAsInt(n) >= n ? ReachArgument.at(1, "the local window covers all n tokens")
                        : ReachArgument.at(2, "windows of radius l-1 around the tokens = k mod l cover [n]"));
    }

    /**
     * Layer 1 (block): $A_k = \{j : \lfloor j/\ell \rfloor = \lfloor k/\ell \rfloor\}$; layer 2 (summaries):
     * $A_k = \{k\} \cup \{j : j \bmod \ell \ge \ell - c\}$; both with $j \le k$ when causal. Child et al.'s second
     * set lacks $k$ itself (except at summary positions); paper E assumes self-loops (Assumption 1 (i)), so it is
     * added, which also keeps query 0 of the causal form from having no key.
     */
    static SparsityPattern fixed(int fixedStride, int c, Direction d) {
        Check.notNull("direction", d);
        Check.positive("c", c);
        if (fixedStride > 0) {
            Check.range("c", c, 1, fixedStride);
        }
        IntUnaryOperator l = stride(fixedStride);
        boolean causal = d == Direction.CAUSAL;
        return new SparsityPattern(Kind.FIXED, "fixed(" + strideName(fixedStride) + ", c=" + c
                + (causal ? ", causal)" : ")"), 2,
                n -> {
                    int s = Check.range("stride", l.applyAsInt(n), 1, n);
                    Check.range("c", c, 1, s);
                },
                (n, layer, k, out, off) -> {
                    int s = l.applyAsInt(n);
                    if (layer == 0) {
                        int start = k / s * s;
                        Words.setRange(out, off, start, causal ? k + 1 : Math.min(n, start + s));
                    } else {
                        int end = causal ? k + 1 : n;
                        for (int b = 0; b < end; b += s) {
                            Words.setRange(out, off, b + s - c, Math.min(end, b + s));
                        }
                        Words.set(out, off, k);
                    }
                },
                LocalRules::identity,
                n -> fixedArgument(n, l.applyAsInt(n), c, causal));
    }

    private static ReachArgument fixedArgument(int n, int s, int c, boolean causal) {
        if (n == 1) {
            return ReachArgument.at(1, "one token");
        }
        if (causal) {
            return ReachArgument.never("token 0 sees only itself");
        }
        if (s >= n) {
            return ReachArgument.at(1, "one block");
        }
        int last = n - (n - 1) / s * s;
        return last > s - c || last == s ? ReachArgument.at(2, "every block holds a summary position, and every"
                + " token attends to all summaries")
                : ReachArgument.never("the last block (" + last + " tokens) holds no summary position");
    }
}
