package io.github.attnlab.patterns;

import io.github.attnlab.core.Check;
import java.util.BitSet;
import java.util.Optional;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;

/**
 * One period of a pattern on $n$ tokens: the sets $A_k^l$ of layers $l = 0, \dots, p-1$ as bitsets, and the three
 * conditions of Assumption 1 of paper E on them ({@code docs/papers/E.md}). Made by {@link AttentionPattern#at};
 * immutable; each check computes when called.
 *
 * <pre>{@code
 * PatternLayers s = Patterns.strided().at(4096);
 * s.connections(1); s.selfLoops(); s.hamiltonianPath(); s.reach(); s.conditions(); s.figure().png();
 * }</pre>
 */
public final class PatternLayers {

    private final String name;
    private final int n;
    private final int w;
    private final long[][] layers;
    private final int[] constructed;
    private final ReachArgument argument;

    private PatternLayers(String name, int n, long[][] layers, int[] constructed, ReachArgument argument) {
        this.name = name;
        this.n = n;
        this.w = Words.words(n);
        this.layers = layers;
        this.constructed = constructed;
        this.argument = argument;
    }

    static PatternLayers of(AttentionPattern p, int n) {
        Check.notNull("pattern", p);
        Words.maskTokens(n);
        int period = Check.positive("period", p.period());
        long[][] layers = new long[period][];
        for (int l = 0; l < period; l++) {
            AttentionMask m = p.mask(n, l);
            Check.size("mask(" + n + ", " + l + ").size()", m.size(), n);
            layers[l] = Combine.words(m.requireKeys());
        }
        int[] path = null;
        ReachArgument arg = null;
        if (p instanceof SparsityPattern) {
            path = ((SparsityPattern) p).constructedPath(n).orElse(null);
            arg = ((SparsityPattern) p).argument(n).orElse(null);
        }
        return new PatternLayers(p.name(), n, layers, path, arg);
    }

    /** The pattern's name. */
    public String name() {
        return name;
    }

    /** The number of tokens $n$. */
    public int n() {
        return n;
    }

    /** The number of layers in one period, $p$. */
    public int period() {
        return layers.length;
    }

    /** The mask of layer {@code layer} (taken modulo the period). */
    public AttentionMask mask(int layer) {
        return new WordMask(n, layers[layer(layer)]);
    }

    /** $A_k^l$ as a new {@link BitSet}. */
    public BitSet keys(int layer, int query) {
        Check.index("query", query, n);
        return Words.toBitSet(layers[layer(layer)], query * w, w);
    }

    /** $\sum_k |A_k^l|$ of one layer. */
    public long connections(int layer) {
        return mask(layer).connections();
    }

    /** The largest $\sum_k |A_k^l|$ over the layers of the period. */
    public long connections() {
        long max = 0;
        for (int l = 0; l < layers.length; l++) {
            max = Math.max(max, connections(l));
        }
        return max;
    }

    /** The union over layers, $\bigcup_l A_k^l$, as a mask: the graph of Assumption 1 (ii). */
    public AttentionMask union() {
        return new WordMask(n, unionWords());
    }

    /**
     * The JGraphT graph of one layer: vertices $0..n-1$ and an arc $j \to k$ for every key $j \in A_k^l$ (the
     * direction information flows), self-loops included. A new mutable graph each call.
     */
    public Graph<Integer, DefaultEdge> graph(int layer) {
        return toGraph(layers[layer(layer)]);
    }

    /** The JGraphT graph of the union over the period's layers (see {@link #graph(int)}). */
    public Graph<Integer, DefaultEdge> unionGraph() {
        return toGraph(unionWords());
    }

    /** Assumption 1 (i). */
    public SelfLoops selfLoops() {
        return SelfLoops.of(layers, n);
    }

    /** Assumption 1 (ii), with the default search budget of $10^6$ steps above the exact-search limit. */
    public HamiltonianPath hamiltonianPath() {
        return hamiltonianPath(1_000_000L);
    }

