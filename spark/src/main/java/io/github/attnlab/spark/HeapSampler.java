package io.github.attnlab.spark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicLong;

/** The largest heap in use while a job runs, sampled every 20 ms by a daemon thread (the executor's heap in local mode). */
final class HeapSampler {

    private final AtomicLong peak = new AtomicLong();
    private volatile boolean running = true;
    private final Thread thread;

    private HeapSampler() {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        thread = new Thread(() -> {
            while (running) {
                peak.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "attnlab-heap-sampler");
        thread.setDaemon(true);
    }

    static HeapSampler start() {
        HeapSampler h = new HeapSampler();
        h.thread.start();
        return h;
    }

    /** Stops sampling; the peak in bytes. */
    long stop() {
        running = false;
        return peak.get();
    }
}
