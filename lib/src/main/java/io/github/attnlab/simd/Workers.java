package io.github.attnlab.simd;

import io.github.attnlab.core.Check;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The library's shared helper threads, behind {@link ParallelGemm} and {@code Bert.withThreads}: one pool per JVM,
 * created at first use, of $\max(1, P - 1)$ daemon threads for $P$ available processors (the calling thread is the
 * $P$-th worker). Never a thread per call.
 *
 * <p>{@link #run} hands out the tasks $0, \dots, T-1$ one by one from a shared counter to the calling thread and
 * to at most {@code threads - 1} helpers. The calling thread claims tasks too and then waits only for tasks already
 * running, so a call finishes even when every helper is busy elsewhere (nested or concurrent calls cannot
 * deadlock), and a helper that starts late finds nothing left and returns. Which worker runs which task depends on
 * timing: tasks that write disjoint outputs (and use the worker's own scratch) give the same result however they
 * are shared out.
 */
public final class Workers {

    /** One task of a {@link #run}: {@code worker} in $[0, \min(threads, tasks))$ (0 is the calling thread). */
    @FunctionalInterface
    public interface Task {
        void run(int worker, int task);
    }

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

    /** How many helper threads the pool has (or will have): one fewer than the available processors, at least 1. */
    public static int helpers() {
        return Pool.SIZE;
    }

    /**
     * Runs {@code body.run(worker, i)} for every task $i < tasks$, on the calling thread (worker 0) and up to
     * {@code threads - 1} helpers (workers $1, 2, \dots$), and returns when all have finished; their writes are
     * then visible to the caller. With one thread or one task everything runs on the calling thread, in order. The
     * first exception a task throws is rethrown here once every task has ended.
     *
     * @throws IllegalArgumentException for {@code tasks < 0} or {@code threads < 1}
     */
    public static void run(int tasks, int threads, Task body) {
        if (tasks < 0) {
            throw new IllegalArgumentException("tasks = " + tasks + " must be at least 0");
        }
        Check.positive("threads", threads);
        Check.notNull("body", body);
        int helpers = Math.min(Math.min(threads, tasks) - 1, Pool.SIZE);
        if (helpers < 1) {
            for (int i = 0; i < tasks; i++) {
                body.run(0, i);
            }
            return;
        }
        Job job = new Job(tasks, body);
        for (int h = 1; h <= helpers; h++) {
            int worker = h;
            Pool.THREADS.execute(() -> job.work(worker));
        }
        job.work(0);
        job.await();
    }

    /** One call's tasks, the counter they are claimed from and what the caller waits on. */
    private static final class Job {
        private final int tasks;
        private final Task task;
        private final AtomicInteger next = new AtomicInteger();
        private final CountDownLatch done;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        Job(int tasks, Task task) {
            this.tasks = tasks;
            this.task = task;
            this.done = new CountDownLatch(tasks);
        }

        void work(int worker) {
            for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
                try {
                    task.run(worker, i);
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
