package dev.buildrunner.analysis.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The gate's verdict (issue 5: "the gate (minimum score, zero critical findings)").
 *
 * @param passed true when every condition held
 * @param minScore the score it needs
 * @param maxCritical the critical findings it tolerates
 * @param severities findings by severity label
 * @param failures why it failed, one entry per condition, empty when passed
 */
public record GateResult(boolean passed, int minScore, int maxCritical, Map<String, Integer> severities,
        List<String> failures) {
    public GateResult {
        severities = Map.copyOf(severities);
        failures = List.copyOf(failures);
    }

    /** Applies the gate to a score, severity counts and tool statuses. */
    static GateResult of(QualityStandards.Gate gate, int score, Map<String, Integer> severities,
            List<ToolStatus> tools) {
        List<String> failures = new ArrayList<>();
        if (score < gate.minScore()) {
            failures.add("score " + score + " < " + gate.minScore());
        }
        int critical = severities.getOrDefault(QualitySeverity.CRITICAL.label(), 0);
        if (critical > gate.maxCritical()) {
            failures.add(critical + " critical > " + gate.maxCritical());
        }
        for (String required : gate.require()) {
            tools.stream().filter(t -> t.tool().equals(required) && t.state() != ToolStatus.State.RAN).findFirst()
                    .ifPresent(t -> failures.add(required + " is required but " + t.state().name().toLowerCase(
                            java.util.Locale.ROOT)));
        }
        return new GateResult(failures.isEmpty(), gate.minScore(), gate.maxCritical(), severities, failures);
    }
}
