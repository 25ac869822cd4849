package io.github.attnlab.bench.suite;

import java.util.List;
import java.util.Optional;

/**
 * One line of the suite's table: an operation at one size, AttnLab's times, its peers' times, and the
 * work done per run (bytes for memory-bound operations, flops for products, 0 when no limit applies).
 *
 * @param op    the operation
 * @param size  what varies, e.g. {@code n = 512}
 * @param ours  AttnLab's times
 * @param peers the peers' times (possibly none ran)
 * @param work  bytes or flops of one run
 * @param note  what the reader should know (a check's result), or empty
 */
public record Measured(Op op, String size, Samples ours, List<PeerResult> peers, double work, String note)
        implements Line {

    public Measured {
        if (op == null || size == null || ours == null || peers == null || note == null) {
            throw new IllegalArgumentException("op, size, ours, peers and note must not be null");
        }
        if (!(work >= 0)) {
            throw new IllegalArgumentException("work = " + work + " must be >= 0");
        }
        peers = List.copyOf(peers);
    }

    /** The peer with the smallest median time, if any ran. */
    public Optional<PeerResult> bestPeer() {
        return peers.stream().filter(PeerResult::ran)
                .min((a, b) -> Double.compare(a.samples().median(), b.samples().median()));
    }

    /** AttnLab's median over the best peer's: below 1 is faster than the peer; NaN when no peer ran. */
    public double ratio() {
        return bestPeer().map(p -> ours.median() / p.samples().median()).orElse(Double.NaN);
    }

    /** AttnLab's fraction of the limit at its median time; NaN when no limit applies. */
    public double fraction(MachineLimits limits) {
        if (op.limit() == Limit.NONE || work == 0) {
            return Double.NaN;
        }
        return limits.fraction(op.limit(), work, ours.median());
    }

    /** The best peer's fraction of the limit; NaN when none ran or no limit applies. */
    public double peerFraction(MachineLimits limits) {
        if (op.limit() == Limit.NONE || work == 0) {
            return Double.NaN;
        }
        return bestPeer().map(p -> limits.fraction(op.limit(), work, p.samples().median())).orElse(Double.NaN);
    }
}
