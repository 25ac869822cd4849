package io.github.attnlab.patterns;

import java.util.Locale;

/**
 * What the construction of a pattern says about Assumption 1 (iii) at one length $n$: the number of layers $s$
 * after which every token has reached every other ($S_k^s = [n]$ for all $k$), or that no $s$ exists, with the
 * one-line argument ({@code docs/papers/E.md}, "the argued $s$"). {@link PatternLayers#reach()} measures it.
 *
 * @param reaches    whether some $s$ exists
 * @param s          the argued $s$ when {@code reaches}, else 0
 * @param derivation the argument in one line
 */
public record ReachArgument(boolean reaches, int s, String derivation) {

    /** Validates: $s \ge 1$ exactly when the pattern reaches. */
    public ReachArgument {
        io.github.attnlab.core.Check.notNull("derivation", derivation);
        if (reaches ? s < 1 : s != 0) {
            throw new IllegalArgumentException("s = " + s + (reaches ? " must be at least 1" : " must be 0 for 'never'"));
        }
    }

    static ReachArgument at(int s, String derivation) {
        return new ReachArgument(true, s, derivation);
    }

    static ReachArgument never(String derivation) {
        return new ReachArgument(false, 0, derivation);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%s)", reaches ? "s = " + s : "never", derivation);
    }
}
