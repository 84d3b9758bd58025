package dev.buildrunner.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The per-feature difference between two versions of a spec. It drives the adaptive planner
 * (only changed features are regenerated) and drift analysis.
 *
 * <p>Features are matched by id. A feature that disappeared under one id while a feature with the
 * same body (every field but id, name and lines) appeared under another is a rename, not a
 * removal plus an addition. A feature that only moved (different lines) is unchanged.
 *
 * @param added ids of features only in the new version, in new spec order
 * @param removed ids of features only in the old version, in old spec order
 * @param renamed renames, in new spec order
 * @param modified features present in both whose content differs, in new spec order
 */
public record SpecDiff(List<String> added, List<String> removed, List<Rename> renamed, List<Modification> modified) {

    /** Field names used in {@link Modification#fields()}, as in the JSON of {@code br spec analyze}. */
    public static final List<String> FIELDS = List.of("name", "complexity", "priority", "description",
            "requirements", "files", "dependencies", "acceptanceCriteria", "endpoints", "attributes");

    public SpecDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        renamed = List.copyOf(renamed);
        modified = List.copyOf(modified);
    }

    /** A feature whose id changed while its body stayed the same. */
    public record Rename(String from, String to) {
        public Rename {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /** A feature present in both versions, and which of its {@link #FIELDS} changed. */
    public record Modification(String id, List<String> fields) {
        public Modification {
            Objects.requireNonNull(id, "id");
            fields = List.copyOf(fields);
        }
    }

    /** True when no feature was added, removed, renamed or modified. */
    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && renamed.isEmpty() && modified.isEmpty();
    }

    /** Ids (in the new version) of every feature whose tasks must be regenerated. */
    public Set<String> changedIds() {
        Set<String> ids = new LinkedHashSet<>(added);
        renamed.forEach(r -> ids.add(r.to()));
        modified.forEach(m -> ids.add(m.id()));
        return ids;
    }

    /**
     * Compares two versions feature by feature. Runs in time linear in the number of features
     * (renames are matched through a hash of the body).
     *
     * @param before the old version
     * @param after the new version
     * @return the difference; {@link #isEmpty()} when the specs say the same
     */
    public static SpecDiff between(Spec before, Spec after) {
        Map<String, Feature> oldById = index(before);
        Map<String, Feature> newById = index(after);

        List<String> removedIds = new ArrayList<>();
        for (String id : oldById.keySet()) {
            if (!newById.containsKey(id)) {
                removedIds.add(id);
            }
        }
        Map<BodyKey, List<String>> removedByBody = new LinkedHashMap<>();
        for (String id : removedIds) {
            removedByBody.computeIfAbsent(new BodyKey(oldById.get(id)), k -> new ArrayList<>()).add(id);
        }

        List<String> addedIds = new ArrayList<>();
        List<Rename> renames = new ArrayList<>();
        List<Modification> modifications = new ArrayList<>();
        Set<String> renamedFrom = new LinkedHashSet<>();
        for (Feature f : newById.values()) {
            Feature old = oldById.get(f.id());
            if (old == null) {
                List<String> candidates = removedByBody.get(new BodyKey(f));
                if (candidates != null && !candidates.isEmpty()) {
                    String from = candidates.remove(0);
                    renamedFrom.add(from);
                    renames.add(new Rename(from, f.id()));
                } else {
                    addedIds.add(f.id());
                }
            } else if (!old.sameContent(f)) {
                modifications.add(new Modification(f.id(), changedFields(old, f)));
            }
        }
        removedIds.removeAll(renamedFrom);
        return new SpecDiff(addedIds, removedIds, renames, modifications);
    }

    /** Names of the {@link #FIELDS} that differ between two versions of one feature. */
    public static List<String> changedFields(Feature a, Feature b) {
        List<String> fields = new ArrayList<>();
        if (!a.name().equals(b.name())) {
            fields.add("name");
        }
        if (a.complexity() != b.complexity()) {
            fields.add("complexity");
        }
        if (!a.priority().equals(b.priority())) {
            fields.add("priority");
        }
        if (!a.description().equals(b.description())) {
            fields.add("description");
        }
        if (!a.requirements().equals(b.requirements())) {
            fields.add("requirements");
        }
        if (!a.files().equals(b.files())) {
            fields.add("files");
        }
        if (!a.dependencies().equals(b.dependencies())) {
            fields.add("dependencies");
        }
        if (!a.acceptanceCriteria().equals(b.acceptanceCriteria())) {
            fields.add("acceptanceCriteria");
        }
        if (!a.endpoints().equals(b.endpoints())) {
            fields.add("endpoints");
        }
        if (!a.attributes().equals(b.attributes())) {
            fields.add("attributes");
        }
        return fields;
    }

    private static Map<String, Feature> index(Spec spec) {
        Map<String, Feature> byId = new LinkedHashMap<>();
        for (Feature f : spec.features()) {
            byId.putIfAbsent(f.id(), f);
        }
        return byId;
    }

    /** The body of a feature (all but id, name and lines) as a hashable key. */
    private record BodyKey(Complexity complexity, String priority, String description, List<String> requirements,
            List<String> files, List<String> dependencies, List<String> acceptanceCriteria,
            List<Endpoint> endpoints, Map<String, String> attributes) {
        BodyKey(Feature f) {
            this(f.complexity(), f.priority(), f.description(), f.requirements(), f.files(), f.dependencies(),
                    f.acceptanceCriteria(), f.endpoints(), f.attributes());
        }
    }
}
