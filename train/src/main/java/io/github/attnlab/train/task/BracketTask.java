package io.github.attnlab.train.task;

import io.github.attnlab.core.Check;
import io.github.attnlab.train.Example;
import java.util.Arrays;
import java.util.Random;

/**
 * Two hand-crafted closing tasks in the spirit of Gao et al. (docs/papers/F.md, "closing a bracket", "matching a
 * quote"), as per-position classification for a causal decoder. The answer at a scored position $i$ is the type of
 * the delimiter that would close the span open after reading $x_1..x_i$ (class $0..K-1$).
 *
 * <ul>
 *   <li>{@link #brackets(int, int)}: $N$ tokens; letters $0..S-1$, opening brackets $S..S+K-1$, closing brackets
 *   $S+K..S+2K-1$. Brackets are not nested (depth at most 1): outside a span, a position opens a bracket of a uniform
 *   type with probability $1/4$ (else a letter); inside, it closes the span with probability $1/4$ (else a letter).
 *   Positions inside an open span (the opening bracket included) are scored with the span's type; the others are
 *   not. The model must find the most recent opening bracket.</li>
 *   <li>{@link #quotes(int)}: $N$ tokens; letters $0..S-1$ and $K = 2$ quote marks $S$ (single), $S+1$ (double), one
 *   quote at a uniform position $p \in [0, \lceil N/2\rceil)$, letters elsewhere; positions $i \ge p$ are scored with the
 *   quote's type (the mark that closes the string).</li>
 * </ul>
 * If a sampled bracket sequence has no scored position, its last token becomes an opening bracket, so every example
 * scores at least one position.
 */
public final class BracketTask implements Task {

    /** Which task. */
    public enum Kind {
        /** Non-nested brackets of $K$ types. */
        BRACKETS,
        /** One opening quote of two types. */
        QUOTES
    }

    private final Kind kind;
    private final int types;
    private final int letters;

    private BracketTask(Kind kind, int types, int letters) {
        this.kind = kind;
        this.types = types;
        this.letters = letters;
    }

    /** Brackets of {@code types} $\ge 2$ kinds among {@code letters} $\ge 1$ letters. */
    public static BracketTask brackets(int types, int letters) {
        Check.range("types", types, 2, 1 << 10);
        Check.range("letters", letters, 1, 1 << 16);
        return new BracketTask(Kind.BRACKETS, types, letters);
    }

    /** A single or double quote among {@code letters} $\ge 1$ letters. */
    public static BracketTask quotes(int letters) {
        Check.range("letters", letters, 1, 1 << 16);
        return new BracketTask(Kind.QUOTES, 2, letters);
    }

    /** The kind. */
    public Kind kind() {
        return kind;
    }

    /** The number of delimiter types $K$ (the classes). */
    public int types() {
        return types;
    }

    /** The number of letters $S$. */
    public int letters() {
        return letters;
    }

    @Override
    public String name() {
        return kind == Kind.BRACKETS ? "brackets" : "quotes";
    }

    @Override
    public int vocabulary() {
        return kind == Kind.BRACKETS ? letters + 2 * types : letters + types;
    }

    @Override
    public int outputs() {
        return types;
    }

    @Override
    public int length(int size) {
        return size;
    }

    @Override
    public Example sample(Random random, int size) {
        Check.notNull("random", random);
        Check.range("size", size, 2, 1 << 15);
        int[] tokens = new int[size];
        int[] targets = new int[size];
        Arrays.fill(targets, -1);
        if (kind == Kind.QUOTES) {
            int p = random.nextInt((size + 1) / 2);
            int q = random.nextInt(types);
            for (int i = 0; i < size; i++) {
                tokens[i] = i == p ? letters + q : random.nextInt(letters);
                targets[i] = i >= p ? q : -1;
            }
            return Example.tokens(tokens, targets);
        }
        int open = -1;
        boolean scored = false;
        for (int i = 0; i < size; i++) {
            double u = random.nextDouble();
            if (open < 0 && u < 0.25) {
                open = random.nextInt(types);
                tokens[i] = letters + open;
            } else if (open >= 0 && u < 0.25) {
                tokens[i] = letters + types + open;
                open = -1;
            } else {
                tokens[i] = random.nextInt(letters);
            }
            targets[i] = open;
            scored |= open >= 0;
        }
        if (!scored) {
            int t = random.nextInt(types);
            tokens[size - 1] = letters + t;
            targets[size - 1] = t;
        }
        return Example.tokens(tokens, targets);
    }

    @Override
    public String toString() {
        return "BracketTask[" + name() + ", " + types + " types, " + letters + " letters]";
    }
}
