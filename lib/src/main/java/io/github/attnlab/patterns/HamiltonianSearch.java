package io.github.attnlab.patterns;

import io.github.attnlab.patterns.HamiltonianPath.Method;
import io.github.attnlab.patterns.HamiltonianPath.Status;
import java.util.ArrayDeque;
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
        return new HamiltonianSearch(keys, n).run(constructed, budget);
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

    private HamiltonianPath run(int[] constructed, long budget) {
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
        int[] p = warnsdorff(comps[0], budget);
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

    /**
     * Depth-first search from the tokens of the first component, extending by the unvisited successor with the
     * fewest unvisited successors (Warnsdorff's rule), backtracking, at most {@code budget} extensions in all.
     */
    private int[] warnsdorff(int[] starts, long budget) {
        long[] visited = new long[w];
        int[] path = new int[n];
        long steps = 0;
        for (int start : starts) {
            java.util.Arrays.fill(visited, 0L);
            ArrayDeque<int[]> choices = new ArrayDeque<>();
            path[0] = start;
            Words.set(visited, 0, start);
            int len = 1;
            choices.push(ordered(start, visited));
            int[] cursor = new int[n];
            while (len > 0) {
                if (len == n) {
                    return path.clone();
                }
                int[] options = choices.peek();
                if (cursor[len - 1] == options.length || steps >= budget) {
                    choices.pop();
                    cursor[len - 1] = 0;
                    len--;
                    if (len > 0) {
                        visited[path[len] >>> 6] &= ~(1L << path[len]);
                    }
                    if (steps >= budget) {
                        return null;
                    }
                    continue;
                }
                int next = options[cursor[len - 1]++];
                steps++;
                path[len++] = next;
                Words.set(visited, 0, next);
                choices.push(ordered(next, visited));
            }
        }
        return null;
    }

    /** The unvisited successors of {@code v}, fewest onward options first (ties by token). */
    private int[] ordered(int v, long[] visited) {
        int count = 0;
        for (int i = 0; i < w; i++) {
            count += Long.bitCount(out[v * w + i] & ~visited[i]);
        }
        long[] keyed = new long[count];
        int c = 0;
        for (int i = 0; i < w; i++) {
            long x = out[v * w + i] & ~visited[i];
            while (x != 0) {
                int u = (i << 6) + Long.numberOfTrailingZeros(x);
                x &= x - 1;
                int onward = 0;
                for (int j = 0; j < w; j++) {
                    onward += Long.bitCount(out[u * w + j] & ~visited[j]);
                }
                keyed[c++] = ((long) onward << 32) | u;
            }
        }
        java.util.Arrays.sort(keyed);
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = (int) keyed[i];
        }
        return order;
    }
}
