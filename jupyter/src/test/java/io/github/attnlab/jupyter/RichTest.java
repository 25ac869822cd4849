package io.github.attnlab.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The MIME bundles: which types, in which order, and what they contain. */
class RichTest {

    static BufferedImage decode(String base64) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
    }

    @Test
    void recordsBecomeTables() {
        Map<String, String> b = Rich.bundle(Values.certificate());
        assertEquals(List.of(Rich.HTML, Rich.PLAIN), List.copyOf(b.keySet()));
        String html = b.get(Rich.HTML);
        assertTrue(html.startsWith("<table"));
        assertTrue(html.contains("<caption") && html.contains("Certificate"));
        for (String component : new String[] {"eps", "k", "tailMassUpper", "n", "unmasked", "bound"}) {
            assertTrue(html.contains(">" + component + "</th>"), component);
        }
        assertTrue(html.contains(">0.05</td>"), html);
        assertEquals(Values.certificate().toString(), b.get(Rich.PLAIN));
    }

    @Test
    void figuresBecomePngWithSvg() throws Exception {
        Map<String, String> b = Rich.bundle(Values.chart());
        assertEquals(List.of(Rich.PNG, Rich.SVG, Rich.PLAIN), List.copyOf(b.keySet()));
        BufferedImage img = decode(b.get(Rich.PNG));
        assertEquals(720, img.getWidth());
        assertEquals(440, img.getHeight());
        assertTrue(b.get(Rich.SVG).contains("<svg"));
        assertTrue(b.get(Rich.SVG).contains("a &lt;chart&gt;"), "title escaped in SVG");
    }

    @Test
    void figureRecordsBecomeTableAndPicture() throws Exception {
        Map<String, String> b = Rich.bundle(Values.curve());
        assertEquals(List.of(Rich.HTML, Rich.PNG, Rich.SVG, Rich.PLAIN), List.copyOf(b.keySet()));
        assertTrue(b.get(Rich.HTML).contains(">ks</th>"));
        assertTrue(b.get(Rich.HTML).contains("int[40]: 1, 2, 3, 4, 5, 6, …"), b.get(Rich.HTML));
        assertTrue(b.get(Rich.HTML).contains("data:image/png;base64," + b.get(Rich.PNG)));
        assertEquals(720, decode(b.get(Rich.PNG)).getWidth());
    }

    @Test
    void attentionViewsBecomeHtmlWithPng() throws Exception {
        Map<String, String> b = Rich.bundle(Values.view());
        assertEquals(List.of(Rich.HTML, Rich.PNG, Rich.PLAIN), List.copyOf(b.keySet()));
        assertTrue(b.get(Rich.HTML).contains("class=\"attnlab-view\""));
        assertTrue(b.get(Rich.HTML).contains("&lt;b&gt;"), "tokens escaped in the static SVG");
        assertFalse(b.get(Rich.HTML).contains("<b>"), "no raw token markup");
        assertTrue(decode(b.get(Rich.PNG)).getHeight() > 100);
    }

    @Test
    void otherValuesAreLeftToTheKernel() {
        for (Object o : new Object[] {"text", 42, new org.example.Mine(1, "x"), List.of(1, 2), new double[] {1}}) {
            assertFalse(Rich.handles(o), String.valueOf(o));
            assertTrue(Rich.bundle(o).isEmpty());
        }
    }

    @Test
    void cellsAreCompact() {
        assertEquals("0.333333", RecordTable.format(1.0 / 3));
        assertEquals("1.23457E+12", RecordTable.format(1234567890123.0));
        assertEquals("NaN", RecordTable.format(Double.NaN));
        assertEquals("0", RecordTable.format(0.0));
        assertEquals("double[2][3]: double[3], double[3]", RecordTable.format(new double[2][3]));
        assertEquals("size 8: 1, 2, 3, 4, 5, 6, …", RecordTable.format(List.of(1, 2, 3, 4, 5, 6, 7, 8)));
        assertEquals("size 1: keys a", RecordTable.format(Map.of("a", 1)));
        assertEquals(120, RecordTable.format("x".repeat(500)).length());
    }
}
