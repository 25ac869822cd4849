package io.github.attnlab.train;

import io.github.attnlab.core.Check;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Forward passes for evaluation: in chunks of sequences of one length, on the calling thread. */
final class Evaluator {

    static final int CHUNK = 16;

    private Evaluator() {
    }

    static Evaluation evaluate(Transformer m, List<Example> examples) {
        Check.notNull("examples", examples);
        Check.positive("examples.size()", examples.size());
        Network net = m.network();
        Map<Integer, List<Example>> byLength = new LinkedHashMap<>();
        for (int i = 0; i < examples.size(); i++) {
            Example e = Check.notNull("examples[" + i + "]", examples.get(i));
            byLength.computeIfAbsent(e.length(), k -> new ArrayList<>()).add(e);
        }
        double loss = 0;
        long positions = 0;
        long right = 0;
        int seqRight = 0;
        double zeros = 0;
        double visible = 0;
        Cache k = null;
        int o = net.c.outputs();
        for (List<Example> group : byLength.values()) {
            net.check(group);
            for (int from = 0; from < group.size(); from += CHUNK) {
                int b = Math.min(CHUNK, group.size() - from);
                k = net.cache(k, b, group.get(0).length());
                loss += net.forward(m.weightsView(), m.gates(), group, from, k, 0);
                for (int s = 0; s < b; s++) {
                    Example e = group.get(from + s);
                    boolean all = true;
                    for (int i = 0; i < e.length(); i++) {
                        if (!e.isScored(i)) {
                            continue;
                        }
                        positions++;
                        if (!net.c.regression()) {
                            int r = (s * k.n + i) * o;
                            int best = 0;
                            for (int j = 1; j < o; j++) {
                                if (k.logits[r + j] > k.logits[r + best]) {
                                    best = j;
                                }
                            }
                            boolean ok = best == e.target(i);
                            right += ok ? 1 : 0;
                            all &= ok;
                        }
                    }
                    seqRight += all ? 1 : 0;
                }
                for (double[][] layer : k.p) {
                    for (int sh = 0; sh < b * net.c.heads(); sh++) {
                        for (double p : layer[sh]) {
                            zeros += p == 0 ? 1 : 0;
                        }
                        visible += layer[sh].length;
                    }
                }
            }
        }
        boolean reg = net.c.regression();
        return new Evaluation(loss / positions, reg ? Double.NaN : (double) right / positions,
                reg ? Double.NaN : (double) seqRight / examples.size(), zeros / visible, positions, examples.size());
    }

    static double[][] outputs(Transformer m, Example e) {
        Network net = m.network();
        List<Example> one = List.of(Check.notNull("example", e));
        net.check(one);
        Cache k = net.cache(null, 1, e.length());
        net.forward(m.weightsView(), m.gates(), one, 0, k, 0);
        int o = net.c.outputs();
        double[][] out = new double[e.length()][o];
        for (int i = 0; i < e.length(); i++) {
            for (int j = 0; j < o; j++) {
                out[i][j] = k.logits[i * o + j];
            }
        }
        return out;
    }

    static double[][][][] attention(Transformer m, Example e) {
        Network net = m.network();
        List<Example> one = List.of(Check.notNull("example", e));
        net.check(one);
        int n = e.length();
        Cache k = net.cache(null, 1, n);
        net.forward(m.weightsView(), m.gates(), one, 0, k, 0);
        Visibility[] vis = net.visibility(n);
        double[][][][] a = new double[net.c.layers()][net.c.heads()][n][n];
        for (int l = 0; l < a.length; l++) {
            for (int h = 0; h < a[l].length; h++) {
                for (int i = 0; i < n; i++) {
                    for (int t = 0; t < vis[l].keys[i].length; t++) {
                        a[l][h][i][vis[l].keys[i][t]] = k.p[l][h][vis[l].offset[i] + t];
                    }
                }
            }
        }
        return a;
    }
}
