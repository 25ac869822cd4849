package io.github.attnlab.spark;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * The progress line of a job: a Spark listener counting finished tasks (of all stages submitted so far), printing
 * one line per finished task, and naming a failed task (Spark retries it; the passages of a failed attempt are
 * logged by the task itself).
 */
final class TaskProgress extends SparkListener {

    private final PrintStream out;
    private final AtomicInteger submitted = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final long start = System.nanoTime();
    private final AtomicLong lastPrint = new AtomicLong(start);
    /** At most one line every 2 s, and one when every task submitted so far is done. */
    private static final long PRINT_EVERY_NANOS = 2_000_000_000L;

    TaskProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted stage) {
        submitted.addAndGet(stage.stageInfo().numTasks());
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd task) {
        boolean ok = task.taskInfo().successful();
        int done = finished.incrementAndGet();
        if (!ok) {
            failed.incrementAndGet();
            out.println("corpus job: task " + task.taskInfo().index() + " of stage " + task.stageId() + " failed ("
                    + task.reason() + "); Spark retries it");
        }
        long now = System.nanoTime();
        if (done == submitted.get() || now - lastPrint.get() > PRINT_EVERY_NANOS) {
            lastPrint.set(now);
            out.println(String.format("corpus job: %d of %d tasks done, %d failed, %.1f s", done, submitted.get(),
                    failed.get(), (now - start) / 1e9));
        }
    }

    int failedTasks() {
        return failed.get();
    }
}
