package io.github.attnlab.jupyter;

import io.github.attnlab.model.AttentionTensor;
import io.github.attnlab.model.view.AttentionView;
import io.github.attnlab.plot.XYChart;
import io.github.attnlab.topk.Certificate;
import io.github.attnlab.topk.TailCurve;
import io.github.attnlab.topk.TopK;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** One value of each kind the display handles, and two it must leave alone. */
final class Values {

    private Values() {
    }

    static double[] logits() {
        Random r = new Random(1);
        double[] s = new double[40];
        for (int i = 0; i < s.length; i++) {
            s[i] = 2 * r.nextGaussian();
        }
        return s;
    }

    static Certificate certificate() {
        return TopK.of(logits()).certify(0.05);
    }

    static TailCurve curve() {
        return TopK.of(logits()).curve();
    }

    static XYChart chart() {
        return XYChart.of("a <chart>", "x", "y").line("line", new double[] {0, 1, 2}, new double[] {1, 0, 1});
    }

    static AttentionView view() {
        int n = 6;
        Random r = new Random(2);
        float[] s = new float[n * n];
        float[] p = new float[n * n];
        for (int q = 0; q < n; q++) {
            double z = 0;
            for (int k = 0; k < n; k++) {
                s[q * n + k] = (float) r.nextGaussian();
                z += Math.exp(s[q * n + k]);
            }
            for (int k = 0; k < n; k++) {
                p[q * n + k] = (float) (Math.exp(s[q * n + k]) / z);
            }
        }
        List<String> tokens = new ArrayList<>(List.of("[CLS]", "the", "whale", "<b>", "sea", "[SEP]"));
        return AttentionTensor.of("tiny", tokens, 1, 1, s, p).view().topk(0.1);
    }
}
