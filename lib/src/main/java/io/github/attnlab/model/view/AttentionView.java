package io.github.attnlab.model.view;

import io.github.attnlab.core.Check;
import io.github.attnlab.model.AttentionTensor;
import io.github.attnlab.spectral.partition.Partition;
import io.github.attnlab.tree.PartitionTree;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.jfree.svg.SVGGraphics2D;

/**
 * A head view of an {@link AttentionTensor}, in the manner of BertViz: the tokens twice, queries on the left and
 * keys on the right, one line per query–key pair whose width and opacity grow with $P_{qk}$, with layer and head
 * selectors; hovering a token isolates its lines.
 *
 * <p>Overlays show what the library computes on the same rows: {@link #topk(double)} colours the certified top-k
 * support at $\varepsilon$ (the $k_\varepsilon$ highest scores whose certified tail mass is at most $\varepsilon$;
 * docs/papers/A.md §A.8, {@code io.github.attnlab.topk}); {@link #entmax(double)} the support of $\alpha$-entmax of the
 * scores (B.1, {@code io.github.attnlab.compact}); {@link #partition(Partition)} shades tokens by block (D.5,
 * {@code io.github.attnlab.spectral.partition}); {@link #tree(PartitionTree)} draws the tokens in the tree's leaf
 * order (C.1, {@code io.github.attnlab.tree}). The view itself is described in {@code docs/attention-view.md}.
 *
 * <p>Immutable and fluent: every setter returns a new view; the terminal methods {@link #html()} (self-contained:
 * inline SVG, a script and the data, no network), {@link #svg()} and {@link #png()} (the selected head, for
 * kernels and viewers without HTML) compute. Supports are computed on the whole row and drawn within the token
 * window. Embedded in the HTML are, by default, all layers when the window is small (at most $2^{20}$ query–key
 * pairs in all) and only the selected layer otherwise; {@link #layers(int...)} chooses.
 */
public final class AttentionView {

    /** Largest number of query–key pairs (layers × heads × window²) embedded by default. */
    public static final long DEFAULT_BUDGET = 1L << 20;

    private final AttentionTensor t;
    private final int layer;
    private final int head;
    private final int from;
    private final int to;
    private final int[] layers;
    private final double minWeight;
    private final double eps;
    private final double alpha;
    private final LineOverlay overlay;
    private final Partition partition;
    private final PartitionTree tree;

    private AttentionView(AttentionTensor t, int layer, int head, int from, int to, int[] layers, double minWeight,
                          double eps, double alpha, LineOverlay overlay, Partition partition, PartitionTree tree) {
        this.t = t;
        this.layer = layer;
        this.head = head;
        this.from = from;
        this.to = to;
        this.layers = layers;
        this.minWeight = minWeight;
        this.eps = eps;
        this.alpha = alpha;
        this.overlay = overlay;
        this.partition = partition;
        this.tree = tree;
    }

    /** The view of layer 0, head 0, every token, lines of weight at least 0.02. */
    public static AttentionView of(AttentionTensor tensor) {
        Check.notNull("tensor", tensor);
        return new AttentionView(tensor, 0, 0, 0, tensor.length(), null, 0.02, Double.NaN, Double.NaN,
                LineOverlay.ATTENTION, null, null);
    }

    /** The layer and head shown first (and drawn by {@link #png()}). */
    public AttentionView select(int layer, int head) {
        Check.index("layer", layer, t.layers());
        Check.index("head", head, t.heads());
        return new AttentionView(t, layer, head, from, to, layers, minWeight, eps, alpha, overlay, partition, tree);
    }

    /** Only the tokens {@code [from, to)} on both sides (supports are still computed on whole rows). */
    public AttentionView tokens(int from, int to) {
        Check.range("from", from, 0, t.length() - 1);
        Check.range("to", to, from + 1, t.length());
        return new AttentionView(t, layer, head, from, to, layers, minWeight, eps, alpha, overlay, partition, tree);
    }

