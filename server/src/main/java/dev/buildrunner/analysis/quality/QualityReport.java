package dev.buildrunner.analysis.quality;

import dev.buildrunner.analysis.AnalysisResult;
import dev.buildrunner.analysis.Finding;
import dev.buildrunner.analysis.RuleDescriptor;
import java.util.List;
import java.util.Objects;

/**
 * The quality analyser's report (issue 5): the score 0-100 with its breakdown, the gate's verdict,
 * what each tool did (ran, skipped or failed, with reason and duration), and every finding with the
 * rule table for SARIF. This record is the JSON report ({@code br quality --json}).
 *
 * @param analyser always {@code quality}
 * @param revision the analysed commit id, {@code INDEX} or {@code WORKTREE}
 * @param passed the gate passed
 * @param skipped no tool ran, so nothing passed
 * @param summary one line: score, gate, critical and high counts, tools not run
 * @param score 0 to 100
 * @param gate the gate's verdict
 * @param breakdown how the score was computed
 * @param tools each tool's status, in {@link QualityStandards#TOOLS} order
 * @param standards where the standards came from
 * @param findings every finding, sorted by path, line and rule; each has the properties
 *     {@code severity} (critical, high, medium, low) and {@code tool}
 * @param rules the rules the findings refer to
 */
public record QualityReport(String analyser, String revision, boolean passed, boolean skipped, String summary,
        int score, GateResult gate, ScoreBreakdown breakdown, List<ToolStatus> tools, String standards,
        List<Finding> findings, List<RuleDescriptor> rules) implements AnalysisResult {
    public QualityReport {
        Objects.requireNonNull(analyser, "analyser");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(breakdown, "breakdown");
        tools = List.copyOf(tools);
        Objects.requireNonNull(standards, "standards");
        findings = List.copyOf(findings);
        rules = List.copyOf(rules);
    }

    /** The status of one tool, if it is in the report. */
    public java.util.Optional<ToolStatus> tool(String name) {
        return tools.stream().filter(t -> t.tool().equals(name)).findFirst();
    }
}
