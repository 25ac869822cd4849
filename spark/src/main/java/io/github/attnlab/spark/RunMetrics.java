package io.github.attnlab.spark;

/**
 * What a run cost.
 *
 * @param passages      input rows
 * @param failed        passages that gave an error row
 * @param cores         Spark's local cores
 * @param partitions    partitions (tasks) of the analysis stage
 * @param seconds       wall time of the job, Spark's start-up and the Parquet round trip included
 * @param peakHeapBytes the largest heap in use during the job, sampled every 20 ms (driver and executor: one JVM)
 * @param modelLoads    how many times weights were loaded during the job (0 or 1 per JVM)
 * @param failedTasks   task attempts that failed (and were retried by Spark)
 * @param cpuSeconds    the CPU time of the JVM (driver and executor) during the job, every thread
 */
public record RunMetrics(long passages, int failed, int cores, int partitions, double seconds, long peakHeapBytes,
                         int modelLoads, int failedTasks, double cpuSeconds) {

    /** The JVM's CPU time so far in nanoseconds (0 where the platform does not say). */
    static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean s ? s.getProcessCpuTime() : 0;
    }

    /** Passages per second of wall time. */
    public double passagesPerSecond() {
        return passages / seconds;
    }

    /** One line. */
    @Override
    public String toString() {
        return String.format("%d passages (%d failed) on %d cores, %d partitions: %.1f s, %.2f passages/s, peak heap %d MB,"
                + " %d model load(s), %d failed task(s), %.2f CPU s per passage", passages, failed, cores, partitions, seconds,
                passagesPerSecond(), peakHeapBytes >> 20, modelLoads, failedTasks, cpuSeconds / Math.max(1, passages));
    }
}
