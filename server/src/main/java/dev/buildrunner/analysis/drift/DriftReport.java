package dev.buildrunner.analysis.drift;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.buildrunner.analysis.AnalysisResult;
import dev.buildrunner.analysis.Finding;
import dev.buildrunner.analysis.RuleDescriptor;
import java.util.List;
import java.util.Objects;

/**
 * The drift analyser's report: the JSON of {@code br drift --json} and the source of its SARIF and
 * of the {@code buildrunner/drift} status. The gate passes when no finding is an ERROR.
 *
 * @param revision the analysed revision (a commit id, {@code INDEX} or {@code WORKTREE})
 * @param passed true when no finding is an {@link dev.buildrunner.analysis.Level#ERROR}
 * @param summary one line for the status description
 * @param counts findings per part and per level
 * @param rulesFile the architecture rules file read, or {@code ""} when the tree has none
 * @param ruleCount how many architecture rules it holds
 * @param diffAnalysed true when there was a base to compare with (else the diff part was skipped)
 * @param filesChecked how many files the architecture rules looked at
 * @param findings every finding, sorted by path, line, then rule
 * @param rules the built-in rules and the file's rules, for SARIF
 */
@JsonPropertyOrder({"analyser", "revision", "passed", "summary"})
public record DriftReport(String revision, boolean passed, String summary, Counts counts, String rulesFile,
        int ruleCount, boolean diffAnalysed, int filesChecked, List<Finding> findings, List<RuleDescriptor> rules)
        implements AnalysisResult {

    /**
     * Findings per part of the analysis and per level.
     *
     * @param spec from the spec validator
     * @param diff from the diff analyser
     * @param rules from the architecture rules
     */
    public record Counts(int spec, int diff, int rules, int errors, int warnings, int notes) {
    }

    public DriftReport {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(rulesFile, "rulesFile");
        findings = List.copyOf(findings);
        rules = List.copyOf(rules);
    }

    /** Always {@code drift}. */
    @Override
    @JsonProperty("analyser")
    public String analyser() {
        return "drift";
    }
}
