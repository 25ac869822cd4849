package io.github.attnlab.jupyter;

import io.github.attnlab.model.view.AttentionView;
import io.github.attnlab.plot.Figure;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The MIME bundle of an AttnLab value, for any kernel: what a notebook front end receives in a
 * {@code display_data} or {@code execute_result} message.
 *
 * <table>
 * <caption>What each kind of value becomes</caption>
 * <tr><th>value</th><th>MIME types, in order of preference</th></tr>
 * <tr><td>{@link AttentionView}</td><td>{@code text/html} (the interactive view), {@code image/png}, {@code text/plain}</td></tr>
 * <tr><td>a result record that is a {@link Figure}</td><td>{@code text/html} (the table and the picture), {@code image/png},
 * {@code image/svg+xml}, {@code text/plain}</td></tr>
 * <tr><td>another {@link Figure}</td><td>{@code image/png}, {@code image/svg+xml}, {@code text/plain}</td></tr>
 * <tr><td>another record of {@code io.github.attnlab}</td><td>{@code text/html} (a table), {@code text/plain}</td></tr>
 * </table>
 *
 * <p>Anything else is not handled ({@link #handles} is false, {@link #bundle} empty), so the kernel's own display
 * applies. Binary data (PNG) is base64, as the Jupyter message protocol wants it.
 */
public final class Rich {

    public static final String PLAIN = "text/plain";
    public static final String HTML = "text/html";
    public static final String PNG = "image/png";
    public static final String SVG = "image/svg+xml";

    private Rich() {
    }

    /** Whether {@link #bundle} renders this value (an attention view, a figure, or a record of the library). */
    public static boolean handles(Object value) {
        return value instanceof AttentionView || value instanceof Figure || RecordTable.isLibraryRecord(value);
    }

    /** The value's MIME types and data, in order of preference; empty when not {@link #handles handled}. */
    public static Map<String, String> bundle(Object value) {
        if (!handles(value)) {
            return Collections.emptyMap();
        }
        Map<String, String> out = new LinkedHashMap<>();
        if (value instanceof AttentionView v) {
            out.put(HTML, v.html());
            out.put(PNG, base64(v.png()));
        } else if (value instanceof Figure f) {
            String png = base64(f.png());
            if (value instanceof Record r && RecordTable.isLibraryRecord(r)) {
                out.put(HTML, RecordTable.html(r) + "\n<img alt=\"" + RecordTable.escape(r.getClass().getSimpleName())
                        + "\" src=\"data:image/png;base64," + png + "\">");
            }
            out.put(PNG, png);
            out.put(SVG, f.svg(Figure.WIDTH, Figure.HEIGHT));
        } else {
            out.put(HTML, RecordTable.html((Record) value));
        }
        out.put(PLAIN, String.valueOf(value));
        return out;
    }

    /** An image as base64 PNG. */
    public static String base64(BufferedImage img) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
