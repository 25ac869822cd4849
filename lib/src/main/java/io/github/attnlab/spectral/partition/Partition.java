package io.github.attnlab.spectral.partition;

import io.github.attnlab.core.Check;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An assignment of vertices $0..n-1$ to blocks $0..k-1$.
 *
 * @param parts  the number of blocks $k$
 * @param labels the block of each vertex
 */
public record Partition(int parts, int[] labels) {

    /** Validates and copies. */
    public Partition {
        Check.notNull("labels", labels);
        Check.range("parts", parts, 1, Integer.MAX_VALUE);
        labels = labels.clone();
        for (int i = 0; i < labels.length; i++) {
            Check.index("labels[" + i + "]", labels[i], parts);
        }
    }

    /**
     * Vertices in their given order cut into {@code parts} contiguous blocks of nearly equal size: vertex $i$ goes to
     * block $\lfloor i \cdot \mathrm{parts} / n \rfloor$ (the block structure of local attention).
     */
    public static Partition contiguous(int n, int parts) {
        Check.positive("n", n);
        Check.range("parts", parts, 1, n);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (int) ((long) i * parts / n);
        }
        return new Partition(parts, labels);
    }

    /** The number of vertices. */
    public int n() {
        return labels.length;
    }

    /** The labels (a copy). */
    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** The block of vertex {@code v}. */
    public int label(int v) {
        Check.index("v", v, labels.length);
        return labels[v];
    }

    /** The number of vertices in each block. */
    public int[] sizes() {
        int[] s = new int[parts];
        for (int l : labels) {
            s[l]++;
        }
        return s;
    }

    /**
     * The vertices ordered by block, then by index: position $p$ of the reordered matrix holds
     * vertex {@code order()[p]}. Reordering an attention matrix by it makes the blocks diagonal.
     */
    public int[] order() {
        return java.util.stream.IntStream.range(0, labels.length).boxed()
                .sorted((a, b) -> labels[a] != labels[b] ? Integer.compare(labels[a], labels[b]) : Integer.compare(a, b))
                .mapToInt(Integer::intValue).toArray();
    }

    /** The positions in {@link #order()} where blocks start, plus $n$ at the end. */
    public int[] blockStarts() {
        int[] s = sizes();
        int[] starts = new int[parts + 1];
        for (int b = 0; b < parts; b++) {
            starts[b + 1] = starts[b] + s[b];
        }
        return starts;
    }

    @Override
    public String toString() {
        String sizes = Arrays.stream(sizes()).limit(16).mapToObj(Integer::toString).collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "Partition[%d blocks of sizes %s%s]", parts, sizes, parts > 16 ? ", ..." : "");
    }
}
