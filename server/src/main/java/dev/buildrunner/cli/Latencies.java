package dev.buildrunner.cli;

import java.util.Arrays;

/**
 * A latency distribution in milliseconds, as {@code br bench server} reports it: nearest-rank
 * percentiles (the smallest sample with at least p% of the samples at or below it), rounded to
 * 0.01 ms. Issue 4 states its targets as p50 and p99.
 *
 * @param count how many samples
 * @param p50Ms the median
 * @param p90Ms the 90th percentile
 * @param p99Ms the 99th percentile
 * @param maxMs the largest sample
 */
record Latencies(int count, double p50Ms, double p90Ms, double p99Ms, double maxMs) {

    /** No samples: every figure is 0. */
    static final Latencies NONE = new Latencies(0, 0, 0, 0, 0);

    /** Summarises samples in milliseconds (any order; the array is not changed). */
    static Latencies of(double[] ms) {
        if (ms.length == 0) {
            return NONE;
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted.length, round(rank(sorted, 50)), round(rank(sorted, 90)), round(rank(sorted, 99)),
                round(sorted[sorted.length - 1]));
    }

    /** The nearest-rank percentile of sorted samples, {@code 0 < p <= 100}. */
    static double rank(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** One line: {@code p50 1.23 ms  p90 ...  (n samples)}. */
    String line() {
        return String.format("p50 %8.2f ms   p90 %8.2f ms   p99 %8.2f ms   max %8.2f ms   (%d samples)", p50Ms, p90Ms,
                p99Ms, maxMs, count);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