    /** Assumption 1 (ii) with a step budget for the depth-first search used above $n = 20$. */
    public HamiltonianPath hamiltonianPath(long budget) {
        if (budget < 0) {
            throw new IllegalArgumentException("budget = " + budget + " must be at least 0");
        }
        return HamiltonianSearch.find(unionWords(), n, constructed, budget);
    }

    /** Assumption 1 (iii), with a budget of $10^{10}$ word operations. */
    public Reach reach() {
        return ReachSolver.solve(layers, n, ReachSolver.DEFAULT_BUDGET);
    }

    /** Assumption 1 (iii) within a budget of word operations. */
    public Reach reach(long budget) {
        if (budget < 1) {
            throw new IllegalArgumentException("budget = " + budget + " must be at least 1");
        }
        return ReachSolver.solve(layers, n, budget);
    }

    /**
     * The receptive sets $S_k^t$ after {@code t} layers as a mask: query $k$ "attends" to the tokens whose
     * information has reached it (for drawing the growth of the sets).
     */
    public AttentionMask receptiveSets(int t) {
        Check.range("t", t, 1, 1 << 20);
        long[] cur = layers[0].clone();
        long[] next = new long[cur.length];
        io.github.attnlab.simd.SimdOps ops = io.github.attnlab.simd.SimdOps.get();
        for (int s = 1; s < t; s++) {
            long[] layer = layers[s % layers.length];
            for (int k = 0; k < n; k++) {
                int[] idx = Words.indices(layer, k * w, w);
                ops.orRows(cur, w, idx, 0, idx.length, next, k * w);
            }
            long[] tmp = cur;
            cur = next;
            next = tmp;
        }
        return new WordMask(n, cur);
    }

    /** What the pattern's construction says about full reach at this $n$, if anything. */
    public Optional<ReachArgument> argument() {
        return Optional.ofNullable(argument);
    }

    /** All three conditions of Assumption 1 (default budgets). */
    public AssumptionReport conditions() {
        return conditions(1_000_000L);
    }

    /** All three conditions of Assumption 1, with a step budget for the Hamiltonian-path search above $n = 20$. */
    public AssumptionReport conditions(long pathBudget) {
        if (pathBudget < 0) {
            throw new IllegalArgumentException("pathBudget = " + pathBudget + " must be at least 0");
        }
        long[] c = new long[layers.length];
        for (int l = 0; l < c.length; l++) {
            c[l] = connections(l);
        }
        return new AssumptionReport(name, n, c, selfLoops(), hamiltonianPath(pathBudget), reach(), argument);
    }

    /** A picture of the period's masks, one colour per layer. */
    public MaskFigure figure() {
        return MaskFigure.of(name + ", n = " + n, n, layers);
    }

    /** A picture of one layer's mask. */
    public MaskFigure figure(int layer) {
        return MaskFigure.of(name + ", layer " + (layer(layer) + 1) + ", n = " + n, n,
                new long[][] {layers[layer(layer)]});
    }

    private long[] unionWords() {
        long[] u = layers[0].clone();
        for (int l = 1; l < layers.length; l++) {
            for (int i = 0; i < u.length; i++) {
                u[i] |= layers[l][i];
            }
        }
        return u;
    }

    private Graph<Integer, DefaultEdge> toGraph(long[] words) {
        Graph<Integer, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
        for (int v = 0; v < n; v++) {
            g.addVertex(v);
        }
        for (int k = 0; k < n; k++) {
            for (int j : Words.indices(words, k * w, w)) {
                g.addEdge(j, k);
            }
        }
        return g;
    }

    private int layer(int layer) {
        Check.range("layer", layer, 0, Integer.MAX_VALUE);
        return layer % layers.length;
    }

    @Override
    public String toString() {
        return "PatternLayers[" + name + ", n = " + n + ", p = " + layers.length + ", connections per layer = "
                + connections() + "]";
    }
}
