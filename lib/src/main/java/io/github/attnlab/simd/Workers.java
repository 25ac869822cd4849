package io.github.attnlab.simd;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * The library's shared helper threads: one pool per JVM, created at first use, of $\max(1, P - 1)$ daemon threads
 * for $P$ available processors (the calling thread is the $P$-th worker). Never a thread per call.
 *
 * <p>{@link #run} hands out the tasks $0, \dots, T-1$ one by one from a shared counter to the calling thread and
 * to at most {@code threads - 1} helpers. The calling thread claims tasks too and then waits only for tasks already
 * running, so a call finishes even when every helper is busy elsewhere (nested or concurrent calls cannot
 * deadlock), and a helper that starts late finds nothing left and returns.
 */
final class Workers {

    private Workers() {
    }

    private static final class Pool {
        static final int SIZE = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        static final ExecutorService THREADS = create();

        private static ExecutorService create() {
            AtomicInteger count = new AtomicInteger();
            return new ThreadPoolExecutor(SIZE, SIZE, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "attnlab-worker-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** How many helper threads the pool has. */
    static int helpers() {
        return Pool.SIZE;
    }

    /**
     * Runs {@code task.accept(i)} for every $i < tasks$, on the calling thread and up to {@code threads - 1}
     * helpers, and returns when all have finished (their writes then visible to the caller). The first exception
     * a task throws is rethrown here after every task has ended.
     */
    static void run(int tasks, int threads, IntConsumer task) {
        int helpers = Math.min(Math.min(threads, tasks) - 1, Pool.SIZE);
        if (helpers < 1) {
            for (int i = 0; i < tasks; i++) {
                task.accept(i);
            }
            return;
        }
        Job job = new Job(tasks, task);
        for (int h = 0; h < helpers; h++) {
            Pool.THREADS.execute(job::work);
        }
        job.work();
        job.await();
    }

    /** One call's tasks, the counter they are claimed from and what the caller waits on. */
    private static final class Job {
        private final int tasks;
        private final IntConsumer task;
        private final AtomicInteger next = new AtomicInteger();
        private final CountDownLatch done;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Job(int tasks, IntConsumer task) {
            this.tasks = tasks;
            this.task = task;
            this.done = new CountDownLatch(tasks);
        }

        void work() {
            for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
                try {
                    task.accept(i);
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    done.countDown();
                }
            }
        }

        void await() {
            boolean interrupted = false;
            while (true) {
                try {
                    done.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            Throwable t = failure.get();
            if (t instanceof RuntimeException) {
                throw (RuntimeException) t;
            }
            if (t instanceof Error) {
                throw (Error) t;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
        }
    }
}
