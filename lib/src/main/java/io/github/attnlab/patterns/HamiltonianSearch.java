package io.github.attnlab.patterns;

import io.github.attnlab.patterns.HamiltonianPath.Method;
import io.github.attnlab.patterns.HamiltonianPath.Status;
import java.util.BitSet;
import java.util.Locale;

/**
 * Decides Assumption 1 (ii) on a union graph given as bit rows: row $v$ holds $\bigcup_l A_v^l$, the keys of $v$,
 * so an arc $u \to v$ (token $v$ may follow token $u$ on the path) exists when bit $u$ of row $v$ is set.
 *
 * <p>In order: the construction's path and the token order (verified arc by arc); the condensation (strongly
 * connected components in topological order must be joined consecutively, else no path exists); exact dynamic
 * programming over subsets for $n \le$ {@link #EXACT_LIMIT}; above it, a depth-first search with Warnsdorff's rule
 * within a step budget, which can find a path but never prove there is none.
 */
final class HamiltonianSearch {

    /** The largest $n$ searched exhaustively ($2^{n}$ subsets of $n$-bit end sets: 4 MB and about a second at 20). */
    static final int EXACT_LIMIT = 20;

    private final int n;
    private final int w;
    private final long[] keys;
    private final long[] out;

    private HamiltonianSearch(long[] keys, int n) {
        this.n = n;
        this.w = Words.words(n);
        this.keys = keys;
        this.out = new long[n * w];
        for (int v = 0; v < n; v++) {
            for (int u : Words.indices(keys, v * w, w)) {
                if (u != v) {
                    Words.set(out, u * w, v);
                }
            }
        }
    }

    static HamiltonianPath find(long[] keys, int n, int[] constructed, long budget) {
        if (constructed != null && firstFailure(keys, n, constructed) < 0) {
            return new HamiltonianPath(Status.FOUND, Method.CONSTRUCTED, constructed, "verified arc by arc");
        }
        int[] order = LocalRules.identity(n);
        if (firstFailure(keys, n, order) < 0) {
            return new HamiltonianPath(Status.FOUND, Method.TOKEN_ORDER, order, "each token is a key of the next");
        }
        int[] reverse = new int[n];
        for (int i = 0; i < n; i++) {
            reverse[i] = n - 1 - i;
        }
        if (firstFailure(keys, n, reverse) < 0) {
            return new HamiltonianPath(Status.FOUND, Method.TOKEN_ORDER, reverse, "each token is a key of the previous");
        }
        return new HamiltonianSearch(keys, n).search(budget);
    }

    /** The first position where {@code path} is not a Hamiltonian path of the union graph, or -1 if it is one. */
    static int firstFailure(long[] keys, int n, int[] path) {
        if (path.length != n) {
            return 0;
        }
        int w = Words.words(n);
        BitSet seen = new BitSet(n);
        for (int i = 0; i < n; i++) {
            int v = path[i];
            if (v < 0 || v >= n || seen.get(v)) {
                return i;
            }
            seen.set(v);
            if (i > 0 && !Words.get(keys, v * w, path[i - 1])) {
                return i;
            }
        }
        return -1;
    }

    private HamiltonianPath search(long budget) {
        int[][] comps = components();
        String gap = chainGap(comps);
        if (gap != null) {
            return new HamiltonianPath(Status.NONE, Method.CONDENSATION, null, gap);
        }
        if (n <= EXACT_LIMIT) {
            int[] p = exact();
            return p == null ? new HamiltonianPath(Status.NONE, Method.EXACT_SEARCH, null,
                    "no path among all orders (dynamic programming over the 2^" + n + " subsets)")
                    : new HamiltonianPath(Status.FOUND, Method.EXACT_SEARCH, p, "dynamic programming over subsets");
        }
        int[] p = PathDfs.find(keys, out, n, comps[0], budget);
        return p != null ? new HamiltonianPath(Status.FOUND, Method.HEURISTIC_SEARCH, p, "depth-first search")
                : new HamiltonianPath(Status.UNKNOWN, Method.HEURISTIC_SEARCH, null, String.format(Locale.ROOT,
                "n = %d is above the exact-search limit %d, and a depth-first search (Warnsdorff's rule) found no"
                        + " path within %d steps", n, EXACT_LIMIT, budget));
    }

