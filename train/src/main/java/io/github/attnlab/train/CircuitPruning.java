package io.github.attnlab.train;

import io.github.attnlab.core.ArgSort;
import io.github.attnlab.core.Check;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The minimal-circuit search of Gao et al. (docs/papers/F.md), in a simple greedy form: remove as much of a trained
 * model as possible while its mean task loss on fixed examples stays at most a target $L^*$.
 *
 * <ol>
 *   <li><b>Heads and neurons.</b> Each attention head and each feed-forward neuron is removed alone and ranked by the
 *   loss left; in that order each is removed for good if the loss stays $\le L^*$ (re-evaluated after every
 *   removal). A head is removed by zeroing its columns of $W_{qkv}$ and its rows of $W_O$ (its context vector is then
 *   0, the ablation of Michel et al. 2019); a neuron by zeroing its column of $W_1$ and its row of $W_2$.</li>
 *   <li><b>Weights.</b> The remaining non-zero matrix weights (embeddings, $W_{qkv}$, $W_O$, $W_1$, $W_2$, output)
 *   sorted by $|w|$ ascending: the largest prefix whose zeroing keeps the loss $\le L^*$ is found by bisection
 *   (assuming the loss grows with the prefix; the result is checked), then the rest is tried in
 *   {@code chunks} consecutive chunks, each zeroed if the loss stays $\le L^*$.</li>
 *   <li><b>Clean-up</b> (exact): a head whose value columns or output rows are all 0 writes nothing, and a neuron
 *   whose $W_2$ row is 0 writes nothing; their remaining weights are zeroed too.</li>
 * </ol>
 * The circuit's size: edges = non-zero matrix weights; heads and neurons = those that still write to the residual
 * stream. Greedy and ordered: a small circuit, not a provably minimal one.
 */
public final class CircuitPruning {

    private CircuitPruning() {
    }

    /**
     * A pruned model and its size.
     *
     * @param model       the pruned model (zeroed weights)
     * @param fullLoss    the unpruned model's loss on the examples
     * @param targetLoss  $L^*$
     * @param loss        the circuit's loss, $\le L^*$
     * @param edges       non-zero matrix weights of the circuit
     * @param modelEdges  non-zero matrix weights of the unpruned model
     * @param headsKept   [layer][head]: whether the head writes to the residual stream
     * @param neuronsKept [layer][neuron]: whether the feed-forward neuron writes to the residual stream
     * @param evaluations loss evaluations used
     */
    public record Circuit(Transformer model, double fullLoss, double targetLoss, double loss, long edges,
                          long modelEdges, boolean[][] headsKept, boolean[][] neuronsKept, int evaluations) {

        /** Copies the masks. */
        public Circuit {
            Check.notNull("model", model);
            headsKept = copy(Check.notNull("headsKept", headsKept));
            neuronsKept = copy(Check.notNull("neuronsKept", neuronsKept));
        }

        @Override
        public boolean[][] headsKept() {
            return copy(headsKept);
        }

        @Override
        public boolean[][] neuronsKept() {
            return copy(neuronsKept);
        }

        /** The number of heads kept. */
        public int heads() {
            return count(headsKept);
        }

        /** The number of feed-forward neurons kept. */
        public int neurons() {
            return count(neuronsKept);
        }

        /** The tolerance used, $L^* -$ the full loss. */
        public double tolerance() {
            return targetLoss - fullLoss;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "Circuit[%d edges (of %d), %d heads, %d neurons, loss %.4f <= %.4f "
                    + "(full model %.4f), %d evaluations]", edges, modelEdges, heads(), neurons(), loss, targetLoss,
                    fullLoss, evaluations);
        }

        private static boolean[][] copy(boolean[][] a) {
            boolean[][] c = new boolean[a.length][];
            for (int i = 0; i < a.length; i++) {
                c[i] = a[i].clone();
            }
            return c;
        }

