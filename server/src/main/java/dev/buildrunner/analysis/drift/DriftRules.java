package dev.buildrunner.analysis.drift;

import dev.buildrunner.analysis.RuleDescriptor;
import java.util.List;

/**
 * The drift analyser's built-in rules: their finding rule ids, what each checks, and its level
 * with the reason (issue 5; the level is the gate's decision: only ERROR findings fail it).
 */
final class DriftRules {
    /** ERROR: a dependency on no feature cannot be planned; the planner drops it silently otherwise. */
    static final String UNKNOWN_DEPENDENCY = "drift/spec/unknown-dependency";
    /** ERROR: features that depend on each other in a cycle have no order to be built in. */
    static final String DEPENDENCY_CYCLE = "drift/spec/dependency-cycle";
    /** WARNING: a feature without acceptance criteria can be planned, but not verified. */
    static final String NO_ACCEPTANCE_CRITERIA = "drift/spec/no-acceptance-criteria";
    /**
     * WARNING: two features claiming one file is often a later feature that modifies an earlier
     * one's file; worth a look, not a block.
     */
    static final String DUPLICATE_FILE = "drift/spec/duplicate-file";
    /**
     * WARNING: the parser takes every {@code METHOD /path} written in a feature, so a feature that
     * calls another's endpoint names it too; worth a look, not a block.
     */
    static final String DUPLICATE_ENDPOINT = "drift/spec/duplicate-endpoint";
    /** The parser's own ERROR and WARNING diagnostics, at their level: {@code drift/spec/parser/<code>}. */
    static final String PARSER_PREFIX = "drift/spec/parser/";
    /** WARNING: code changed that no feature names; it may be fine (a refactoring), or undocumented architecture. */
    static final String UNDOCUMENTED_CHANGE = "drift/diff/undocumented-change";
    /** ERROR: the spec still says a feature has a file that the change deletes: spec and code now disagree. */
    static final String FEATURE_FILE_REMOVED = "drift/diff/feature-file-removed";
    /**
     * WARNING: a route the change adds that no feature defines. Route detection is syntactic and
     * cannot see prefixes set in other files, so it informs rather than blocks.
     */
    static final String UNDOCUMENTED_ENDPOINT = "drift/diff/undocumented-endpoint";
    /**
     * WARNING: a done feature's requirements, criteria, endpoints, files or dependencies changed
     * in the spec with no change to its code: the code may no longer do what the spec says.
     */
    static final String DONE_FEATURE_SPEC_ONLY = "drift/diff/done-feature-spec-only";

    private DriftRules() {
    }

    /** Descriptors of the built-in rules, for SARIF's rule table. */
    static List<RuleDescriptor> builtIn() {
        return List.of(
                new RuleDescriptor(UNKNOWN_DEPENDENCY, "A feature depends on something that is no feature of the spec", ""),
                new RuleDescriptor(DEPENDENCY_CYCLE, "Features depend on each other in a cycle", ""),
                new RuleDescriptor(NO_ACCEPTANCE_CRITERIA, "A feature has no acceptance criteria", ""),
                new RuleDescriptor(DUPLICATE_FILE, "Two features claim the same file", ""),
                new RuleDescriptor(DUPLICATE_ENDPOINT, "Two features define the same endpoint", ""),
                new RuleDescriptor(UNDOCUMENTED_CHANGE, "Code changed in a file that no feature names", ""),
                new RuleDescriptor(FEATURE_FILE_REMOVED, "A file a feature names was removed while the feature stays", ""),
                new RuleDescriptor(UNDOCUMENTED_ENDPOINT, "Code added an endpoint that the spec does not define", ""),
                new RuleDescriptor(DONE_FEATURE_SPEC_ONLY, "A done feature changed in the spec but not in the code", ""));
    }
}
