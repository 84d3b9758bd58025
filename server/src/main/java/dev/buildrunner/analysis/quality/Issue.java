package dev.buildrunner.analysis.quality;

import java.util.Map;
import java.util.Objects;

/**
 * One finding of one tool in one file, without the file's path: what the cache stores per blob (a
 * renamed file keeps its blob id, so its cached issues are re-attached to the new path).
 *
 * @param tool {@code pmd}, {@code checkstyle}, {@code spotbugs}, {@code secrets} or {@code complexity}:
 *     also the score's category
 * @param rule the tool's rule name ({@code UnusedPrivateField}, {@code LineLength}, {@code github-token})
 * @param severity on BuildRunner's scale, mapped from the tool's own
 * @param line 1-based line, 0 when the tool gave none
 * @param message for people; never holds a whole secret
 * @param ruleDescription one line saying what the rule checks (SARIF's rule short description)
 * @param helpUri where the rule is documented, or {@code ""}
 * @param properties extra facts (a secret's fingerprint, a method's metrics), in insertion order
 */
public record Issue(String tool, String rule, QualitySeverity severity, int line, String message,
        String ruleDescription, String helpUri, Map<String, String> properties) {
    public Issue {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        ruleDescription = ruleDescription == null ? "" : ruleDescription;
        helpUri = helpUri == null ? "" : helpUri;
        properties = properties == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(properties));
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0, got " + line);
        }
    }

    /** The finding's rule id: {@code tool/rule}. */
    public String ruleId() {
        return tool + "/" + rule;
    }

    /** A copy with another severity (the standards' {@code rules.severity} override). */
    public Issue withSeverity(QualitySeverity s) {
        return new Issue(tool, rule, s, line, message, ruleDescription, helpUri, properties);
    }
}
