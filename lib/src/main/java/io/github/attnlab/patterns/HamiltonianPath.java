package io.github.attnlab.patterns;

import java.util.Arrays;

/**
 * Assumption 1 (ii) of paper E: a Hamiltonian path of the union graph, i.e. a permutation $\gamma$ of $[n]$ with
 * $\gamma(i) \in \bigcup_l A^l_{\gamma(i+1)}$ (each token is a key of the next). A path reported as
 * {@link Status#FOUND} has been verified edge by edge; {@link Status#NONE} carries a proof; {@link Status#UNKNOWN}
 * says why the search stopped.
 *
 * @param status what is known
 * @param method how it was decided
 * @param path   the path when found (a copy), else empty
 * @param reason one line: the certificate of absence, or why it is unknown
 */
public record HamiltonianPath(Status status, Method method, int[] path, String reason) {

    /** What is known about a Hamiltonian path. */
    public enum Status {
        /** A path was found and verified. */
        FOUND,
        /** No path exists (with a proof). */
        NONE,
        /** The search stopped without deciding. */
        UNKNOWN
    }

    /** How it was decided. */
    public enum Method {
        /** The pattern's construction, verified edge by edge. */
        CONSTRUCTED,
        /** The token order $0, 1, \dots, n-1$ (or its reverse), verified edge by edge. */
        TOKEN_ORDER,
        /** The strongly connected components of the union graph admit no chain: no path can exist. */
        CONDENSATION,
        /** Exhaustive dynamic programming over subsets (small $n$). */
        EXACT_SEARCH,
        /** Depth-first search with Warnsdorff's rule within a budget of steps. */
        HEURISTIC_SEARCH
    }

    /** Copies the path. */
    public HamiltonianPath {
        path = path == null ? new int[0] : path.clone();
    }

    @Override
    public int[] path() {
        return path.clone();
    }

    /** Whether a verified path exists. */
    public boolean found() {
        return status == Status.FOUND;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HamiltonianPath && ((HamiltonianPath) o).status == status
                && ((HamiltonianPath) o).method == method && Arrays.equals(((HamiltonianPath) o).path, path)
                && ((HamiltonianPath) o).reason.equals(reason);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * status.hashCode() + method.hashCode()) + Arrays.hashCode(path);
    }

    @Override
    public String toString() {
        switch (status) {
            case FOUND:
                return "Hamiltonian path: yes (" + method.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + (path.length > 0 ? ", starts " + head() : "") + ")";
            case NONE:
                return "Hamiltonian path: no (" + reason + ")";
            default:
                return "Hamiltonian path: unknown (" + reason + ")";
        }
    }

    private String head() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(4, path.length); i++) {
            b.append(i > 0 ? " " : "").append(path[i]);
        }
        return b.append(path.length > 4 ? " ..." : "").toString();
    }
}
