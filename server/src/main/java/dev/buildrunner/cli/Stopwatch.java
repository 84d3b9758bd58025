package dev.buildrunner.cli;

import java.util.Arrays;

/**
 * Measures a piece of work by wall time: a warm-up, then timed runs, reported as the median (and
 * the 90th percentile) in milliseconds. For {@code br bench} only; never used in tests.
 */
final class Stopwatch {

    /** One measured operation. */
    /**
     * One measured operation. {@code cpuMedianMs} is the median CPU time of the measuring thread
     * (the work runs on it; JIT and GC threads are not counted): on a shared machine it stays close
     * to what a quiet machine's wall time would be, where wall time does not. -1 when not measured.
     */
    record Measurement(String name, int runs, double medianMs, double p90Ms, double minMs, double cpuMedianMs) {
    }

    /** Work to time; {@code i} is the run index (warm-up runs are negative). */
    @FunctionalInterface
    interface Work {
        void run(int i) throws Exception;
    }

    private Stopwatch() {
    }

    static Measurement measure(String name, int warmup, int runs, Work work) throws Exception {
        for (int i = 0; i < warmup; i++) {
            work.run(-1 - i);
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] ms = new double[runs];
        double[] cpu = new double[runs];
        for (int i = 0; i < runs; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            work.run(i);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        Measurement wall = summarize(name, ms);
        return new Measurement(name, runs, wall.medianMs(), wall.p90Ms(), wall.minMs(), median(cpu));
    }

    static Measurement summarize(String name, double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double p90 = sorted[Math.min(n - 1, (int) Math.ceil(0.9 * n) - 1)];
        return new Measurement(name, n, median(ms), round(p90), round(sorted[0]), -1);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return round(n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
