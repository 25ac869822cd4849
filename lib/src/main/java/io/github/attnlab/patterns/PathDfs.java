package io.github.attnlab.patterns;

/**
 * The bounded search for a Hamiltonian path above the exact-search limit (see {@link HamiltonianSearch}): arcs
 * $u \to v$ when bit $v$ of row $u$ of {@code out} is set, i.e. $u$ is a key of $v$ ({@code keys} holds the
 * transposed rows). It can find a path; it never proves there is none.
 */
final class PathDfs {

    private PathDfs() {
    }

    /**
     * Depth-first search from the tokens of the first component, at most {@code budget} extensions in all. It
     * extends by the unvisited successor with the fewest unvisited successors (Warnsdorff's rule) and backtracks
     * as soon as the rest cannot be finished: when two unvisited tokens have no unvisited successor (each would
     * have to end the path), or an unvisited token has no unvisited predecessor and does not follow the current
     * end (nothing could enter it); such a token that does follow the current end must come next.
     */
    static int[] find(long[] keys, long[] out, int n, int[] starts, long budget) {
        int w = Words.words(n);
        int[][] succ = new int[n][];
        int[][] pred = new int[n][];
        for (int v = 0; v < n; v++) {
            succ[v] = Words.indices(out, v * w, w);
            int[] k = Words.indices(keys, v * w, w);
            int c = 0;
            for (int u : k) {
                c += u != v ? 1 : 0;
            }
            pred[v] = new int[c];
            c = 0;
            for (int u : k) {
                if (u != v) {
                    pred[v][c++] = u;
                }
            }
        }
        long steps = 0;
        for (int start : starts) {
            Walk walk = new Walk(n, succ, pred);
            int[][] options = new int[n][];
            int[] cursor = new int[n];
            walk.visit(start);
            options[0] = walk.feasible() ? walk.options(start) : new int[0];
            int len = 1;
            while (len > 0) {
                if (len == n) {
                    return walk.path.clone();
                }
                if (steps >= budget) {
                    return null;
                }
                if (cursor[len - 1] == options[len - 1].length) {
                    cursor[len - 1] = 0;
                    len--;
                    walk.unvisit();
                    continue;
                }
                int next = options[len - 1][cursor[len - 1]++];
                steps++;
                walk.visit(next);
                options[len] = walk.feasible() ? walk.options(next) : new int[0];
                len++;
            }
        }
        return null;
    }

    /** The state of the search: the path so far, and for each token its unvisited successors and predecessors. */
    private static final class Walk {
        final int n;
        final int[][] succ;
        final int[][] pred;
        final int[] outLeft;
        final int[] inLeft;
        final boolean[] visited;
        final int[] path;
        int len;
        /** Unvisited tokens with no unvisited successor, and with no unvisited predecessor. */
        int deadEnds;
        int orphans;

        Walk(int n, int[][] succ, int[][] pred) {
            this.n = n;
            this.outLeft = new int[n];
            this.inLeft = new int[n];
            this.visited = new boolean[n];
            this.path = new int[n];
            this.succ = succ;
            this.pred = pred;
            for (int v = 0; v < n; v++) {
                outLeft[v] = succ[v].length;
                inLeft[v] = pred[v].length;
                deadEnds += outLeft[v] == 0 ? 1 : 0;
                orphans += inLeft[v] == 0 ? 1 : 0;
            }
        }

        void visit(int x) {
            visited[x] = true;
            path[len++] = x;
            deadEnds -= outLeft[x] == 0 ? 1 : 0;
            orphans -= inLeft[x] == 0 ? 1 : 0;
            for (int p : pred[x]) {
                if (--outLeft[p] == 0 && !visited[p]) {
                    deadEnds++;
                }
            }
            for (int y : succ[x]) {
                if (--inLeft[y] == 0 && !visited[y]) {
                    orphans++;
                }
            }
        }

        void unvisit() {
            int x = path[--len];
            for (int y : succ[x]) {
                if (inLeft[y]++ == 0 && !visited[y]) {
                    orphans--;
                }
            }
            for (int p : pred[x]) {
                if (outLeft[p]++ == 0 && !visited[p]) {
                    deadEnds--;
                }
            }
            visited[x] = false;
            deadEnds += outLeft[x] == 0 ? 1 : 0;
            orphans += inLeft[x] == 0 ? 1 : 0;
        }

        /** Whether the path can still be completed, as far as the two counts tell. */
        boolean feasible() {
            return len == n || (deadEnds <= 1 && orphans <= 1);
        }

        /** The tokens that may follow {@code x}: the orphan if there is one, else Warnsdorff's order. */
        int[] options(int x) {
            int count = 0;
            long[] keyed = new long[succ[x].length];
            for (int y : succ[x]) {
                if (visited[y] || (outLeft[y] == 0 && len + 1 < n)) {
                    continue;
                }
                if (orphans == 1 && inLeft[y] != 0) {
                    continue;
                }
                keyed[count++] = ((long) outLeft[y] << 32) | y;
            }
            keyed = java.util.Arrays.copyOf(keyed, count);
            java.util.Arrays.sort(keyed);
            int[] order = new int[count];
            for (int i = 0; i < count; i++) {
                order[i] = (int) keyed[i];
            }
            return order;
        }
    }
}
