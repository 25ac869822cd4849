package io.github.attnlab.compact.train;

import io.github.attnlab.core.Check;

/**
 * One in-context episode: $N$ context pairs $(x_i, y_i)$, a query $x_q$ and the value to predict.
 * Arrays are row-major; the record copies them in and out (read each once per use, not element by element).
 *
 * @param xs     the context inputs, $N \times d$
 * @param ys     the context values, $N \times d_v$
 * @param query  $x_q$, length $d$
 * @param target the value to predict at $x_q$, length $d_v$
 * @param length $N$
 */
public record Episode(double[] xs, double[] ys, double[] query, double[] target, int length) {

    /** Checks the shapes and copies the arrays. */
    public Episode {
        Check.positive("length", length);
        Check.finite("query", query);
        Check.finite("target", target);
        Check.finite("xs", xs);
        Check.finite("ys", ys);
        if (xs.length != length * query.length || ys.length != length * target.length) {
            throw new IllegalArgumentException("xs and ys do not fit length = " + length + " pairs: xs has " + xs.length
                    + " values, ys " + ys.length + ", for query dimension " + query.length + " and target dimension "
                    + target.length);
        }
        xs = xs.clone();
        ys = ys.clone();
        query = query.clone();
        target = target.clone();
    }

    /** The context inputs (a copy). */
    @Override
    public double[] xs() {
        return xs.clone();
    }

    /** The context values (a copy). */
    @Override
    public double[] ys() {
        return ys.clone();
    }

    /** The query (a copy). */
    @Override
    public double[] query() {
        return query.clone();
    }

    /** The target (a copy). */
    @Override
    public double[] target() {
        return target.clone();
    }

    @Override
    public String toString() {
        return "Episode[" + length + " pairs, d = " + query.length + ", d_v = " + target.length + "]";
    }
}
