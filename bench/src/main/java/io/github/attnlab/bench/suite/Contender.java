package io.github.attnlab.bench.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * One implementation in an interleaved measurement: a source of one run's time in seconds. A contender
 * that fails is dropped from the remaining rounds, with its reason kept.
 */
final class Contender {

    final String name;
    private final DoubleSupplier timeOneRun;
    private final List<Double> times = new ArrayList<>();
    private String missing;
    /** The contender's own check of its result (for the notes), or null. */
    String note;

    Contender(String name, DoubleSupplier timeOneRun) {
        this.name = name;
        this.timeOneRun = timeOneRun;
    }

    static Contender missing(String name, String why) {
        Contender c = new Contender(name, () -> Double.NaN);
        c.missing = why;
        return c;
    }

    /** A Java workload timed with {@link System#nanoTime()}. */
    static Contender java(String name, Workload w) {
        double[] sink = new double[1];
        return new Contender(name, () -> {
            long t0 = System.nanoTime();
            sink[0] += w.run();
            return (System.nanoTime() - t0) / 1e9;
        });
    }

    /**
     * Runs untimed rounds until there have been {@code warmups} of them and they have taken {@code warmSeconds}, then
     * {@code repetitions} timed rounds; in each round every contender runs once, in order, so that all of them see
     * the same load. Warming up for a time, not a count, lets the JIT compile the Java contenders' loops before they
     * are timed: a MiniLM pass takes about 15 passes (0.5 s) to reach its steady speed, while the native peers
     * need none.
     *
     * @return the number of warm-up rounds run
     */
    static int interleave(List<Contender> contenders, int warmups, double warmSeconds, int repetitions) {
        long start = System.nanoTime();
        int warm = 0;
        while (warm < warmups || (System.nanoTime() - start) / 1e9 < warmSeconds) {
            round(contenders, false);
            warm++;
        }
        for (int r = 0; r < repetitions; r++) {
            round(contenders, true);
        }
        return warm;
    }

    private static void round(List<Contender> contenders, boolean timed) {
        for (Contender c : contenders) {
            if (c.missing != null) {
                continue;
            }
            try {
                double s = c.timeOneRun.getAsDouble();
                if (timed) {
                    c.times.add(s);
                }
            } catch (RuntimeException e) {
                c.missing = e.getMessage();
            }
        }
    }

    PeerResult asPeer() {
        return missing != null ? PeerResult.missing(name, missing) : PeerResult.ran(name, samples());
    }

    Samples samples() {
        if (missing != null) {
            throw new IllegalStateException(name + " did not run: " + missing);
        }
        return new Samples(times.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
