package dev.buildrunner.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies {@link SpecEdit}s to a spec through {@link SpecWriter}: the text changes only inside
 * the edited feature's lines (plus, for a rename, the dependency lines that name the feature, and
 * for an added feature, the new lines at the end of the features section).
 *
 * <p>All or nothing: every edit is checked first against the spec as the earlier edits left it
 * (the feature exists, an added feature's id is free, a removed requirement is there), then the
 * result is read back; when an edit does not fit or does not read back as asked (say, a feature
 * added to a spec-kit file, whose format has no place for it), the input spec is returned with an
 * error naming the edit. Problems are {@link Diagnostic}s, never exceptions.
 *
 * <p>Diagnostic codes: ERROR {@code edit-unknown-feature}, {@code edit-feature-exists},
 * {@code edit-unknown-requirement}, {@code edit-invalid-value}, {@code edit-not-applied};
 * WARNING {@code edit-dependents} (a removed feature is still named as a dependency).
 *
 * <p>Thread-safe; holds only the (immutable) writer.
 */
public final class SpecEditor {

    private final SpecWriter writer;

    public SpecEditor() {
        this(new SpecWriter());
    }

    public SpecEditor(SpecWriter writer) {
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    /**
     * What applying edits gave.
     *
     * @param spec the edited spec, or the input spec unchanged when {@link #diagnostics()} hold an error
     * @param diagnostics problems found, errors first stopping the edits; warnings do not
     */
    public record Result(Spec spec, List<Diagnostic> diagnostics) {
        public Result {
            Objects.requireNonNull(spec, "spec");
            diagnostics = List.copyOf(diagnostics);
        }

        /** True when the edits were applied (no error). */
        public boolean applied() {
            return diagnostics.stream().noneMatch(d -> d.severity() == Severity.ERROR);
        }
    }

    /**
     * Applies the edits in order, each to the spec the previous ones produced.
     *
     * @return the edited spec, or {@code spec} itself with an error when any edit does not apply
     */
    public Result apply(Spec spec, List<SpecEdit> edits) {
        Spec current = spec;
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (SpecEdit edit : edits) {
            Result r = apply(current, edit);
            diagnostics.addAll(r.diagnostics());
            if (!r.applied()) {
                return new Result(spec, diagnostics);
            }
            current = r.spec();
        }
        return new Result(current, diagnostics);
    }

    /** Applies one edit; see {@link #apply(Spec, List)}. */
    public Result apply(Spec spec, SpecEdit edit) {
        if (edit.kind() == SpecEdit.Kind.ADD_FEATURE) {
            return addFeature(spec, edit);
        }
        Optional<Feature> target = spec.feature(edit.featureId());
        if (target.isEmpty()) {
            return error(spec, 0, "edit-unknown-feature", edit.describe() + ": the spec has no feature with id '"
                    + edit.featureId() + "'");
        }
        Feature f = target.get();
        return switch (edit.kind()) {
            case REMOVE_FEATURE -> removeFeature(spec, f);
            case RENAME_FEATURE -> rename(spec, f, edit);
            case ADD_REQUIREMENT -> replace(spec, f, edit, with(f, Field.REQUIREMENTS, plus(f.requirements(), edit.value())));
            case REMOVE_REQUIREMENT -> {
                if (!f.requirements().contains(edit.value())) {
                    yield error(spec, f.lines().first(), "edit-unknown-requirement", edit.describe()
                            + ": feature '" + f.id() + "' has no such requirement");
                }
                List<String> rs = new ArrayList<>(f.requirements());
                rs.remove(edit.value());
                yield replace(spec, f, edit, with(f, Field.REQUIREMENTS, rs));
            }
            case SET_COMPLEXITY -> {
                Optional<Complexity> c = Complexity.parse(edit.value());
                if (c.isEmpty()) {
                    yield error(spec, f.lines().first(), "edit-invalid-value", edit.describe()
                            + ": expected simple, medium or complex");
                }
                yield replace(spec, f, edit, new Feature(f.id(), f.name(), f.lines(), c.get(), f.priority(),
                        f.description(), f.requirements(), f.files(), f.dependencies(), f.acceptanceCriteria(),
                        f.endpoints(), f.attributes()));
            }
            case SET_PRIORITY -> replace(spec, f, edit, new Feature(f.id(), f.name(), f.lines(), f.complexity(),
                    edit.value(), f.description(), f.requirements(), f.files(), f.dependencies(),
                    f.acceptanceCriteria(), f.endpoints(), f.attributes()));
            case SET_DESCRIPTION -> replace(spec, f, edit, new Feature(f.id(), f.name(), f.lines(), f.complexity(),
                    f.priority(), edit.value(), f.requirements(), f.files(), f.dependencies(),
                    f.acceptanceCriteria(), f.endpoints(), f.attributes()));
            case ADD_ACCEPTANCE_CRITERION -> replace(spec, f, edit,
                    with(f, Field.CRITERIA, plus(f.acceptanceCriteria(), edit.value())));
            case ADD_ENDPOINT -> addEndpoint(spec, f, edit);
            case ADD_DEPENDENCY -> {
                if (spec.feature(edit.value()).isEmpty() || edit.value().equals(f.id())) {
                    yield error(spec, f.lines().first(), "edit-unknown-feature", edit.describe()
                            + ": the spec has no other feature with id '" + edit.value() + "'");
                }
                yield replace(spec, f, edit, with(f, Field.DEPENDENCIES, plus(f.dependencies(), edit.value())));
            }
            case ADD_FEATURE -> throw new IllegalStateException("handled above");
        };
    }

    private Result addFeature(Spec spec, SpecEdit edit) {
        String name = edit.value().strip();
        if (name.isEmpty() || TextScan.slug(name).isEmpty()) {
            return error(spec, 0, "edit-invalid-value", edit.describe() + ": a feature name needs a letter or digit");
        }
        Optional<Feature> clash = spec.feature(edit.featureId());
        if (clash.isPresent()) {
            return error(spec, clash.get().lines().first(), "edit-feature-exists", edit.describe()
                    + ": feature '" + edit.featureId() + "' (\"" + clash.get().name() + "\") already exists");
        }
        Feature draft = new Feature(edit.featureId(), name, new LineRange(1, 1), Complexity.MEDIUM, "", "",
                List.of(), List.of(), List.of(), List.of(), List.of(), Map.of());
        Spec out = writer.addFeature(spec, draft);
        Optional<Feature> added = out.feature(edit.featureId());
        if (out.features().size() != spec.features().size() + 1 || added.isEmpty()
                || !added.get().name().equals(name)) {
            return error(spec, 0, "edit-not-applied", edit.describe() + ": a new heading is not read as a feature in a "
                    + spec.format().label() + " spec");
        }
        return new Result(out, List.of());
    }

    private Result removeFeature(Spec spec, Feature f) {
        Spec out = writer.removeFeature(spec, f.id());
        List<Diagnostic> ds = new ArrayList<>();
        List<String> dependents = spec.features().stream()
                .filter(o -> !o.id().equals(f.id()) && o.dependencies().contains(f.id())).map(Feature::id).toList();
        if (!dependents.isEmpty()) {
            ds.add(Diagnostic.warning(f.lines().first(), "edit-dependents", "removed feature '" + f.id()
                    + "' is still named as a dependency by " + String.join(", ", dependents)));
        }
        if (out.feature(f.id()).isPresent() || out.features().size() != spec.features().size() - 1) {
            return error(spec, f.lines().first(), "edit-not-applied", "remove feature " + f.id()
                    + ": the spec still reads it");
        }
        return new Result(out, ds);
    }

    private Result rename(Spec spec, Feature f, SpecEdit edit) {
        String name = edit.value().strip();
        if (name.isEmpty() || TextScan.slug(name).isEmpty()) {
            return error(spec, f.lines().first(), "edit-invalid-value", edit.describe()
                    + ": a feature name needs a letter or digit");
        }
        boolean slugId = f.id().equals(TextScan.slug(f.name()));
        String newId = slugId ? TextScan.slug(name) : f.id();
        Optional<Feature> clash = spec.feature(newId);
        if (clash.isPresent() && !clash.get().id().equals(f.id())) {
            return error(spec, f.lines().first(), "edit-feature-exists", edit.describe() + ": feature '" + newId
                    + "' (\"" + clash.get().name() + "\") already exists");
        }
        int index = spec.features().indexOf(f);
        Spec out = writer.replaceFeature(spec, new Feature(f.id(), name, f.lines(), f.complexity(), f.priority(),
                f.description(), f.requirements(), f.files(), f.dependencies(), f.acceptanceCriteria(),
                f.endpoints(), f.attributes()));
        if (out.features().size() != spec.features().size() || !out.features().get(index).name().equals(name)) {
            return notApplied(spec, f, edit);
        }
        String renamedId = out.features().get(index).id();
        // Dependents name the feature in their text; name it anew so that their dependency holds.
        for (Feature dependent : spec.features()) {
            if (dependent.id().equals(f.id()) || !dependent.dependencies().contains(f.id())) {
                continue;
            }
            Optional<Feature> now = out.feature(dependent.id());
            if (now.isEmpty() || now.get().dependencies().contains(renamedId)) {
                continue;
            }
            List<String> deps = new ArrayList<>(now.get().dependencies());
            int at = dependent.dependencies().indexOf(f.id());
            if (deps.size() == dependent.dependencies().size()) {
                deps.set(at, renamedId);
            } else {
                deps.add(renamedId);
            }
            out = writer.replaceFeature(out, with(now.get(), Field.DEPENDENCIES, deps));
        }
        return new Result(out, List.of());
    }

    private Result addEndpoint(Spec spec, Feature f, SpecEdit edit) {
        Endpoint e;
        try {
            e = Endpoint.parse(edit.value());
        } catch (IllegalArgumentException ex) {
            return error(spec, f.lines().first(), "edit-invalid-value", edit.describe() + ": expected METHOD /path");
        }
        if (f.endpoints().contains(e)) {
            return new Result(spec, List.of());
        }
        List<Endpoint> eps = new ArrayList<>(f.endpoints());
        eps.add(e);
        return replace(spec, f, edit, new Feature(f.id(), f.name(), f.lines(), f.complexity(), f.priority(),
                f.description(), f.requirements(), f.files(), f.dependencies(), f.acceptanceCriteria(), eps,
                f.attributes()));
    }

    /** Writes {@code edited} over {@code f} and checks that the spec reads back as edited. */
    private Result replace(Spec spec, Feature f, SpecEdit edit, Feature edited) {
        Spec out = writer.replaceFeature(spec, edited);
        Optional<Feature> now = out.feature(f.id());
        if (now.isEmpty() || !readsAs(now.get(), edited)) {
            return notApplied(spec, f, edit);
        }
        return new Result(out, List.of());
    }

    private static boolean readsAs(Feature now, Feature edited) {
        return now.name().equals(edited.name()) && now.complexity() == edited.complexity()
                && now.priority().equals(edited.priority()) && now.description().equals(edited.description())
                && now.requirements().equals(edited.requirements())
                && now.acceptanceCriteria().equals(edited.acceptanceCriteria())
                && now.dependencies().equals(edited.dependencies())
                && now.endpoints().containsAll(edited.endpoints());
    }

    private static Result notApplied(Spec spec, Feature f, SpecEdit edit) {
        return error(spec, f.lines().first(), "edit-not-applied", edit.describe()
                + ": the feature's text cannot express it (it reads back differently)");
    }

    private static Result error(Spec spec, int line, String code, String message) {
        return new Result(spec, List.of(Diagnostic.error(line, code, message)));
    }

    private enum Field { REQUIREMENTS, CRITERIA, DEPENDENCIES }

    private static Feature with(Feature f, Field field, List<String> values) {
        return new Feature(f.id(), f.name(), f.lines(), f.complexity(), f.priority(), f.description(),
                field == Field.REQUIREMENTS ? values : f.requirements(), f.files(),
                field == Field.DEPENDENCIES ? values : f.dependencies(),
                field == Field.CRITERIA ? values : f.acceptanceCriteria(), f.endpoints(),
                new LinkedHashMap<>(f.attributes()));
    }

    private static List<String> plus(List<String> list, String value) {
        List<String> out = new ArrayList<>(list);
        out.add(value);
        return out;
    }
}
