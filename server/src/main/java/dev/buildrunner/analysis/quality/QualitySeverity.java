package dev.buildrunner.analysis.quality;

import dev.buildrunner.analysis.Level;
import java.util.Locale;
import java.util.Optional;

/**
 * How serious a quality finding is, on one scale for every tool (issue 5: "critical/high/medium/low").
 * Each tool's own scale is mapped onto it where the tool's findings are read: PMD priority, Checkstyle
 * severity, SpotBugs bug rank; secrets are always {@link #CRITICAL}. The gate counts critical
 * findings; the score weighs each severity by its remediation minutes.
 */
public enum QualitySeverity {
    /** Must be fixed before merging: a leaked secret, one of SpotBugs' scariest bugs. Fails the gate. */
    CRITICAL,
    /** A likely bug or a serious maintainability problem. */
    HIGH,
    /** A problem worth fixing. */
    MEDIUM,
    /** A convention or a minor smell. */
    LOW;

    /** The lower-case name used in the report, the YAML file and SARIF properties. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** SARIF's level: critical is an error, high and medium warnings, low a note. */
    public Level level() {
        return switch (this) {
            case CRITICAL -> Level.ERROR;
            case HIGH, MEDIUM -> Level.WARNING;
            case LOW -> Level.NOTE;
        };
    }

    /** The severity named by {@code label} ({@code critical}, {@code high}, ...), ignoring case. */
    public static Optional<QualitySeverity> parse(String label) {
        for (QualitySeverity s : values()) {
            if (s.label().equalsIgnoreCase(label.strip())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
