package io.github.attnlab.jupyter;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collection;
import java.util.Map;

/**
 * A record of the library as a compact two-column HTML table: one row per component, numbers to six significant
 * digits, arrays and collections by their size and first elements, nested records by their one-line
 * {@code toString()}.
 */
final class RecordTable {

    private static final String PACKAGE = "io.github.attnlab.";
    private static final int FIRST = 6;
    private static final int MAX_CHARS = 120;
    private static final String CELL = "border:1px solid #ddd;padding:2px 6px;text-align:left;vertical-align:top";

    private RecordTable() {
    }

    static boolean isLibraryRecord(Object value) {
        return value instanceof Record && value.getClass().getName().startsWith(PACKAGE);
    }

    static String html(Record r) {
        StringBuilder b = new StringBuilder("<table class=\"attnlab-record\" style=\"border-collapse:collapse;"
                + "font:12px sans-serif;margin:2px 0\">");
        b.append("<caption style=\"text-align:left;font-weight:bold;padding:2px 0\">")
                .append(escape(r.getClass().getSimpleName())).append("</caption>");
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            b.append("<tr><th style=\"").append(CELL).append(";background:#f5f5f5\">").append(escape(c.getName()))
                    .append("</th><td style=\"").append(CELL).append(";font-family:monospace\">")
                    .append(escape(format(value(r, c)))).append("</td></tr>");
        }
        return b.append("</table>").toString();
    }

    private static Object value(Record r, RecordComponent c) {
        try {
            c.getAccessor().setAccessible(true);
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            return "(" + e.getClass().getSimpleName() + ")";
        }
    }

    /** One cell's text. */
    static String format(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Double || v instanceof Float) {
            return number(((Number) v).doubleValue());
        }
        if (v.getClass().isArray()) {
            int n = Array.getLength(v);
            StringBuilder b = new StringBuilder(shape(v)).append(n == 0 ? "" : ": ");
            for (int i = 0; i < Math.min(n, FIRST); i++) {
                Object x = Array.get(v, i);
                b.append(i == 0 ? "" : ", ").append(x != null && x.getClass().isArray() ? shape(x) : format(x));
            }
            return clip(b.append(n > FIRST ? ", …" : "").toString());
        }
        if (v instanceof Collection<?> c) {
            StringBuilder b = new StringBuilder("size ").append(c.size()).append(c.isEmpty() ? "" : ": ");
            int i = 0;
            for (Object x : c) {
                if (i == FIRST) {
                    b.append(", …");
                    break;
                }
                b.append(i++ == 0 ? "" : ", ").append(format(x));
            }
            return clip(b.toString());
        }
        if (v instanceof Map<?, ?> m) {
            return clip("size " + m.size() + (m.isEmpty() ? "" : ": keys " + String.join(", ",
                    m.keySet().stream().limit(FIRST).map(String::valueOf).toList()) + (m.size() > FIRST ? ", …" : "")));
        }
        return clip(String.valueOf(v));
    }

    private static String shape(Object array) {
        StringBuilder dims = new StringBuilder();
        Class<?> t = array.getClass();
        Object a = array;
        while (t.isArray()) {
            int n = a == null ? 0 : Array.getLength(a);
            dims.append('[').append(n).append(']');
            a = n > 0 ? Array.get(a, 0) : null;
            t = t.getComponentType();
        }
        return t.getSimpleName() + dims;
    }

    static String number(double x) {
        if (!Double.isFinite(x) || x == 0) {
            return Double.toString(x).replace(".0", "");
        }
        BigDecimal d = new BigDecimal(x).round(new MathContext(6)).stripTrailingZeros();
        double a = Math.abs(x);
        return a >= 1e-4 && a < 1e9 ? d.toPlainString() : d.toString();
    }

    private static String clip(String s) {
        return s.length() <= MAX_CHARS ? s : s.substring(0, MAX_CHARS - 1) + "…";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
