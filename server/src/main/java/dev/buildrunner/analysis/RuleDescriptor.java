package dev.buildrunner.analysis;

import java.util.Objects;

/**
 * A rule an analyser applies, as SARIF's {@code tool.driver.rules[]} describes it (SARIF 2.1.0
 * section 3.49, {@code reportingDescriptor}).
 *
 * @param id the {@link Finding#ruleId()} it produces
 * @param shortDescription one line saying what the rule checks
 * @param helpUri where the rule is documented, or {@code ""}
 */
public record RuleDescriptor(String id, String shortDescription, String helpUri) {
    public RuleDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(shortDescription, "shortDescription");
        Objects.requireNonNull(helpUri, "helpUri");
    }
}
