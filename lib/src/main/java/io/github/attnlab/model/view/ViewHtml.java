package io.github.attnlab.model.view;

import io.github.attnlab.plot.Style;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a view as one HTML fragment: a scoped style, the controls, the static SVG of the selected head (what a
 * viewer without scripts shows), the data as JSON and the script ({@code attention-view.js}, a resource of this
 * package) that draws any embedded head. Nothing is loaded from the network.
 */
final class ViewHtml {

    private static final AtomicLong COUNTER = new AtomicLong();
    private static final String SCRIPT = resource("attention-view.js");

    private ViewHtml() {
    }

    static String write(AttentionView v, ViewData d, int[] layers) {
        String id = "attnlab-view-" + Long.toHexString(System.nanoTime() & 0xffffffL) + "-"
                + COUNTER.incrementAndGet();
        StringBuilder b = new StringBuilder(1 << 16);
        b.append("<div id=\"").append(id).append("\" class=\"attnlab-view\" data-state=\"static\">\n");
        b.append("<style>#").append(id).append("{font:12px sans-serif;color:#222}#").append(id)
                .append(" .controls{margin:4px 0;display:flex;flex-wrap:wrap;gap:10px;align-items:center}#").append(id)
                .append(" text{cursor:default}#").append(id).append(" select{font:12px sans-serif}</style>\n");
        b.append("<div class=\"controls\"></div>\n<div class=\"canvas\">").append(v.svg()).append("</div>\n");
        b.append("<script type=\"application/json\" class=\"attnlab-data\">");
        json(b, v, d, layers);
        b.append("</script>\n<script>").append(SCRIPT).append("(document.getElementById(\"").append(id)
                .append("\"));</script>\n</div>");
        return b.toString();
    }

    private static void json(StringBuilder b, AttentionView v, ViewData d, int[] layers) {
        b.append("{\"model\":");
        string(b, v.tensor().model());
        b.append(",\"tokens\":[");
        List<String> tokens = v.windowTokens();
        for (int i = 0; i < tokens.size(); i++) {
            b.append(i == 0 ? "" : ",");
            string(b, ViewPainter.label(tokens.get(i)));
        }
        b.append("],\"from\":").append(v.from()).append(",\"n\":").append(v.tensor().length());
        b.append(",\"heads\":").append(v.tensor().heads()).append(",\"layers\":");
        ints(b, layers);
        b.append(",\"layer\":").append(v.layer()).append(",\"head\":").append(v.head());
        b.append(",\"overlay\":\"").append(v.initialOverlay().name()).append('"');
        b.append(",\"minWeight\":").append(AttentionView.fmt(v.minWeightValue()));
        b.append(",\"eps\":").append(Double.isNaN(v.eps()) ? "null" : AttentionView.fmt(v.eps()));
        b.append(",\"alpha\":").append(Double.isNaN(v.alpha()) ? "null" : AttentionView.fmt(v.alpha()));
        b.append(",\"lines\":");
        nested(b, d.lines);
        b.append(",\"topk\":");
        nested(b, d.topk);
        b.append(",\"topkSize\":");
        nested(b, d.topkSize);
        b.append(",\"entmax\":");
        nested(b, d.entmax);
        b.append(",\"entmaxSize\":");
        nested(b, d.entmaxSize);
        b.append(",\"blocks\":");
        ints(b, v.blocks());
        b.append(",\"parts\":").append(v.partitionValue() == null ? 0 : v.partitionValue().parts());
        b.append(",\"order\":");
        ints(b, v.treeValue() == null ? null : v.positions());
        b.append(",\"geometry\":{\"row\":").append(ViewPainter.ROW).append(",\"top\":").append(ViewPainter.TOP)
                .append(",\"column\":").append(ViewPainter.COLUMN).append(",\"gap\":").append(ViewPainter.GAP)
                .append(",\"pad\":").append(ViewPainter.PAD).append('}');
        b.append(",\"colors\":{\"ATTENTION\":\"").append(hex(ViewPainter.ATTENTION)).append("\",\"TOPK\":\"")
                .append(hex(ViewPainter.TOPK)).append("\",\"ENTMAX\":\"").append(hex(ViewPainter.ENTMAX))
                .append("\",\"muted\":\"").append(hex(ViewPainter.MUTED)).append("\",\"palette\":[");
        for (int i = 0; i < 10; i++) {
            b.append(i == 0 ? "\"" : ",\"").append(hex(Style.color(i))).append('"');
        }
        b.append("]}}");
    }

    private static void nested(StringBuilder b, Object a) {
        if (a == null) {
            b.append("null");
        } else if (a instanceof int[] x) {
            ints(b, x);
        } else {
            Object[] xs = (Object[]) a;
            b.append('[');
            for (int i = 0; i < xs.length; i++) {
                b.append(i == 0 ? "" : ",");
                nested(b, xs[i]);
            }
            b.append(']');
        }
    }

    private static void ints(StringBuilder b, int[] x) {
        if (x == null) {
            b.append("null");
            return;
        }
        b.append('[');
        for (int i = 0; i < x.length; i++) {
            b.append(i == 0 ? "" : ",").append(x[i]);
        }
        b.append(']');
    }

    /** A JSON string that is also safe inside a script element (no {@code <}, {@code >} or {@code &}). */
    static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        b.append('"');
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String hex(Color c) {
        return String.format("#%06x", c.getRGB() & 0xffffff);
    }

    private static String resource(String name) {
        try (InputStream in = ViewHtml.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the library jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
