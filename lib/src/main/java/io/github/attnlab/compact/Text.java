package io.github.attnlab.compact;

import java.util.Locale;

/** Short number formatting for names and one-line {@code toString}s. */
final class Text {

    private Text() {
    }

    /** Four significant digits without trailing zeros: {@code 0}, {@code 1.5}, {@code 0.3260} becomes {@code 0.326}. */
    static String num(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e6) {
            return Long.toString((long) x);
        }
        String s = String.format(Locale.ROOT, "%.4g", x);
        if (s.contains("e")) {
            return s;
        }
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}
