package dev.buildrunner.analysis.gaps;

import dev.buildrunner.spec.Feature;
import java.util.LinkedHashMap;
import java.util.Map;

/** The placeholder values of a fix prompt that come from the feature (or from none). */
final class PromptValues {
    private PromptValues() {
    }

    /** Values for a gap of {@code feature} (null: a gap no feature owns). */
    static Map<String, String> of(Feature feature, String specPath, String rule, String gap, String what, String where) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("gap", gap);
        v.put("rule", rule);
        v.put("spec_path", specPath);
        v.put("what", what);
        v.put("where", where);
        if (feature == null) {
            v.put("feature", "(none)");
            v.put("feature_id", "-");
            v.put("spec_line", "-");
            v.put("acceptance_criteria", "_No feature of the spec names this; add it to the feature it belongs to._");
            v.put("requirements", "_none_");
        } else {
            v.put("feature", feature.name());
            v.put("feature_id", feature.id());
            v.put("spec_line", Integer.toString(feature.lines().first()));
            v.put("acceptance_criteria", FixPrompts.bullets(feature.acceptanceCriteria(),
                    "The feature states no acceptance criteria; meet its requirements."));
            v.put("requirements", FixPrompts.bullets(feature.requirements(), "none stated"));
        }
        return v;
    }
}
