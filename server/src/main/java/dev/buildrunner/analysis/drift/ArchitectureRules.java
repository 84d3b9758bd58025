package dev.buildrunner.analysis.drift;

import java.util.List;
import java.util.Objects;

/**
 * The architecture rules of a repository, as read from its rules file.
 *
 * @param path the rules file's repository path ({@link #DEFAULT_PATH}), or {@code ""} when the
 *     repository has none
 * @param rules the rules in file order
 */
record ArchitectureRules(String path, List<ArchitectureRule> rules) {
    /** Where the rules are read from in the analysed tree (issue 5). */
    static final String DEFAULT_PATH = ".buildrunner/architecture-rules.yaml";

    ArchitectureRules {
        Objects.requireNonNull(path, "path");
        rules = List.copyOf(rules);
    }

    /** No rules file: no rules. */
    static ArchitectureRules none() {
        return new ArchitectureRules("", List.of());
    }
}
