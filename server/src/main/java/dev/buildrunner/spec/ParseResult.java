package dev.buildrunner.spec;

import java.util.List;
import java.util.Objects;

/**
 * What a parse gives: the spec (always, possibly with fewer features than the text intended) and
 * the problems found, in line order.
 */
public record ParseResult(Spec spec, List<Diagnostic> diagnostics) {

    public ParseResult {
        Objects.requireNonNull(spec, "spec");
        diagnostics = List.copyOf(diagnostics);
    }

    /** True when any diagnostic is an {@link Severity#ERROR}: the CLI then exits 1. */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }
}