    /** Strongly connected components in topological order (iterative Tarjan; Tarjan emits sinks first). */
    private int[][] components() {
        int[] index = new int[n];
        int[] low = new int[n];
        java.util.Arrays.fill(index, -1);
        boolean[] onStack = new boolean[n];
        int[] stack = new int[n];
        int sp = 0;
        int counter = 0;
        java.util.List<int[]> found = new java.util.ArrayList<>();
        int[] callV = new int[n];
        int[] callNext = new int[n];
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) {
                continue;
            }
            int depth = 0;
            callV[0] = root;
            callNext[0] = 0;
            index[root] = low[root] = counter++;
            stack[sp++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                int v = callV[depth];
                int u = nextOut(v, callNext[depth]);
                if (u >= 0) {
                    callNext[depth] = u + 1;
                    if (index[u] < 0) {
                        index[u] = low[u] = counter++;
                        stack[sp++] = u;
                        onStack[u] = true;
                        depth++;
                        callV[depth] = u;
                        callNext[depth] = 0;
                    } else if (onStack[u]) {
                        low[v] = Math.min(low[v], index[u]);
                    }
                    continue;
                }
                if (low[v] == index[v]) {
                    int size = 0;
                    while (stack[sp - 1 - size] != v) {
                        size++;
                    }
                    size++;
                    int[] c = new int[size];
                    for (int i = 0; i < size; i++) {
                        c[i] = stack[--sp];
                        onStack[c[i]] = false;
                    }
                    java.util.Arrays.sort(c);
                    found.add(c);
                }
                depth--;
                if (depth >= 0) {
                    low[callV[depth]] = Math.min(low[callV[depth]], low[v]);
                }
            }
        }
        int m = found.size();
        int[][] topo = new int[m][];
        for (int i = 0; i < m; i++) {
            topo[i] = found.get(m - 1 - i);
        }
        return topo;
    }

    private int nextOut(int v, int from) {
        if (from >= n) {
            return -1;
        }
        int word = from >>> 6;
        long x = out[v * w + word] & (-1L << from);
        while (true) {
            if (x != 0) {
                return (word << 6) + Long.numberOfTrailingZeros(x);
            }
            if (++word == w) {
                return -1;
            }
            x = out[v * w + word];
        }
    }

    /** Null when consecutive components are joined by an arc; else why no Hamiltonian path exists. */
    private String chainGap(int[][] comps) {
        int m = comps.length;
        if (m == 1) {
            return null;
        }
        int[] comp = new int[n];
        for (int c = 0; c < m; c++) {
            for (int v : comps[c]) {
                comp[v] = c;
            }
        }
        boolean[] joined = new boolean[m];
        for (int u = 0; u < n; u++) {
            for (int v = nextOut(u, 0); v >= 0; v = nextOut(u, v + 1)) {
                if (comp[v] == comp[u] + 1) {
                    joined[comp[u]] = true;
                }
            }
        }
        for (int c = 0; c + 1 < m; c++) {
            if (!joined[c]) {
                return String.format(Locale.ROOT, "the union graph has %d strongly connected components and no arc"
                                + " from {%s} to {%s}, which a path would have to cross", m, list(comps[c]),
                        list(comps[c + 1]));
            }
        }
        return null;
    }

    private static String list(int[] c) {
        BitSet b = new BitSet();
        for (int v : c) {
            b.set(v);
        }
        return Words.ranges(b, 4);
    }

    /** Dynamic programming over subsets: {@code ends[mask]} = the tokens a path through exactly {@code mask} can end at. */
    private int[] exact() {
        int[] succ = new int[n];
        for (int u = 0; u < n; u++) {
            succ[u] = (int) out[u * w];
        }
        int full = (1 << n) - 1;
        int[] ends = new int[1 << n];
        for (int v = 0; v < n; v++) {
            ends[1 << v] = 1 << v;
        }
        for (int mask = 1; mask < full; mask++) {
            for (int e = ends[mask]; e != 0; e &= e - 1) {
                int v = Integer.numberOfTrailingZeros(e);
                for (int next = succ[v] & ~mask; next != 0; next &= next - 1) {
                    int u = Integer.numberOfTrailingZeros(next);
                    ends[mask | (1 << u)] |= 1 << u;
                }
            }
        }
        if (ends[full] == 0) {
            return null;
        }
        int[] path = new int[n];
        int mask = full;
        int v = Integer.numberOfTrailingZeros(ends[full]);
        for (int i = n - 1; i > 0; i--) {
            path[i] = v;
            mask &= ~(1 << v);
            int prev = -1;
            for (int e = ends[mask]; e != 0; e &= e - 1) {
                int c = Integer.numberOfTrailingZeros(e);
                if ((succ[c] & (1 << v)) != 0) {
                    prev = c;
                    break;
                }
            }
            v = prev;
        }
        path[0] = v;
        return path;
    }
}
