package io.github.attnlab.plot;

import io.github.attnlab.core.Check;
import io.github.attnlab.stats.Summary;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * A small typed table of results: one record per row, so a column is a method reference ({@code Head::lambda2})
 * instead of a column number ({@code r[4]}). Immutable; every operation returns a new table or a value.
 *
 * <pre>{@code
 * record Head(String model, int layer, int head, double lambda2, boolean connected) {}
 * Table<Head> heads = Table.of(rows);
 * heads.count(h -> !h.connected());                      // how many
 * heads.summary(Head::lambda2);                           // mean ± standard error, sd, range
 * heads.where(h -> h.layer() > 6).max(Head::lambda2);
 * heads.meanChart("gap per layer", "layer", Head::layer, "lambda2", Head::lambda2, Head::model).png();
 * System.out.println(heads.text(5));                      // the first rows, aligned, with a header
 * }</pre>
 *
 * @param <R> the row type, a record
 */
public final class Table<R extends Record> {

    private final List<R> rows;

    private Table(List<R> rows) {
        this.rows = rows;
    }

    /** A table of the given rows (copied; none may be null). */
    public static <R extends Record> Table<R> of(List<R> rows) {
        Check.notNull("rows", rows);
        for (int i = 0; i < rows.size(); i++) {
            Check.notNull("rows[" + i + "]", rows.get(i));
        }
        return new Table<>(List.copyOf(rows));
    }

    /** The number of rows. */
    public int size() {
        return rows.size();
    }

    /** The rows (unmodifiable). */
    public List<R> rows() {
        return rows;
    }

    /** Row {@code i}. */
    public R get(int i) {
        return rows.get(Check.index("i", i, rows.size()));
    }

    /** The rows that satisfy {@code condition}. */
    public Table<R> where(Predicate<R> condition) {
        Check.notNull("condition", condition);
        return new Table<>(rows.stream().filter(condition).toList());
    }

    /** How many rows satisfy {@code condition}. */
    public long count(Predicate<R> condition) {
        Check.notNull("condition", condition);
        return rows.stream().filter(condition).count();
    }

    /** A numeric column. */
    public double[] column(ToDoubleFunction<R> value) {
        Check.notNull("value", value);
        return rows.stream().mapToDouble(value).toArray();
    }

    /** The summary of a numeric column (mean, standard error, sd, range). */
    public Summary summary(ToDoubleFunction<R> value) {
        return Summary.of(nonEmpty(column(value)));
    }

    /** The largest value of a column. */
    public double max(ToDoubleFunction<R> value) {
        return summary(value).max();
    }

    /** The smallest value of a column. */
    public double min(ToDoubleFunction<R> value) {
        return summary(value).min();
    }

    /** The mean of a column. */
    public double mean(ToDoubleFunction<R> value) {
        return summary(value).mean();
    }

    /** The row where a column is largest (the first on ties). */
    public R argmax(ToDoubleFunction<R> value) {
        double[] v = nonEmpty(column(value));
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return rows.get(best);
    }

    /** The rows grouped by a key, groups in order of first appearance. */
    public <K> Map<K, Table<R>> groupBy(Function<R, K> key) {
        Check.notNull("key", key);
        Map<K, List<R>> groups = new LinkedHashMap<>();
        for (R r : rows) {
            groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
        }
        Map<K, Table<R>> out = new LinkedHashMap<>();
        groups.forEach((k, v) -> out.put(k, new Table<>(List.copyOf(v))));
        return out;
    }

    /** Every row as a point $(x, y)$, one series per value of {@code series}. */
    public XYChart chart(String title, String xLabel, ToDoubleFunction<R> x, String yLabel, ToDoubleFunction<R> y,
                         Function<R, ?> series) {
        Check.notNull("x", x);
        Check.notNull("y", y);
        Check.notNull("series", series);
        XYChart c = XYChart.of(title, xLabel, yLabel);
        for (Map.Entry<?, Table<R>> g : groupBy(series).entrySet()) {
            c = c.points(String.valueOf(g.getKey()), g.getValue().column(x), g.getValue().column(y));
        }
        return c;
    }

    /** The mean of {@code y} at each value of {@code x}, a line per value of {@code series}, x increasing. */
    public XYChart meanChart(String title, String xLabel, ToDoubleFunction<R> x, String yLabel, ToDoubleFunction<R> y,
                             Function<R, ?> series) {
        Check.notNull("x", x);
        Check.notNull("y", y);
        Check.notNull("series", series);
        XYChart c = XYChart.of(title, xLabel, yLabel);
        for (Map.Entry<?, Table<R>> g : groupBy(series).entrySet()) {
            Map<Double, Table<R>> byX = g.getValue().groupBy(r -> x.applyAsDouble(r));
            double[] xs = byX.keySet().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double[] ys = new double[xs.length];
            for (int i = 0; i < xs.length; i++) {
                ys[i] = byX.get(xs[i]).mean(y);
            }
            c = c.linePoints(String.valueOf(g.getKey()), xs, ys);
        }
        return c;
    }

    /** The first {@code maxRows} rows as aligned text under a header of the component names. */
    public String text(int maxRows) {
        Check.range("maxRows", maxRows, 0, Integer.MAX_VALUE);
        if (rows.isEmpty()) {
            return "(no rows)";
        }
        RecordComponent[] rc = rows.get(0).getClass().getRecordComponents();
        int shown = Math.min(maxRows, rows.size());
        String[][] cells = new String[shown + 1][rc.length];
        int[] width = new int[rc.length];
        for (int c = 0; c < rc.length; c++) {
            cells[0][c] = rc[c].getName();
        }
        for (int r = 0; r < shown; r++) {
            for (int c = 0; c < rc.length; c++) {
                cells[r + 1][c] = format(value(rows.get(r), rc[c].getAccessor()));
            }
        }
        for (String[] row : cells) {
            for (int c = 0; c < rc.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] row : cells) {
            for (int c = 0; c < rc.length; c++) {
                sb.append(c == 0 ? "" : "  ").append(String.format(Locale.ROOT, "%" + width[c] + "s", row[c]));
            }
            sb.append('\n');
        }
        if (shown < rows.size()) {
            sb.append("... ").append(rows.size() - shown).append(" more rows\n");
        }
        return sb.toString();
    }

    private static Object value(Record r, Method accessor) {
        try {
            accessor.setAccessible(true); // records declared in a notebook (JShell) are not public
            return accessor.invoke(r);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "?";
        }
    }

    private static String format(Object v) {
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e6) {
                return String.valueOf((long) d);
            }
            String s = String.format(Locale.ROOT, "%.4g", d);
            return s.contains("e") || !s.contains(".") ? s : s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return String.valueOf(v);
    }

    private static double[] nonEmpty(double[] v) {
        if (v.length == 0) {
            throw new IllegalStateException("the table has no rows");
        }
        return v;
    }

    /** One line: the number of rows and the columns. */
    @Override
    public String toString() {
        if (rows.isEmpty()) {
            return "Table[0 rows]";
        }
        StringBuilder sb = new StringBuilder("Table[" + rows.size() + " rows of "
                + rows.get(0).getClass().getSimpleName() + ":");
        for (RecordComponent c : rows.get(0).getClass().getRecordComponents()) {
            sb.append(' ').append(c.getName());
        }
        return sb.append(']').toString();
    }
}
