/**
 * The code quality analyser (issue 5, seed 002 "Code Quality System"), {@code br quality} and the
 * {@code buildrunner/quality} status: PMD, Checkstyle, complexity metrics, a secret scanner and
 * SpotBugs with find-sec-bugs, in process; findings on one severity scale; a score 0-100 with its
 * breakdown; the gate of {@code .buildrunner/quality-standards.yaml}. Per-file tools run
 * incrementally against the blob-keyed cache ({@link dev.buildrunner.analysis.quality.IncrementalChecks}).
 * Entry point: {@link dev.buildrunner.analysis.quality.QualityAnalyzer}.
 *
 * <p>Depends on the shared analysis model and the tools' libraries, nothing else of ours.
 */
package dev.buildrunner.analysis.quality;
