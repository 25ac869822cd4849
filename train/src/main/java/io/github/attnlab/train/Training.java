package io.github.attnlab.train;

import io.github.attnlab.core.Check;
import io.github.attnlab.train.task.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

/**
 * How to train a {@link Transformer} on a {@link Task}: Adam on the mean loss over scored positions, with a linear
 * warm-up, global-norm clipping and optional {@link WeightSparsity}. Immutable; {@link #run()} trains.
 *
 * <p><b>Determinism.</b> The seed fixes the initial weights ({@code seed}) and the stream of examples (a second
 * generator derived from it), so runs that differ only in the model's normaliser see the same data. Each batch is
 * cut into a fixed number of {@code shards} whose gradients are added in shard order; {@code threads} only says how
 * many shards run at once, so the loss curve is the same bit for bit on 1 or 2 threads.
 *
 * @param model        the model's configuration
 * @param task         the examples
 * @param size         the task size $N$ during training
 * @param steps        optimiser steps
 * @param batch        examples per step
 * @param learningRate Adam's $\eta$ after warm-up
 * @param warmup       steps of linear warm-up
 * @param clip         global gradient-norm clip (0: none)
 * @param sparsity     weight sparsity after each step
 * @param seed         the seed of initialisation and data
 * @param shards       batch shards (fixed work split)
 * @param threads      threads running the shards
 * @param monitorEvery call the monitor every this many steps (0: never)
 * @param monitor      called with (step, model) after those steps; may be null
 */
