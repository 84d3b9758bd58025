package dev.buildrunner.analysis.gaps;

/**
 * How much code one run read: what makes a run incremental visible in the report.
 *
 * @param candidates code files considered (source of a language the analyser reads, not test,
 *     vendored or generated code)
 * @param read files read and scanned in this run
 * @param cached files whose scan came from the blob-id cache, unread
 */
public record ScanStats(int candidates, int read, int cached) {
}
