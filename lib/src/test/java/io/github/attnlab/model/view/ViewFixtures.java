package io.github.attnlab.model.view;

import io.github.attnlab.model.AttentionTensor;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded attention tensors and pixel counts shared by the view tests. */
final class ViewFixtures {

    private ViewFixtures() {
    }

    /** Words of the tokens; the [CLS] ... [SEP] frame of a BERT input. */
    static List<String> tokens(int n) {
        List<String> t = new ArrayList<>();
        t.add("[CLS]");
        for (int i = 1; i < n - 1; i++) {
            t.add("word" + i);
        }
        t.add("[SEP]");
        return t;
    }

    /** Softmax rows of Gaussian scores of standard deviation {@code sigma}. */
    static AttentionTensor tensor(long seed, int layers, int heads, int n, double sigma) {
        Random r = new Random(seed);
        float[] s = new float[layers * heads * n * n];
        float[] p = new float[s.length];
        for (int row = 0; row < layers * heads * n; row++) {
            double z = 0;
            for (int k = 0; k < n; k++) {
                s[row * n + k] = (float) (sigma * r.nextGaussian());
                z += Math.exp(s[row * n + k]);
            }
            for (int k = 0; k < n; k++) {
                p[row * n + k] = (float) (Math.exp(s[row * n + k]) / z);
            }
        }
        return AttentionTensor.of("test-model", tokens(n), layers, heads, s, p);
    }

    /** Pixels of {@code [x0, x1) × [y0, y1)} within {@code tol} (per channel) of {@code c}. */
    static int count(BufferedImage img, int x0, int y0, int x1, int y1, Color c, int tol) {
        int m = 0;
        for (int y = Math.max(0, y0); y < Math.min(img.getHeight(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(img.getWidth(), x1); x++) {
                Color p = new Color(img.getRGB(x, y));
                if (Math.abs(p.getRed() - c.getRed()) <= tol && Math.abs(p.getGreen() - c.getGreen()) <= tol
                        && Math.abs(p.getBlue() - c.getBlue()) <= tol) {
                    m++;
                }
            }
        }
        return m;
    }

    /** Pixels of the region darker than a grey of 100 (text). */
    static int dark(BufferedImage img, int x0, int y0, int x1, int y1) {
        int m = 0;
        for (int y = Math.max(0, y0); y < Math.min(img.getHeight(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(img.getWidth(), x1); x++) {
                Color p = new Color(img.getRGB(x, y));
                if (p.getRed() + p.getGreen() + p.getBlue() < 300) {
                    m++;
                }
            }
        }
        return m;
    }

    /** Pixels of the region that are not white and not grey: coloured lines. */
    static int colored(BufferedImage img, int x0, int y0, int x1, int y1) {
        int m = 0;
        for (int y = Math.max(0, y0); y < Math.min(img.getHeight(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(img.getWidth(), x1); x++) {
                Color p = new Color(img.getRGB(x, y));
                int max = Math.max(p.getRed(), Math.max(p.getGreen(), p.getBlue()));
                int min = Math.min(p.getRed(), Math.min(p.getGreen(), p.getBlue()));
                if (max - min > 40) {
                    m++;
                }
            }
        }
        return m;
    }
}
