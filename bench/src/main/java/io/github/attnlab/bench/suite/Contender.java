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
     * Runs {@code warmups} untimed and {@code repetitions} timed rounds; in each round every contender
     * runs once, in order, so that all of them see the same load.
     */
    static void interleave(List<Contender> contenders, int warmups, int repetitions) {
        for (int round = 0; round < warmups + repetitions; round++) {
            for (Contender c : contenders) {
                if (c.missing != null) {
                    continue;
                }
                try {
                    double s = c.timeOneRun.getAsDouble();
                    if (round >= warmups) {
                        c.times.add(s);
                    }
                } catch (RuntimeException e) {
                    c.missing = e.getMessage();
                }
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
