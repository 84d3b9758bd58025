package dev.buildrunner.analysis.quality;

import java.util.Objects;

/**
 * How one tool fared in a run.
 *
 * @param tool the tool's name
 * @param state whether it ran
 * @param reason why it was skipped or failed, or what it ran on; {@code ""} when nothing to say
 * @param durationMs wall time spent on it in this run, milliseconds
 * @param filesAnalysed files (or class files, for SpotBugs) analysed in this run
 * @param filesFromCache files whose issues came from the cache
 * @param findings findings it reported (after rule adjustments)
 */
public record ToolStatus(String tool, State state, String reason, long durationMs, int filesAnalysed,
        int filesFromCache, int findings) {
    public ToolStatus {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
    }

    /** Whether a tool ran. A skipped tool never counts as passed. */
    public enum State {
        /** It analysed what it was given (possibly all from the cache). */
        RAN,
        /** It did not run though enabled: nothing to analyse, or no compiled classes; the reason says which. */
        SKIPPED,
        /** The standards turn it off. */
        DISABLED,
        /** It was meant to run but could not (a build command failed, the tool crashed); the reason says why. */
        FAILED
    }

    /** A copy with its finding count. */
    public ToolStatus withFindings(int n) {
        return new ToolStatus(tool, state, reason, durationMs, filesAnalysed, filesFromCache, n);
    }
}
