package dev.buildrunner.cli;

import java.util.Arrays;

/**
 * Measures a piece of work by wall time: a warm-up, then timed runs, reported as the median (and
 * the 90th percentile) in milliseconds. For {@code br bench} only; never used in tests.
 */
final class Stopwatch {

    /** One measured operation. */
    record Measurement(String name, int runs, double medianMs, double p90Ms, double minMs) {
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
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            work.run(i);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return summarize(name, ms);
    }

    static Measurement summarize(String name, double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        double p90 = sorted[Math.min(n - 1, (int) Math.ceil(0.9 * n) - 1)];
        return new Measurement(name, n, round(median), round(p90), round(sorted[0]));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
