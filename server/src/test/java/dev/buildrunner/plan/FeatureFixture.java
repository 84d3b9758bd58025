package dev.buildrunner.plan;

import dev.buildrunner.spec.Complexity;
import dev.buildrunner.spec.Endpoint;
import dev.buildrunner.spec.Feature;
import dev.buildrunner.spec.LineRange;
import dev.buildrunner.spec.Spec;
import dev.buildrunner.spec.SpecFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** Builds features and specs by hand, the way the parser would hand them over. */
final class FeatureFixture {

    private final String id;
    private String name;
    private int line = 1;
    private Complexity complexity = Complexity.MEDIUM;
    private String description = "";
    private final List<String> requirements = new ArrayList<>();
    private final List<String> files = new ArrayList<>();
    private final List<String> dependencies = new ArrayList<>();
    private final List<String> criteria = new ArrayList<>();
    private final List<Endpoint> endpoints = new ArrayList<>();

    private FeatureFixture(String id) {
        this.id = id;
        this.name = id;
    }

    static FeatureFixture feature(String id) {
        return new FeatureFixture(id);
    }

    FeatureFixture name(String n) {
        this.name = n;
        return this;
    }

    FeatureFixture line(int l) {
        this.line = l;
        return this;
    }

    FeatureFixture complexity(Complexity c) {
        this.complexity = c;
        return this;
    }

    FeatureFixture description(String d) {
        this.description = d;
        return this;
    }

    FeatureFixture requirements(String... r) {
        requirements.addAll(List.of(r));
        return this;
    }

    FeatureFixture files(String... f) {
        files.addAll(List.of(f));
        return this;
    }

    FeatureFixture dependsOn(String... d) {
        dependencies.addAll(List.of(d));
        return this;
    }

    FeatureFixture criteria(String... c) {
        criteria.addAll(List.of(c));
        return this;
    }

    FeatureFixture endpoints(String... e) {
        for (String s : e) {
            endpoints.add(Endpoint.parse(s));
        }
        return this;
    }

    Feature build() {
        return new Feature(id, name, new LineRange(line, line + 10), complexity, "", description, requirements, files,
                dependencies, criteria, endpoints, new LinkedHashMap<>());
    }

    static Spec spec(List<Feature> features) {
        return new Spec("Test spec", SpecFormat.BUILDRUNNER, "", features, List.of(), "");
    }

    static Spec spec(Feature... features) {
        return spec(List.of(features));
    }
}
