package io.github.attnlab.determinism;

import io.github.attnlab.simd.SimdOps;

/**
 * Runs {@link Workload} once cold (the first call in this JVM: interpreted code, the Vector API's Java
 * fallbacks), then many times until the just-in-time compiler has compiled it, then once warm, and compares the
 * bits. Prints the path and the result; exits 1 when any bit differs. Started by {@link ColdWarmDeterminismTest}
 * in a fresh JVM, with {@code -Xbatch} so that compilation finishes before the warm evaluation.
 */
public final class ColdWarmProbe {

    static final int WARM_UP = 3000;

    private ColdWarmProbe() {
    }

    public static void main(String[] args) {
        Workload w = new Workload(Integer.parseInt(args[0]), 11);
        long[] cold = w.bits();
        for (int i = 0; i < WARM_UP; i++) {
            w.bits();
        }
        long[] warm = w.bits();
        int differ = 0;
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < cold.length; i++) {
            if (cold[i] != warm[i]) {
                if (differ < 5) {
                    double a = Double.longBitsToDouble(cold[i]);
                    double b = Double.longBitsToDouble(warm[i]);
                    first.append(String.format(" [%d] cold %s warm %s;", i, a, b));
                }
                differ++;
            }
        }
        System.out.println("path " + SimdOps.get().name() + ": " + cold.length + " results, " + differ + " differ"
                + first);
        System.exit(differ == 0 ? 0 : 1);
    }
}