    /** The layers embedded in the HTML (the layer selector's choices); the selected layer is always among them. */
    public AttentionView layers(int... layers) {
        Check.notNull("layers", layers);
        if (layers.length == 0) {
            throw new IllegalArgumentException("layers is empty");
        }
        for (int i = 0; i < layers.length; i++) {
            Check.index("layers[" + i + "]", layers[i], t.layers());
        }
        int[] l = Arrays.stream(layers).distinct().sorted().toArray();
        return new AttentionView(t, layer, head, from, to, l, minWeight, eps, alpha, overlay, partition, tree);
    }

    /** Lines of weight below {@code minWeight} are not drawn (overlay supports are drawn whatever their weight). */
    public AttentionView minWeight(double minWeight) {
        Check.openClosed("minWeight", minWeight, 0, 1);
        return new AttentionView(t, layer, head, from, to, layers, minWeight, eps, alpha, overlay, partition, tree);
    }

    /** Overlay the certified top-k support at {@code eps} of every query, and show it first. */
    public AttentionView topk(double eps) {
        Check.open("eps", eps, 0, 1);
        return new AttentionView(t, layer, head, from, to, layers, minWeight, eps, alpha, LineOverlay.TOPK,
                partition, tree);
    }

    /** Overlay the support of {@code alpha}-entmax of every query's scores ($\alpha > 1$), and show it first. */
    public AttentionView entmax(double alpha) {
        Check.finite("alpha", alpha);
        if (alpha <= 1) {
            throw new IllegalArgumentException("alpha = " + alpha + " is outside (1, ∞): entmax(1) is softmax,"
                    + " whose support is every key");
        }
        return new AttentionView(t, layer, head, from, to, layers, minWeight, eps, alpha, LineOverlay.ENTMAX,
                partition, tree);
    }

    /** Which lines are coloured first; {@link LineOverlay#TOPK} and {@link LineOverlay#ENTMAX} need their overlay. */
    public AttentionView overlay(LineOverlay overlay) {
        LineOverlay o = Check.notNull("overlay", overlay);
        if (o == LineOverlay.TOPK && Double.isNaN(eps) || o == LineOverlay.ENTMAX && Double.isNaN(alpha)) {
            throw new IllegalArgumentException("overlay " + o + " is not computed: call " + o.name().toLowerCase(
                    Locale.ROOT) + "(...) first");
        }
        return new AttentionView(t, layer, head, from, to, layers, minWeight, eps, alpha, o, this.partition, tree);
    }

    /** Shade the tokens by the blocks of a partition of all $n$ tokens. */
    public AttentionView partition(Partition partition) {
        Partition p = Check.notNull("partition", partition);
        if (p.n() != t.length()) {
            throw new IllegalArgumentException("partition has " + p.n() + " vertices, the tensor " + t.length()
                    + " tokens");
        }
        return new AttentionView(t, layer, head, from, to, layers, minWeight, eps, alpha, this.overlay, p, tree);
    }

    /** Draw the tokens in the leaf order of a partition tree on all $n$ tokens. */
    public AttentionView tree(PartitionTree tree) {
        Check.notNull("tree", tree);
        if (tree.size() != t.length()) {
            throw new IllegalArgumentException("tree has " + tree.size() + " points, the tensor " + t.length()
                    + " tokens");
        }
        return new AttentionView(t, layer, head, from, to, layers, minWeight, eps, alpha, overlay, partition, tree);
    }

    /** The layers the HTML embeds. */
    public int[] embeddedLayers() {
        if (layers != null) {
            return IntStream.concat(Arrays.stream(layers), IntStream.of(layer)).distinct().sorted().toArray();
        }
        long w = to - from;
        long all = (long) t.layers() * t.heads() * w * w;
        return all <= DEFAULT_BUDGET ? IntStream.range(0, t.layers()).toArray() : new int[] {layer};
    }

    /** The page fragment: controls, the static SVG of the selected head, the data and the script. */
    public String html() {
        int[] l = embeddedLayers();
        return ViewHtml.write(this, ViewData.compute(t, l, from, to, minWeight, eps, alpha), l);
    }

