/**
 * The gap analyser (seed 002, "Gap Analyzer and Completion Assurance"; issue 5): the spec's
 * files and endpoints against the code, UI calls against routes, completeness per feature, a fix
 * prompt per gap. {@link dev.buildrunner.analysis.gaps.GapAnalyzer} is the entry point; the
 * {@code scan} sub-package reads routes and calls from code, the {@code code} sub-package lexes
 * source files so that comments and docstrings are never read as code.
 */
package dev.buildrunner.analysis.gaps;
