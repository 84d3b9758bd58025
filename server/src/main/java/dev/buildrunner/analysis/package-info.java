/**
 * Analysis of a repository's code against its spec (BRIEF.md, issue 5): the shared model every
 * analyser reports in ({@link dev.buildrunner.analysis.Finding}, {@link dev.buildrunner.analysis.AnalysisResult}),
 * the trees it reads ({@link dev.buildrunner.analysis.SourceTree}: a commit, the index or the work
 * tree), the blob-keyed cache that makes runs incremental, and SARIF 2.1.0 output. The analysers
 * live in sub-packages: {@code gaps}, {@code quality}, {@code drift}.
 *
 * <p>Analysis reads code and spec and writes reports; it never writes the plan (BRIEF.md). It
 * depends on {@code spec} and JGit, nothing else of ours.
 */
package dev.buildrunner.analysis;
