package io.github.attnlab.model.view;

import io.github.attnlab.plot.Style;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.util.List;

/**
 * Draws one head of a view on any {@code Graphics2D} (an image for the PNG, JFreeSVG for the static SVG), with the
 * geometry the page's script uses: queries on the left, keys on the right, one line per drawn pair.
 */
final class ViewPainter {

    static final int ROW = 16;
    static final int TOP = 46;
    static final int COLUMN = 120;
    static final int GAP = 240;
    static final int PAD = 10;
    static final int MAX_CHARS = 18;
    static final Color ATTENTION = Style.color(0);
    static final Color TOPK = Style.color(3);
    static final Color ENTMAX = Style.color(2);
    static final Color MUTED = new Color(0xb0b0b0);

    private ViewPainter() {
    }

    static int width() {
        return 2 * PAD + 2 * COLUMN + GAP;
    }

    static int height(int tokens) {
        return TOP + tokens * ROW + PAD;
    }

    static String label(String token) {
        return token.length() <= MAX_CHARS ? token : token.substring(0, MAX_CHARS - 1) + "…";
    }

    static Color color(LineOverlay overlay) {
        return switch (overlay) {
            case ATTENTION -> ATTENTION;
            case TOPK -> TOPK;
            case ENTMAX -> ENTMAX;
        };
    }

    /**
     * @param tokens  the window's tokens
     * @param pos     the drawn row of each window token (the tree order, or the identity)
     * @param blocks  a block label per window token, or null
     * @param lines   per query, flat (key, weight in thousandths) pairs of the attention lines
     * @param support per query, the overlay's pairs, or null for plain attention
     */
    static void paint(Graphics2D g, String title, String subtitle, List<String> tokens, int[] pos, int[] blocks,
                      int[][] lines, int[][] support, LineOverlay overlay) {
        int n = tokens.size();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width(), height(n));
        g.setColor(new Color(0x222222));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(title, PAD, 17);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setColor(new Color(0x555555));
        g.drawString(subtitle, PAD, 34);
        int left = PAD + COLUMN;
        int right = PAD + COLUMN + GAP;
        if (blocks != null) {
            for (int i = 0; i < n; i++) {
                Color c = Style.color(blocks[i]);
                g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 56));
                int y = TOP + pos[i] * ROW;
                g.fillRect(PAD, y + 1, COLUMN, ROW - 2);
                g.fillRect(right, y + 1, COLUMN, ROW - 2);
            }
        }
        Color base = support == null ? ATTENTION : MUTED;
        for (int q = 0; q < n; q++) {
            drawPairs(g, lines[q], pos, q, left, right, base, support == null ? 1.0 : 0.5);
        }
        if (support != null) {
            for (int q = 0; q < n; q++) {
                drawPairs(g, support[q], pos, q, left, right, color(overlay), 1.0);
            }
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        g.setColor(new Color(0x111111));
        for (int i = 0; i < n; i++) {
            String s = label(tokens.get(i));
            int y = TOP + pos[i] * ROW + ROW / 2 + fm.getAscent() / 2 - 1;
            g.drawString(s, left - 6 - fm.stringWidth(s), y);
            g.drawString(s, right + 6, y);
        }
    }

    private static void drawPairs(Graphics2D g, int[] pairs, int[] pos, int q, int left, int right, Color c,
                                  double scale) {
        double y1 = TOP + pos[q] * ROW + ROW / 2.0;
        for (int j = 0; j < pairs.length; j += 2) {
            double w = pairs[j + 1] / 1000.0;
            float alpha = (float) Math.min(1, scale * (0.15 + 0.85 * w));
            g.setColor(new Color(c.getRed() / 255f, c.getGreen() / 255f, c.getBlue() / 255f, alpha));
            g.setStroke(new BasicStroke((float) (0.6 + 2.4 * w)));
            double y2 = TOP + pos[pairs[j]] * ROW + ROW / 2.0;
            g.draw(new Line2D.Double(left - 2, y1, right + 2, y2));
        }
    }
}
