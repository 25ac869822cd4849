package io.github.attnlab.bench.suite;

import java.util.Arrays;

/** Wall-clock times of repeated runs (seconds), summarised by median, minimum and maximum. */
public record Samples(double[] seconds) {

    public Samples {
        if (seconds == null || seconds.length == 0) {
            throw new IllegalArgumentException("seconds must hold at least one time");
        }
        for (double s : seconds) {
            if (!(s >= 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("seconds holds " + s + "; times must be finite and >= 0");
            }
        }
        seconds = seconds.clone();
    }

    @Override
    public double[] seconds() {
        return seconds.clone();
    }

    /** The median (the mean of the two middle times for an even count). */
    public double median() {
        double[] s = seconds.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }

    public double min() {
        return Arrays.stream(seconds).min().orElseThrow();
    }

    public double max() {
        return Arrays.stream(seconds).max().orElseThrow();
    }

    public int count() {
        return seconds.length;
    }
}
