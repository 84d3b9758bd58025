package dev.buildrunner.analysis.quality;

import java.util.List;
import java.util.Map;

/**
 * How the score was computed: SonarQube's SQALE technical-debt ratio mapped to 0-100 (the formula
 * and the source of its numbers are in {@code templates/quality-standards.yaml}):
 * {@code debtRatio = debtMinutes / (linesOfCode x devMinutesPerLine)},
 * {@code score = round(100 x max(0, 1 - debtRatio / 0.5))}.
 *
 * @param score 0 to 100
 * @param linesOfCode non-blank lines of the analysed source files (at least 1)
 * @param devMinutesPerLine development cost per line, minutes
 * @param debtMinutes sum over findings of remediation minutes x category weight
 * @param debtRatio debtMinutes / development minutes
 * @param categories each tool's share, in report order
 */
public record ScoreBreakdown(int score, int linesOfCode, double devMinutesPerLine, double debtMinutes, double debtRatio,
        List<Category> categories) {
    /** The debt ratio at which the score reaches 0: SonarQube's lower bound of rating E (50%). */
    public static final double ZERO_SCORE_RATIO = 0.5;

    public ScoreBreakdown {
        categories = List.copyOf(categories);
    }

    /**
     * One tool's share of the debt.
     *
     * @param category the tool
     * @param weight its category weight
     * @param findings its findings by severity label
     * @param debtMinutes its remediation minutes x weight
     * @param points score points it costs (before the score is clamped at 0)
     */
    public record Category(String category, double weight, Map<String, Integer> findings, double debtMinutes,
            double points) {
        public Category {
            findings = Map.copyOf(findings);
        }
    }

    /** Computes the score of findings (their tool and severity) over a code size. */
    static ScoreBreakdown of(List<Issue> issues, int linesOfCode, QualityStandards.Scoring scoring) {
        int loc = Math.max(1, linesOfCode);
        double devMinutes = loc * scoring.devMinutesPerLine();
        double total = 0;
        List<Category> categories = new java.util.ArrayList<>();
        for (String tool : QualityStandards.TOOLS) {
            Map<String, Integer> counts = new java.util.LinkedHashMap<>();
            double minutes = 0;
            for (QualitySeverity s : QualitySeverity.values()) {
                int n = (int) issues.stream().filter(i -> i.tool().equals(tool) && i.severity() == s).count();
                counts.put(s.label(), n);
                minutes += n * scoring.remediationMinutes().getOrDefault(s, 0.0);
            }
            double weighted = minutes * scoring.weight(tool);
            total += weighted;
            categories.add(new Category(tool, scoring.weight(tool), counts, round(weighted),
                    round(100 * weighted / devMinutes / ZERO_SCORE_RATIO)));
        }
        double ratio = total / devMinutes;
        int score = (int) Math.round(100 * Math.max(0, 1 - ratio / ZERO_SCORE_RATIO));
        return new ScoreBreakdown(score, loc, scoring.devMinutesPerLine(), round(total), Math.round(ratio * 1e6) / 1e6,
                categories);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
