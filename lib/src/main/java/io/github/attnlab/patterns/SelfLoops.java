package io.github.attnlab.patterns;

/**
 * Assumption 1 (i) of paper E: $k \in A_k^l$ for every token $k$ and layer $l$ of one period.
 *
 * @param holds        whether every layer has every self-loop
 * @param missing      how many (layer, token) pairs lack their self-loop
 * @param firstLayer   the first layer with a missing self-loop, or -1
 * @param firstToken   the first token without a self-loop in that layer, or -1
 */
public record SelfLoops(boolean holds, long missing, int firstLayer, int firstToken) {

    static SelfLoops of(long[][] layers, int n) {
        int w = Words.words(n);
        long missing = 0;
        int fl = -1;
        int fk = -1;
        for (int l = 0; l < layers.length; l++) {
            for (int k = 0; k < n; k++) {
                if (!Words.get(layers[l], k * w, k)) {
                    if (missing++ == 0) {
                        fl = l;
                        fk = k;
                    }
                }
            }
        }
        return new SelfLoops(missing == 0, missing, fl, fk);
    }

    @Override
    public String toString() {
        return holds ? "self-loops: yes" : "self-loops: no (" + missing + " missing; first: token " + firstToken
                + " in layer " + (firstLayer + 1) + ")";
    }
}
