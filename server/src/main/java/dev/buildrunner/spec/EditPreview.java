package dev.buildrunner.spec;

import java.util.List;
import java.util.Objects;

/**
 * What a natural-language instruction would do to a spec, before anything is written (seed 000's
 * {@code POST /api/prd/parse-nl} preview).
 *
 * @param instruction the text as given
 * @param edits the edits understood, in order, each checked against the spec as the earlier ones
 *     leave it; empty when nothing was understood
 * @param diagnostics what was not understood or would not apply (errors), and remarks (warnings,
 *     infos), in instruction order; line is the concerned feature's first line, or 0
 * @param diff the per-feature difference the edits make (empty when there are no edits)
 */
public record EditPreview(String instruction, List<SpecEdit> edits, List<Diagnostic> diagnostics, SpecDiff diff) {

    public EditPreview {
        Objects.requireNonNull(instruction, "instruction");
        edits = List.copyOf(edits);
        diagnostics = List.copyOf(diagnostics);
        Objects.requireNonNull(diff, "diff");
    }

    /** True when any diagnostic is an error: the preview must not be applied as it is. */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    /** True when there is something to apply and nothing failed. */
    public boolean applicable() {
        return !edits.isEmpty() && !hasErrors();
    }
}
