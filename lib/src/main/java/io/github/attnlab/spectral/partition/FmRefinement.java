package io.github.attnlab.spectral.partition;

import io.github.attnlab.spectral.graph.SparseMatrix;
import java.util.PriorityQueue;

/**
 * Fiduccia–Mattheyses refinement of a bisection with vertex weights (Fiduccia &amp; Mattheyses,
 * DAC 1982): repeatedly move the unlocked vertex of largest gain (cut reduction) whose move keeps
 * the destination within its weight limit plus the heaviest vertex (so that an exactly balanced
 * bisection can still swap vertices through a temporarily unbalanced state), lock it, and
 * finally roll back to the best prefix of moves: the least excess over the limits, then the
 * smallest cut. Gains are real (weighted edges), kept in two priority queues with lazy deletion.
 */
final class FmRefinement {

    /** A pass stops after this many consecutive moves without a new best state. */
    private static final int PATIENCE = 64;
    private static final int MAX_PASSES = 12;

    private FmRefinement() {
    }

    private record Entry(double gain, int vertex, int stamp) {
    }

    /** Refines {@code side} (0/1 per vertex) in place; {@code maxWeight[s]} bounds side s's weight. */
    static void refine(Level level, int[] side, double[] maxWeight) {
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            if (!pass(level, side, maxWeight)) {
                return;
            }
        }
    }

    /** One pass; whether it improved the cut or the balance. */
    private static boolean pass(Level level, int[] side, double[] maxWeight) {
        SparseMatrix a = level.graph.adjacency();
        int n = side.length;
        double[] vw = level.vertexWeight;
        double slack = java.util.Arrays.stream(vw).max().orElse(0);
        double[] weight = new double[2];
        double[] gain = new double[n];
        double cut = 0;
        for (int v = 0; v < n; v++) {
            weight[side[v]] += vw[v];
            for (int p = a.rowStart(v); p < a.rowStart(v + 1); p++) {
                double w = a.value(p);
                boolean external = side[a.column(p)] != side[v];
                gain[v] += external ? w : -w;
                cut += external ? w / 2 : 0;
            }
        }
        int[] stamp = new int[n];
        boolean[] locked = new boolean[n];
        @SuppressWarnings("unchecked")
        PriorityQueue<Entry>[] queue = new PriorityQueue[] {
            new PriorityQueue<Entry>((x, y) -> Double.compare(y.gain(), x.gain())),
            new PriorityQueue<Entry>((x, y) -> Double.compare(y.gain(), x.gain()))
        };
        for (int v = 0; v < n; v++) {
            queue[side[v]].add(new Entry(gain[v], v, 0));
        }
        int[] moves = new int[n];
        int moveCount = 0;
        double startCut = cut;
        double startExcess = excess(weight, maxWeight);
        double bestCut = cut;
        double bestExcess = startExcess;
        int bestPrefix = 0;
        while (moveCount < n && moveCount - bestPrefix < PATIENCE) {
            int from = choose(queue, stamp, locked, weight, maxWeight, vw, slack);
            if (from < 0) {
                break;
            }
            Entry e = queue[from].poll();
            int v = e.vertex();
            locked[v] = true;
            side[v] = 1 - from;
            weight[from] -= vw[v];
            weight[1 - from] += vw[v];
            cut -= gain[v];
            moves[moveCount++] = v;
            for (int p = a.rowStart(v); p < a.rowStart(v + 1); p++) {
                int u = a.column(p);
                if (!locked[u]) {
                    gain[u] += side[u] == from ? 2 * a.value(p) : -2 * a.value(p);
                    queue[side[u]].add(new Entry(gain[u], u, ++stamp[u]));
                }
            }
            double ex = excess(weight, maxWeight);
            if (ex < bestExcess - 1e-12 || (ex <= bestExcess + 1e-12 && cut < bestCut - 1e-12 * Math.abs(bestCut))) {
                bestCut = cut;
                bestExcess = ex;
                bestPrefix = moveCount;
            }
        }
        for (int t = moveCount - 1; t >= bestPrefix; t--) {
            side[moves[t]] = 1 - side[moves[t]];
        }
        return bestPrefix > 0 && (bestExcess < startExcess - 1e-12 || bestCut < startCut - 1e-12 * Math.abs(startCut));
    }

    /** How far the sides exceed their limits (0 when balanced). */
    private static double excess(double[] weight, double[] maxWeight) {
        return Math.max(0, weight[0] - maxWeight[0]) + Math.max(0, weight[1] - maxWeight[1]);
    }

    /** The side to move from: the larger feasible top gain; -1 when neither side may move. */
    private static int choose(PriorityQueue<Entry>[] queue, int[] stamp, boolean[] locked, double[] weight,
                              double[] maxWeight, double[] vw, double slack) {
        int best = -1;
        double bestGain = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < 2; s++) {
            PriorityQueue<Entry> q = queue[s];
            while (!q.isEmpty() && (locked[q.peek().vertex()] || q.peek().stamp() != stamp[q.peek().vertex()])) {
                q.poll();
            }
            if (q.isEmpty()) {
                continue;
            }
            Entry top = q.peek();
            boolean fits = weight[1 - s] + vw[top.vertex()] <= maxWeight[1 - s] + slack || weight[s] > maxWeight[s];
            if (fits && top.gain() > bestGain) {
                best = s;
                bestGain = top.gain();
            }
        }
        return best;
    }
}
