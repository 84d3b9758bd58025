package dev.buildrunner.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One feature of a spec: the unit the planner decomposes into tasks.
 *
 * <p>Each spec format's natural unit becomes a Feature: a {@code ### Feature N: Name} section in
 * BuildRunner's own format, a user story in spec-kit, a {@code ### Requirement N} in Kiro, a
 * {@code ### Requirement:} in OpenSpec, a numbered core feature in a Task Master PRD.
 *
 * @param id stable identifier: the spec's own id when it gives one (for example {@code US1},
 *     {@code FR-001}), else a slug of the name ({@code user-authentication}); unique in a spec
 * @param name the name as written, without numbering or "Feature:" prefixes
 * @param lines the 1-based source lines the feature spans, heading included
 * @param complexity stated complexity, {@link Complexity#MEDIUM} when the spec states none
 * @param priority the priority as written ({@code Critical}, {@code P1}, ...), empty when none
 * @param description free text describing the feature, empty when none
 * @param requirements requirement texts, in spec order
 * @param files repository-relative file paths the feature names (create, modify, implementation)
 * @param dependencies ids of features this one depends on; a dependency that names no feature of
 *     the spec is kept as written (the parser reports it)
 * @param acceptanceCriteria acceptance criteria texts, in spec order
 * @param endpoints HTTP endpoints the feature defines, in spec order, without duplicates
 * @param attributes other labelled fields as written ({@code Status -> Planned},
 *     {@code Duration -> 2 days}), in spec order
 */
public record Feature(
        String id,
        String name,
        LineRange lines,
        Complexity complexity,
        String priority,
        String description,
        List<String> requirements,
        List<String> files,
        List<String> dependencies,
        List<String> acceptanceCriteria,
        List<Endpoint> endpoints,
        Map<String, String> attributes) {

    public Feature {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(lines, "lines");
        Objects.requireNonNull(complexity, "complexity");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(description, "description");
        requirements = List.copyOf(requirements);
        files = List.copyOf(files);
        dependencies = List.copyOf(dependencies);
        acceptanceCriteria = List.copyOf(acceptanceCriteria);
        endpoints = List.copyOf(endpoints);
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /**
     * True when both features say the same thing: every field but {@link #lines()} is equal. Two
     * versions of an unchanged feature that moved in the file are equivalent.
     */
    public boolean sameContent(Feature other) {
        return id.equals(other.id) && name.equals(other.name) && sameBody(other);
    }

    /** True when everything but id, name and lines is equal: the test for a rename. */
    public boolean sameBody(Feature other) {
        return complexity == other.complexity
                && priority.equals(other.priority)
                && description.equals(other.description)
                && requirements.equals(other.requirements)
                && files.equals(other.files)
                && dependencies.equals(other.dependencies)
                && acceptanceCriteria.equals(other.acceptanceCriteria)
                && endpoints.equals(other.endpoints)
                && attributes.equals(other.attributes);
    }

    /** Returns a copy with the given requirements; every other field kept. */
    public Feature withRequirements(List<String> newRequirements) {
        return new Feature(id, name, lines, complexity, priority, description, newRequirements, files,
                dependencies, acceptanceCriteria, endpoints, attributes);
    }
}
