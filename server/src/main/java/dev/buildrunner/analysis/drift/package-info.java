/**
 * Architecture drift prevention (seed 002 "Architecture Drift Prevention", issue 5): {@code br drift},
 * the {@code buildrunner/drift} status and the pre-commit hook's check.
 *
 * <p>{@link dev.buildrunner.analysis.drift.DriftAnalyzer} runs three parts: the spec validator (the
 * spec's own consistency), the diff analyser (what a change did to the code against what the spec
 * says) and the rules engine ({@code .buildrunner/architecture-rules.yaml}: layer boundaries,
 * forbidden dependencies, naming; format in {@code templates/architecture-rules.yaml}). Imports and
 * routes are read from tokens ({@code SourceLexer}) so that comments and strings never count; routes
 * come through {@link dev.buildrunner.analysis.drift.EndpointScan}, whose default is
 * {@link dev.buildrunner.analysis.drift.FrameworkRoutes}.
 *
 * <p>Depends on {@code analysis} and {@code spec} only.
 */
package dev.buildrunner.analysis.drift;
