package dev.buildrunner.analysis;

/**
 * One analyser: gaps, quality or drift. Implementations are immutable and thread-safe unless
 * they say otherwise; a run's state lives in the call.
 *
 * @param <R> its report type
 */
public interface Analyser<R extends AnalysisResult> {
    /** {@code gaps}, {@code quality} or {@code drift}: the report's {@link AnalysisResult#analyser()}. */
    String name();

    /**
     * Analyses one revision.
     *
     * @throws AnalysisConfigException when the analyser's configuration file in the tree is wrong
     * @throws java.io.UncheckedIOException when the tree cannot be read
     */
    R analyze(AnalysisInput input);
}
