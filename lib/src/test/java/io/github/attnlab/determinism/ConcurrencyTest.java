package io.github.attnlab.determinism;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.github.attnlab.compact.Normalizer;
import io.github.attnlab.topk.KeyBlocks;
import io.github.attnlab.topk.TopK;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two threads using the same immutable objects at once (a lazily ranked {@link TopK}, a {@link KeyBlocks} index, a
 * normaliser) and the SIMD operations get the same bits as one thread computing alone, on this run's SIMD path.
 */
class ConcurrencyTest {

    private static final int ROUNDS = 40;

    @Test
    void twoThreadsMatchTheSequentialResults() throws Exception {
        Random r = new Random(21);
        double[] s = new double[2000];
        for (int i = 0; i < s.length; i++) {
            s[i] = 3 * r.nextGaussian();
        }
        double[][] keys = new double[512][32];
        for (double[] k : keys) {
            for (int c = 0; c < k.length; c++) {
                k[c] = r.nextGaussian();
            }
        }
        Workload workload = new Workload(777, 5);
        long[] expectedWorkload = workload.bits();
        long[] expectedShared = shared(TopK.of(s), KeyBlocks.clustered(keys, 16), Normalizer.entmax(1.5), s, keys);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                TopK lazy = TopK.of(s); // not ranked yet: both threads race to rank it
                KeyBlocks index = KeyBlocks.clustered(keys, 16);
                Normalizer entmax = Normalizer.entmax(1.5);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<long[][]>> results = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return new long[][] {shared(lazy, index, entmax, s, keys), workload.bits()};
                    }));
                }
                start.countDown();
                for (Future<long[][]> f : results) {
                    long[][] got = f.get();
                    assertArrayEquals(expectedShared, got[0], "shared objects, round " + round);
                    assertArrayEquals(expectedWorkload, got[1], "workload, round " + round);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static long[] shared(TopK t, KeyBlocks index, Normalizer nz, double[] s, double[][] keys) {
        List<Double> out = new ArrayList<>();
        out.add((double) t.certify(0.01).k());
        out.add(t.keep(50).tailMass());
        out.add(t.keep(50).tailMassUpper());
        for (double p : t.probabilities()) {
            out.add(p);
        }
        out.add(index.search(keys[3], 0.2, 0.01).tailMassUpper());
        for (double p : nz.apply(s).probabilities()) {
            out.add(p);
        }
        return out.stream().mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
