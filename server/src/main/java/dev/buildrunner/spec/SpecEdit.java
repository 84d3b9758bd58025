package dev.buildrunner.spec;

import java.util.Locale;
import java.util.Objects;

/**
 * One edit of a spec, as a natural-language instruction (seed 000's "Natural Language Updates")
 * or an API call asks for it. {@link SpecEditor} applies it through {@link SpecWriter}, so only the
 * touched feature's lines change.
 *
 * @param kind what to do
 * @param featureId id of the feature edited; for {@link Kind#ADD_FEATURE} the id the new feature
 *     will get (the slug of its name)
 * @param value the operand, whose meaning depends on {@link #kind()} (see each constant); empty
 *     for {@link Kind#REMOVE_FEATURE}
 */
public record SpecEdit(Kind kind, String featureId, String value) {

    /** What an edit does and what its {@link #value()} holds. */
    public enum Kind {
        /** Appends a new feature at the end of the features section; value: its name. */
        ADD_FEATURE,
        /** Removes a feature's lines; value: empty. */
        REMOVE_FEATURE,
        /** Renames a feature (its id follows when it is a slug of the name); value: the new name. */
        RENAME_FEATURE,
        /** Appends a requirement; value: its text. */
        ADD_REQUIREMENT,
        /** Removes a requirement; value: its text exactly as the feature holds it. */
        REMOVE_REQUIREMENT,
        /** Sets the complexity; value: {@code simple}, {@code medium} or {@code complex}. */
        SET_COMPLEXITY,
        /** Sets the priority; value: the priority as it will be written ({@code High}, {@code P1}). */
        SET_PRIORITY,
        /** Replaces the description; value: the new description. */
        SET_DESCRIPTION,
        /** Appends an acceptance criterion; value: its text. */
        ADD_ACCEPTANCE_CRITERION,
        /** Adds an HTTP endpoint; value: {@code METHOD /path}. */
        ADD_ENDPOINT,
        /** Makes the feature depend on another; value: the other feature's id. */
        ADD_DEPENDENCY;

        /** The name used in JSON, for example {@code add-requirement}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public SpecEdit {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(featureId, "featureId");
        Objects.requireNonNull(value, "value");
    }

    /** A one-line human description, for example {@code add requirement "2FA" to user-authentication}. */
    public String describe() {
        return switch (kind) {
            case ADD_FEATURE -> "add feature \"" + value + "\" (id " + featureId + ")";
            case REMOVE_FEATURE -> "remove feature " + featureId;
            case RENAME_FEATURE -> "rename feature " + featureId + " to \"" + value + "\"";
            case ADD_REQUIREMENT -> "add requirement \"" + value + "\" to " + featureId;
            case REMOVE_REQUIREMENT -> "remove requirement \"" + value + "\" from " + featureId;
            case SET_COMPLEXITY -> "set complexity of " + featureId + " to " + value;
            case SET_PRIORITY -> "set priority of " + featureId + " to " + value;
            case SET_DESCRIPTION -> "set description of " + featureId + " to \"" + value + "\"";
            case ADD_ACCEPTANCE_CRITERION -> "add acceptance criterion \"" + value + "\" to " + featureId;
            case ADD_ENDPOINT -> "add endpoint " + value + " to " + featureId;
            case ADD_DEPENDENCY -> featureId + " depends on " + value;
        };
    }
}