        private static int count(boolean[][] a) {
            int c = 0;
            for (boolean[] r : a) {
                for (boolean b : r) {
                    c += b ? 1 : 0;
                }
            }
            return c;
        }
    }

    /** {@link #prune(Transformer, List, double, int)} with 64 chunks. */
    public static Circuit prune(Transformer model, List<Example> examples, double targetLoss) {
        return prune(model, examples, targetLoss, 64);
    }

    /**
     * The circuit of {@code model} whose mean loss on {@code examples} is at most {@code targetLoss}.
     *
     * @throws IllegalArgumentException if an argument is null or empty, {@code targetLoss} is not finite or is below
     *                                  the model's own loss, or {@code chunks} $< 1$
     */
    public static Circuit prune(Transformer model, List<Example> examples, double targetLoss, int chunks) {
        Check.notNull("model", model);
        Check.notNull("examples", examples);
        Check.positive("examples.size()", examples.size());
        Check.finite("targetLoss", targetLoss);
        Check.positive("chunks", chunks);
        Search s = new Search(model, examples, targetLoss);
        double full = s.loss(s.w);
        if (full > targetLoss) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "targetLoss = %.6g is below the model's own loss %.6g on the examples", targetLoss, full));
        }
        s.components();
        s.weights(chunks);
        s.cleanUp();
        double loss = s.loss(s.w);
        Check.state(loss <= targetLoss, "pruned loss " + loss + " > target " + targetLoss);
        Transformer pruned = new Transformer(model.network(), s.w.clone(), model.gates());
        return new Circuit(pruned, full, targetLoss, loss, pruned.nonZeroWeights(), model.nonZeroWeights(),
                s.headsWriting(), s.neuronsWriting(), s.evaluations);
    }

    private static final class Search {
        final Transformer model;
        final List<Example> examples;
        final double target;
        final ModelConfig c;
        final Layout lay;
        float[] w;
        int evaluations;

        Search(Transformer model, List<Example> examples, double target) {
            this.model = model;
            this.examples = examples;
            this.target = target;
            this.c = model.config();
            this.lay = model.network().lay;
            this.w = model.weightsView().clone();
        }

        double loss(float[] weights) {
            evaluations++;
            double l = new Transformer(model.network(), weights, model.gates()).evaluate(examples).loss();
            return Double.isFinite(l) ? l : Double.POSITIVE_INFINITY;
        }

        /** Indices of component k: heads first (layer-major), then neurons. */
        int[] componentWeights(int k) {
            int heads = c.layers() * c.heads();
            List<Integer> idx = new ArrayList<>();
            int d = c.width();
            if (k < heads) {
                int l = k / c.heads();
                int h = k % c.heads();
                int dh = c.headDim();
                Layout.Slice qkv = lay.layers[l].wqkv();
                Layout.Slice wo = lay.layers[l].wo();
                for (int r = 0; r < d; r++) {
                    for (int part = 0; part < 3; part++) {
                        for (int e = 0; e < dh; e++) {
                            idx.add(qkv.offset() + r * 3 * d + part * d + h * dh + e);
                        }
                    }
                }
                for (int e = 0; e < dh; e++) {
                    for (int j = 0; j < d; j++) {
                        idx.add(wo.offset() + (h * dh + e) * d + j);
                    }
                }
            } else {
                int l = (k - heads) / c.hidden();
                int n = (k - heads) % c.hidden();
                Layout.Slice w1 = lay.layers[l].w1();
                Layout.Slice w2 = lay.layers[l].w2();
                for (int r = 0; r < d; r++) {
                    idx.add(w1.offset() + r * c.hidden() + n);
                }
                for (int j = 0; j < d; j++) {
                    idx.add(w2.offset() + n * d + j);
                }
            }
            return idx.stream().mapToInt(Integer::intValue).toArray();
        }

        float[] without(float[] base, int[] idx) {
            float[] x = base.clone();
            for (int i : idx) {
                x[i] = 0f;
            }
            return x;
        }

        void components() {
            int n = c.layers() * (c.heads() + c.hidden());
            double[] alone = new double[n];
            for (int k = 0; k < n; k++) {
                alone[k] = loss(without(w, componentWeights(k)));
            }
            int[] order = ArgSort.ascending(alone); // lowest loss left first, ties by component index
            for (int k : order) {
                float[] x = without(w, componentWeights(k));
                if (Arrays.equals(x, w)) {
                    continue;
                }
                if (loss(x) <= target) {
                    w = x;
                }
            }
        }

        void weights(int chunks) {
            int[] nz = new int[w.length];
            int count = 0;
            for (Layout.Slice s : lay.slices()) {
                if (s.kind() == Layout.Kind.MATRIX) {
                    for (int i = s.offset(); i < s.offset() + s.size(); i++) {
                        if (w[i] != 0) {
                            nz[count++] = i;
                        }
                    }
                }
            }
            double[] magnitude = new double[count];
            for (int j = 0; j < count; j++) {
                magnitude[j] = Math.abs(w[nz[j]]);
            }
            int[] rank = ArgSort.ascending(magnitude); // smallest |w| first, ties by index (nz is ascending)
            int[] order = new int[count];
            for (int j = 0; j < count; j++) {
                order[j] = nz[rank[j]];
            }
            int lo = 0;
            int hi = order.length;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (loss(without(w, Arrays.copyOf(order, mid))) <= target) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            w = without(w, Arrays.copyOf(order, lo));
            int rest = order.length - lo;
            int size = Math.max(1, (rest + chunks - 1) / chunks);
            for (int start = lo; start < order.length; start += size) {
                float[] x = without(w, Arrays.copyOfRange(order, start, Math.min(order.length, start + size)));
                if (loss(x) <= target) {
                    w = x;
                }
            }
        }

        boolean writes(int k) {
            int heads = c.layers() * c.heads();
            int d = c.width();
            if (k < heads) {
                int l = k / c.heads();
                int h = k % c.heads();
                int dh = c.headDim();
                Layout.Slice qkv = lay.layers[l].wqkv();
                Layout.Slice wo = lay.layers[l].wo();
                boolean v = false;
                boolean o = false;
                for (int r = 0; r < d; r++) {
                    for (int e = 0; e < dh; e++) {
                        v |= w[qkv.offset() + r * 3 * d + 2 * d + h * dh + e] != 0;
                    }
                }
                for (int e = 0; e < dh; e++) {
                    for (int j = 0; j < d; j++) {
                        o |= w[wo.offset() + (h * dh + e) * d + j] != 0;
                    }
                }
                return v && o;
            }
            int l = (k - heads) / c.hidden();
            int n = (k - heads) % c.hidden();
            Layout.Slice w2 = lay.layers[l].w2();
            for (int j = 0; j < d; j++) {
                if (w[w2.offset() + n * d + j] != 0) {
                    return true;
                }
            }
            return false;
        }

        void cleanUp() {
            int n = c.layers() * (c.heads() + c.hidden());
            for (int k = 0; k < n; k++) {
                if (!writes(k)) {
                    w = without(w, componentWeights(k));
                }
            }
        }

        boolean[][] headsWriting() {
            boolean[][] m = new boolean[c.layers()][c.heads()];
            for (int l = 0; l < c.layers(); l++) {
                for (int h = 0; h < c.heads(); h++) {
                    m[l][h] = writes(l * c.heads() + h);
                }
            }
            return m;
        }

        boolean[][] neuronsWriting() {
            int heads = c.layers() * c.heads();
            boolean[][] m = new boolean[c.layers()][c.hidden()];
            for (int l = 0; l < c.layers(); l++) {
                for (int j = 0; j < c.hidden(); j++) {
                    m[l][j] = writes(heads + l * c.hidden() + j);
                }
            }
            return m;
        }
    }
}
