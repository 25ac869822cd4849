package io.github.attnlab.model.bert;

import io.github.attnlab.bench.suite.NpyOut;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes an encoder's weights as {@code .npy} files for the torch peer of the performance suite (in this
 * package, inside the benchmark jar only, to read the package-private weights without widening the
 * library's API). The embedding sum of the passage (word + position + type 0) is written, not the
 * vocabulary table; dense kernels stay {@code [in, out]}. Also writes AttnLab's last hidden state, which
 * the peer compares its own with.
 */
public final class EncoderExport {

    private EncoderExport() {
    }

    public static void write(PretrainedModel model, int[] ids, float[] hidden, Path dir) {
        if (model == null || ids == null || hidden == null || dir == null) {
            throw new IllegalArgumentException("model, ids, hidden and dir must not be null");
        }
        BertWeights w = WeightLoader.load(model, model.artifact().require()).weights();
        BertConfig c = w.config;
        int h = c.hidden();
        int n = ids.length;
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("config.txt"), String.format(Locale.ROOT, "%d %d %d %s%n", c.layers(),
                    c.heads(), h, Float.toString(c.layerNormEps())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        float[] emb = new float[n * h];
        for (int t = 0; t < n; t++) {
            for (int j = 0; j < h; j++) {
                emb[t * h + j] = w.wordEmb[ids[t] * h + j] + w.posEmb[t * h + j] + w.typeEmb[j];
            }
        }
        NpyOut.write(dir.resolve("emb.npy"), new int[] {n, h}, emb);
        NpyOut.write(dir.resolve("emb_ln_g.npy"), new int[] {h}, w.embLnG);
        NpyOut.write(dir.resolve("emb_ln_b.npy"), new int[] {h}, w.embLnB);
        NpyOut.write(dir.resolve("hidden.npy"), new int[] {n, h}, hidden);
        int in = c.intermediate();
        for (int l = 0; l < c.layers(); l++) {
            BertWeights.Layer y = w.layers[l];
            String p = "l" + l + "_";
            NpyOut.write(dir.resolve(p + "qkv_w.npy"), new int[] {h, 3 * h}, y.qkvW());
            NpyOut.write(dir.resolve(p + "qkv_b.npy"), new int[] {3 * h}, y.qkvB());
            NpyOut.write(dir.resolve(p + "ao_w.npy"), new int[] {h, h}, y.attnOutW());
            NpyOut.write(dir.resolve(p + "ao_b.npy"), new int[] {h}, y.attnOutB());
            NpyOut.write(dir.resolve(p + "ln1_g.npy"), new int[] {h}, y.ln1G());
            NpyOut.write(dir.resolve(p + "ln1_b.npy"), new int[] {h}, y.ln1B());
            NpyOut.write(dir.resolve(p + "i_w.npy"), new int[] {h, in}, y.interW());
            NpyOut.write(dir.resolve(p + "i_b.npy"), new int[] {in}, y.interB());
            NpyOut.write(dir.resolve(p + "o_w.npy"), new int[] {in, h}, y.outW());
            NpyOut.write(dir.resolve(p + "o_b.npy"), new int[] {h}, y.outB());
            NpyOut.write(dir.resolve(p + "ln2_g.npy"), new int[] {h}, y.ln2G());
            NpyOut.write(dir.resolve(p + "ln2_b.npy"), new int[] {h}, y.ln2B());
        }
    }
}
