package dev.buildrunner.analysis;

import java.util.List;

/**
 * What every analyser's report has in common: what it ran on, whether its gate passed, a one-line
 * summary (the commit status's description) and its findings. Each analyser's own report record
 * implements this and adds its figures (completeness, score breakdown, ...); that record is the
 * JSON report, and {@link SarifWriter} turns any of them into SARIF.
 */
public interface AnalysisResult {
    /** {@code gaps}, {@code quality} or {@code drift}: also the status context's suffix. */
    String analyser();

    /** The analysed revision: a commit id, {@code INDEX} or {@code WORKTREE}. */
    String revision();

    /** True when the analyser's gate passed. A skipped analysis is not passed: see {@link #skipped()}. */
    boolean passed();

    /** True when nothing could be analysed (and so nothing passed); the status says why. */
    default boolean skipped() {
        return false;
    }

    /** One line for people: the commit status description, at most about 140 characters. */
    String summary();

    /** Every finding, sorted by path, line, then rule. */
    List<Finding> findings();

    /** The rules the findings refer to, for SARIF's rule table. */
    List<RuleDescriptor> rules();
}
