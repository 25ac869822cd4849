package io.github.attnlab.plot;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Something that can draw itself: a JFreeChart, a PNG-ready image and an SVG document.
 *
 * <p>In a notebook, return {@code x.png()} as a cell's last expression (or call
 * {@code display(x.png())} inside a block) to show the figure under any Java kernel.
 */
public interface Figure {

    /** Default width in pixels of {@link #png()}. */
    int WIDTH = 720;
    /** Default height in pixels of {@link #png()}. */
    int HEIGHT = 440;

    /** A fresh chart each call, so a caller may restyle it freely. */
    JFreeChart chart();

    /** The chart rendered to an image of the default size. */
    default BufferedImage png() {
        return png(WIDTH, HEIGHT);
    }

    /** The chart rendered to an image of {@code width × height} pixels. */
    default BufferedImage png(int width, int height) {
        checkSize(width, height);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            chart().draw(g, new Rectangle(0, 0, width, height));
        } finally {
            g.dispose();
        }
        return img;
    }

    /** The chart as an SVG document of {@code width × height} user units. */
    default String svg(int width, int height) {
        checkSize(width, height);
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart().draw(g, new Rectangle(0, 0, width, height));
        return g.getSVGDocument();
    }

    private static void checkSize(int width, int height) {
        io.github.attnlab.core.Check.range("width", width, 16, 8192);
        io.github.attnlab.core.Check.range("height", height, 16, 8192);
    }
}