public record Training(ModelConfig model, Task task, int size, int steps, int batch, double learningRate, int warmup,
                       double clip, WeightSparsity sparsity, long seed, int shards, int threads, int monitorEvery,
                       BiConsumer<Integer, Transformer> monitor) {

    /** Validates the settings. */
    public Training {
        Check.notNull("model", model);
        Check.notNull("task", task);
        Check.positive("size", size);
        Check.range("steps", steps, 0, Integer.MAX_VALUE);
        Check.positive("batch", batch);
        Check.positive("learningRate", learningRate);
        Check.range("warmup", warmup, 0, Integer.MAX_VALUE);
        Check.nonNegative("clip", clip);
        Check.notNull("sparsity", sparsity);
        Check.range("shards", shards, 1, batch);
        Check.range("threads", threads, 1, 64);
        Check.range("monitorEvery", monitorEvery, 0, Integer.MAX_VALUE);
        if (model.vocabulary() != task.vocabulary() && task.vocabulary() > 0) {
            throw new IllegalArgumentException("model vocabulary = " + model.vocabulary() + " but task " + task.name()
                    + " has " + task.vocabulary() + " tokens");
        }
        if (task.length(size) > model.maxLength()) {
            throw new IllegalArgumentException("task " + task.name() + " at size " + size + " has sequences of length "
                    + task.length(size) + " > the model's maxLength = " + model.maxLength());
        }
    }

    /** Defaults: 300 steps of 16 examples, $\eta = 3\cdot10^{-3}$, 30 warm-up steps, clip 1, dense, seed 1, 2 shards, 1 thread. */
    public static Training of(ModelConfig model, Task task, int size) {
        return new Training(model, task, size, 300, 16, 3e-3, 30, 1, WeightSparsity.none(), 1, 2, 1, 0, null);
    }

    /** With another number of steps. */
    public Training steps(int s) {
        return new Training(model, task, size, s, batch, learningRate, Math.min(warmup, s), clip, sparsity, seed, shards,
                threads, monitorEvery, monitor);
    }

    /** With another batch size. */
    public Training batch(int b) {
        return new Training(model, task, size, steps, b, learningRate, warmup, clip, sparsity, seed, Math.min(shards, b),
                threads, monitorEvery, monitor);
    }

    /** With another learning rate. */
    public Training learningRate(double rate) {
        return new Training(model, task, size, steps, batch, rate, warmup, clip, sparsity, seed, shards, threads,
                monitorEvery, monitor);
    }

    /** With another warm-up. */
    public Training warmup(int w) {
        return new Training(model, task, size, steps, batch, learningRate, w, clip, sparsity, seed, shards, threads,
                monitorEvery, monitor);
    }

    /** With weight sparsity. */
    public Training sparsity(WeightSparsity s) {
        return new Training(model, task, size, steps, batch, learningRate, warmup, clip, s, seed, shards, threads,
                monitorEvery, monitor);
    }

    /** With another seed. */
    public Training seed(long s) {
        return new Training(model, task, size, steps, batch, learningRate, warmup, clip, sparsity, s, shards, threads,
                monitorEvery, monitor);
    }

    /** With another model configuration. */
    public Training model(ModelConfig m) {
        return new Training(m, task, size, steps, batch, learningRate, warmup, clip, sparsity, seed, shards, threads,
                monitorEvery, monitor);
    }

    /** With {@code t} threads (the result does not depend on it). */
    public Training threads(int t) {
        return new Training(model, task, size, steps, batch, learningRate, warmup, clip, sparsity, seed, shards, t,
                monitorEvery, monitor);
    }

    /** With {@code s} shards per batch (this changes the rounding of the gradient sums). */
    public Training shards(int s) {
        return new Training(model, task, size, steps, batch, learningRate, warmup, clip, sparsity, seed, s, threads,
                monitorEvery, monitor);
    }

    /** With a monitor called as {@code monitor.accept(step, model)} every {@code every} steps and after the last. */
    public Training monitor(int every, BiConsumer<Integer, Transformer> m) {
        return new Training(model, task, size, steps, batch, learningRate, warmup, clip, sparsity, seed, shards, threads,
                Check.positive("every", every), Check.notNull("monitor", m));
    }

    /** Trains a fresh model; see the class comment. */
    public TrainingRun run() {
        return run(Transformer.init(model, seed));
    }

    /**
     * Trains {@code start} (copied, not modified) with this schedule.
     *
     * @throws TrainingDiverged when the loss becomes NaN or infinite, naming the step and the layer
     */
    public TrainingRun run(Transformer start) {
        Check.notNull("start", start);
        if (!start.config().equals(model)) {
            throw new IllegalArgumentException("start has config " + start.config() + ", not " + model);
        }
        long t0 = System.nanoTime();
        Network net = start.network();
        float[] w = start.weightsView().clone();
        Gates gates = start.gates();
        Random data = new Random(seed * 0x9E3779B97F4A7C15L + 17);
        Adam adam = new Adam(w.length, clip);
        float[][] grads = new float[shards][w.length];
        Cache[] caches = new Cache[shards];
        double[] losses = new double[steps];
        long[] nonZero = new long[steps];
        float[] scratch = new float[maxMatrix(net.lay)];
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "attnlab-train");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            for (int step = 0; step < steps; step++) {
                List<Example> ex = task.sample(data, size, batch);
                net.check(ex);
                long count = 0;
                for (Example e : ex) {
                    count += e.scoredCount();
                }
                double inv = 1.0 / count;
                double[] shardLoss = new double[shards];
                List<Runnable> work = new ArrayList<>();
                for (int s = 0; s < shards; s++) {
                    int from = s * batch / shards;
                    int to = (s + 1) * batch / shards;
                    int si = s;
                    caches[s] = net.cache(caches[s], to - from, ex.get(0).length());
                    work.add(() -> {
                        java.util.Arrays.fill(grads[si], 0f);
                        shardLoss[si] = net.forward(w, gates, ex, from, caches[si], inv);
                        if (Double.isFinite(shardLoss[si])) { // a diverged shard is reported below, not differentiated
                            net.backward(w, gates, ex, from, caches[si], grads[si]);
                        }
                    });
                }
                runAll(pool, work);
                double loss = 0;
                for (int s = 0; s < shards; s++) {
                    loss += shardLoss[s];
                }
                loss *= inv;
                if (!Double.isFinite(loss)) {
                    String where = null;
                    for (int s = 0; s < shards && where == null; s++) {
                        where = net.firstNonFinite(caches[s]);
                    }
                    throw new TrainingDiverged(step, loss, where);
                }
                losses[step] = loss;
                for (int s = 1; s < shards; s++) {
                    Mat.add(grads[s], 0, grads[0], 0, w.length);
                }
                double rate = warmup > 0 && step < warmup ? learningRate * (step + 1) / warmup : learningRate;
                adam.step(w, grads[0], rate);
                nonZero[step] = sparsify(net.lay, w, sparsity.fraction(step), scratch);
                if (monitor != null && ((step + 1) % monitorEvery == 0 || step == steps - 1)) {
                    monitor.accept(step + 1, new Transformer(net, w.clone(), gates));
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        return new TrainingRun(this, new Transformer(net, w, gates), losses, nonZero, (System.nanoTime() - t0) / 1e9);
    }

    private static long sparsify(Layout lay, float[] w, double fraction, float[] scratch) {
        long nz = 0;
        for (Layout.Slice s : lay.slices()) {
            if (s.kind() == Layout.Kind.MATRIX) {
                nz += fraction < 1 ? WeightSparsity.keepTop(w, s.offset(), s.size(), fraction, scratch)
                        : WeightSparsity.nonZero(w, s.offset(), s.size());
            }
        }
        return nz;
    }

    private static int maxMatrix(Layout lay) {
        int m = 1;
        for (Layout.Slice s : lay.slices()) {
            m = Math.max(m, s.size());
        }
        return m;
    }

    private static void runAll(ExecutorService pool, List<Runnable> work) {
        if (pool == null) {
            work.forEach(Runnable::run);
            return;
        }
        List<Future<?>> fs = new ArrayList<>();
        for (Runnable r : work) {
            fs.add(pool.submit(r));
        }
        for (Future<?> f : fs) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("training interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(cause);
            }
        }
    }
}
