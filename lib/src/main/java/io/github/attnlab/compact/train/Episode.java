package io.github.attnlab.compact.train;

/**
 * One in-context episode: $N$ context pairs $(x_i, y_i)$, a query $x_q$ and the value to predict.
 * Arrays are row-major and owned by the episode (tasks create them; nothing modifies them).
 *
 * @param xs     the context inputs, $N \times d$
 * @param ys     the context values, $N \times d_v$
 * @param query  $x_q$, length $d$
 * @param target the value to predict at $x_q$, length $d_v$
 * @param length $N$
 */
public record Episode(double[] xs, double[] ys, double[] query, double[] target, int length) {

    /** Checks the shapes. */
    public Episode {
        if (length < 1 || xs.length != length * query.length || ys.length != length * target.length) {
            throw new IllegalArgumentException("episode shapes disagree: " + length + " pairs, xs " + xs.length
                    + ", ys " + ys.length + ", query " + query.length + ", target " + target.length);
        }
    }

    @Override
    public String toString() {
        return "Episode[" + length + " pairs, d = " + query.length + ", d_v = " + target.length + "]";
    }
}
