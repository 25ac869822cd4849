package io.github.attnlab.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each parameter tensor of a model lives in its one flat float vector; matrices are row-major
 * {@code rows × cols} with $Y = XW$ (inputs index the rows).
 */
final class Layout {

    /** What a tensor is; weight sparsity applies to {@link #MATRIX} tensors. */
    enum Kind { MATRIX, BIAS, GAIN, POSITION, SCALAR }

    /** One tensor: name (e.g. {@code layer1.wqkv}), offset, shape and kind. */
    record Slice(String name, int offset, int rows, int cols, Kind kind) {
        int size() {
            return rows * cols;
        }
    }

    /** Offsets of one layer's tensors. */
    record LayerSlices(Slice ln1g, Slice ln1b, Slice wqkv, Slice wo, Slice bo, Slice ln2g, Slice ln2b, Slice w1,
                       Slice b1, Slice w2, Slice b2, Slice alpha, Slice beta) {
    }

    final Slice embed;
    final Slice embedBias;
    final Slice position;
    final LayerSlices[] layers;
    final Slice lnfG;
    final Slice lnfB;
    final Slice out;
    final Slice outBias;
    final int size;
    private final List<Slice> all;

    Layout(ModelConfig c) {
        List<Slice> s = new ArrayList<>();
        int[] off = {0};
        int d = c.width();
        int in = c.vocabulary() > 0 ? c.vocabulary() : c.inputDim();
        embed = add(s, off, "embed", in, d, Kind.MATRIX);
        embedBias = c.vocabulary() > 0 ? null : add(s, off, "embed.bias", 1, d, Kind.BIAS);
        position = c.positions() == PositionEncoding.LEARNED ? add(s, off, "position", c.maxLength(), d, Kind.POSITION) : null;
        layers = new LayerSlices[c.layers()];
        boolean learnedAlpha = c.normalizer() instanceof AttentionNormalizer.Entmax e && e.learned();
        boolean kernel = c.normalizer() instanceof AttentionNormalizer.CompactKernel;
        for (int l = 0; l < c.layers(); l++) {
            String p = "layer" + l + ".";
            layers[l] = new LayerSlices(add(s, off, p + "ln1.gain", 1, d, Kind.GAIN),
                    add(s, off, p + "ln1.bias", 1, d, Kind.BIAS),
                    add(s, off, p + "wqkv", d, 3 * d, Kind.MATRIX),
                    add(s, off, p + "wo", d, d, Kind.MATRIX),
                    add(s, off, p + "wo.bias", 1, d, Kind.BIAS),
                    add(s, off, p + "ln2.gain", 1, d, Kind.GAIN),
                    add(s, off, p + "ln2.bias", 1, d, Kind.BIAS),
                    add(s, off, p + "w1", d, c.hidden(), Kind.MATRIX),
                    add(s, off, p + "w1.bias", 1, c.hidden(), Kind.BIAS),
                    add(s, off, p + "w2", c.hidden(), d, Kind.MATRIX),
                    add(s, off, p + "w2.bias", 1, d, Kind.BIAS),
                    learnedAlpha ? add(s, off, p + "alpha", 1, c.heads(), Kind.SCALAR) : null,
                    kernel ? add(s, off, p + "logBeta", 1, c.heads(), Kind.SCALAR) : null);
        }
        lnfG = add(s, off, "final.ln.gain", 1, d, Kind.GAIN);
        lnfB = add(s, off, "final.ln.bias", 1, d, Kind.BIAS);
        out = add(s, off, "out", d, c.outputs(), Kind.MATRIX);
        outBias = add(s, off, "out.bias", 1, c.outputs(), Kind.BIAS);
        size = off[0];
        all = Collections.unmodifiableList(s);
    }

    private static Slice add(List<Slice> s, int[] off, String name, int rows, int cols, Kind kind) {
        Slice x = new Slice(name, off[0], rows, cols, kind);
        off[0] += rows * cols;
        s.add(x);
        return x;
    }

    List<Slice> slices() {
        return all;
    }

    Map<String, Slice> byName() {
        Map<String, Slice> m = new LinkedHashMap<>();
        for (Slice s : all) {
            m.put(s.name(), s);
        }
        return m;
    }
}