    /** {@link #html()} as a complete page, written to {@code file}. */
    public Path save(Path file) {
        Check.notNull("file", file);
        String page = "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>" + ViewHtml.escape(t.model())
                + " attention</title></head>\n<body style=\"margin:8px;background:#fff\">\n" + html()
                + "\n</body></html>\n";
        try {
            return Files.writeString(file, page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The selected head as an SVG element (no script). */
    public String svg() {
        SVGGraphics2D g = new SVGGraphics2D(ViewPainter.width(), ViewPainter.height(to - from));
        paint(g);
        return g.getSVGElement();
    }

    /** The selected head as an image. */
    public BufferedImage png() {
        BufferedImage img = new BufferedImage(ViewPainter.width(), ViewPainter.height(to - from),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            paint(g);
        } finally {
            g.dispose();
        }
        return img;
    }

    private void paint(Graphics2D g) {
        ViewData d = ViewData.compute(t, new int[] {layer}, from, to, minWeight, eps, alpha);
        int[][] support = switch (overlay) {
            case ATTENTION -> null;
            case TOPK -> d.topk[0][head];
            case ENTMAX -> d.entmax[0][head];
        };
        int[] sizes = switch (overlay) {
            case ATTENTION -> null;
            case TOPK -> d.topkSize[0][head];
            case ENTMAX -> d.entmaxSize[0][head];
        };
        ViewPainter.paint(g, title(), subtitle(layer, head, sizes),
                windowTokens(), positions(), blocks(), d.lines[0][head], support, overlay);
    }

    String title() {
        return t.model() + " attention";
    }

    String subtitle(int l, int h, int[] supportSizes) {
        StringBuilder s = new StringBuilder("layer " + l + " · head " + h + " · ");
        double mean = supportSizes == null ? 0 : Arrays.stream(supportSizes).average().orElse(0);
        switch (overlay) {
            case ATTENTION -> s.append("lines: P ≥ ").append(fmt(minWeight));
            case TOPK -> s.append("certified top-k at ε = ").append(fmt(eps)).append(", mean k = ").append(fmt(mean));
            case ENTMAX -> s.append(fmt(alpha)).append("-entmax support, mean size ").append(fmt(mean));
        }
        s.append(" of ").append(t.length()).append(" keys");
        if (partition != null) {
            s.append(" · ").append(partition.parts()).append(" blocks");
        }
        if (tree != null) {
            s.append(" · tree order");
        }
        return s.toString();
    }

    static String fmt(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e9) {
            return Long.toString((long) x);
        }
        return new BigDecimal(x).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    List<String> windowTokens() {
        return t.tokens().subList(from, to);
    }

    /** The drawn row of each window token: its rank in the tree's leaf order, or its index. */
    int[] positions() {
        int w = to - from;
        int[] pos = new int[w];
        if (tree == null) {
            Arrays.setAll(pos, i -> i);
            return pos;
        }
        int r = 0;
        for (int p : tree.order()) {
            if (p >= from && p < to) {
                pos[p - from] = r++;
            }
        }
        return pos;
    }

    int[] blocks() {
        return partition == null ? null : Arrays.copyOfRange(partition.labels(), from, to);
    }

    AttentionTensor tensor() {
        return t;
    }

    int layer() {
        return layer;
    }

    int head() {
        return head;
    }

    int from() {
        return from;
    }

    LineOverlay initialOverlay() {
        return overlay;
    }

    double eps() {
        return eps;
    }

    double alpha() {
        return alpha;
    }

    double minWeightValue() {
        return minWeight;
    }

    Partition partitionValue() {
        return partition;
    }

    PartitionTree treeValue() {
        return tree;
    }

    /** One line: model, selection, window and overlays. */
    @Override
    public String toString() {
        return "AttentionView[" + t.model() + ", layer " + layer + " head " + head + ", tokens " + from + ".." + to
                + " of " + t.length() + (Double.isNaN(eps) ? "" : ", top-k ε = " + fmt(eps))
                + (Double.isNaN(alpha) ? "" : ", entmax α = " + fmt(alpha))
                + (partition == null ? "" : ", " + partition.parts() + " blocks")
                + (tree == null ? "" : ", tree order") + "]";
    }
}
