package io.github.attnlab.bench.suite;

/**
 * One peer's times on an operation, or why it has none.
 *
 * @param name    the peer, e.g. {@code torch 2.1 (1 thread)}
 * @param samples its times; null when it did not run
 * @param missing why it did not run (null when it ran)
 */
public record PeerResult(String name, Samples samples, String missing) {

    public PeerResult {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is blank");
        }
        if ((samples == null) == (missing == null)) {
            throw new IllegalArgumentException("give exactly one of samples and missing for peer " + name);
        }
    }

    public static PeerResult ran(String name, Samples samples) {
        return new PeerResult(name, samples, null);
    }

    public static PeerResult missing(String name, String why) {
        return new PeerResult(name, null, why);
    }

    public boolean ran() {
        return samples != null;
    }
}
