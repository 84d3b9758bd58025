package dev.buildrunner.plan;

import dev.buildrunner.spec.Complexity;
import dev.buildrunner.spec.Feature;
import dev.buildrunner.spec.Spec;
import java.util.ArrayList;
import java.util.List;

/**
 * Large specs made of real-shaped features: requirement texts and files taken from BUILD_3A
 * (seed 002) plus a few database and frontend ones, three requirements per feature (five tasks
 * each with tests and docs), mixed complexity, chains and fan-in of dependencies. Deterministic.
 */
final class LargeSpecs {

    private LargeSpecs() {
    }

    static Spec features(int n) {
        List<String> requirements = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (Feature f : Build3aFixture.features()) {
            requirements.addAll(f.requirements());
            files.addAll(f.files());
        }
        requirements.add("Schema migration for the results table");
        requirements.add("Dashboard page showing build results");
        files.add("migrations/002_results.sql");
        files.add("web/src/components/ResultsDashboard.tsx");

        List<Feature> features = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            FeatureFixture f = FeatureFixture.feature("feature-" + k).name("Feature " + k).line(1 + 20 * k)
                    .complexity(k % 5 == 0 ? Complexity.COMPLEX : k % 3 == 0 ? Complexity.SIMPLE : Complexity.MEDIUM)
                    .description("Generated feature " + k)
                    .criteria("Works for case " + k, "All tests pass");
            for (int r = 0; r < 3; r++) {
                f.requirements(requirements.get((3 * k + r) % requirements.size()));
            }
            for (int r = 0; r < 3; r++) {
                f.files(files.get((2 * k + r) % files.size()));
            }
            if (k % 2 == 1) {
                f.dependsOn("feature-" + (k - 1));
            }
            if (k >= 7 && k % 7 == 0) {
                f.dependsOn("feature-" + (k - 7), "feature-" + (k / 2));
            }
            features.add(f.build());
        }
        return FeatureFixture.spec(features);
    }
}
