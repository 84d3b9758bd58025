package dev.buildrunner.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns plain-English spec edits into {@link SpecEdit}s: seed 000's "Natural Language Updates"
 * ({@code parse_natural_language("add authentication feature")}, "Regex patterns (spaCy
 * optional)"). Deterministic: fixed patterns, no model; the same text and spec always give the
 * same preview.
 *
 * <p>The forms understood ({@link #FORMS}; case-insensitive, a leading "please" and a final period
 * ignored; several instructions separated by new lines or {@code ;}):
 * <ul>
 *   <li>{@code add feature NAME [with description "TEXT"]}, {@code add NAME feature}</li>
 *   <li>{@code remove|drop|delete feature NAME}, {@code remove the NAME feature}</li>
 *   <li>{@code rename [feature] NAME to NEW NAME}</li>
 *   <li>{@code add requirement "TEXT" to|for NAME}, {@code remove requirement "TEXT" from NAME}</li>
 *   <li>{@code set complexity|priority|description of NAME to VALUE}, {@code set NAME's priority to
 *       VALUE}, {@code make NAME simple|medium|complex}</li>
 *   <li>{@code add acceptance criterion "TEXT" to NAME}</li>
 *   <li>{@code add endpoint METHOD /path to NAME}</li>
 *   <li>{@code NAME depends on OTHER [, OTHER and OTHER]}</li>
 * </ul>
 * Texts may be quoted ("", '', “”, ``); unquoted, a text may itself contain " to " as long as the
 * part after the last one names a feature. A NAME is matched by id, name, unambiguous prefix or
 * near spelling ({@link FeatureMatcher}); an unquoted new name typed all in lower case is
 * title-cased ("add authentication feature" adds "Authentication").
 *
 * <p>Diagnostics (errors unless said): {@code nl-not-understood} (naming the text and listing the
 * forms), {@code nl-empty}, {@code nl-unknown-feature}, {@code nl-ambiguous-feature} (listing the
 * candidates), {@code nl-unknown-requirement}, {@code nl-ambiguous-requirement},
 * {@code nl-invalid-value}, {@code nl-dependency-cycle}, INFO {@code nl-no-change}; plus the
 * {@code edit-*} codes of {@link SpecEditor} when an edit would not apply.
 *
 * <p>Thread-safe; holds only the (immutable) editor.
 */
public final class NaturalLanguageEdits {

    /** The instruction forms understood, as listed to the user when an instruction is not. */
    public static final List<String> FORMS = List.of("add feature NAME", "remove feature NAME",
            "rename feature NAME to NEW NAME", "add requirement \"TEXT\" to NAME",
            "remove requirement \"TEXT\" from NAME", "set complexity of NAME to simple|medium|complex",
            "set priority of NAME to VALUE", "set description of NAME to \"TEXT\"",
            "add acceptance criterion \"TEXT\" to NAME", "add endpoint METHOD /path to NAME",
            "NAME depends on OTHER");

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String ART = "(?:(?:a|an|the|new|another|one)\\s+)*";
    private static final Pattern RENAME = p("^rename\\s+(?<rest>.+)$");
    private static final Pattern REMOVE_REQUIREMENT = p(
            "^(?:remove|drop|delete)\\s+" + ART + "requirement\\s*:?\\s+(?<rest>.+)$");
    private static final Pattern ADD_REQUIREMENT = p("^add\\s+" + ART + "requirement\\s*:?\\s+(?<rest>.+)$");
    private static final Pattern ADD_CRITERION = p("^add\\s+" + ART
            + "(?:acceptance\\s+criteri(?:on|a)|criterion)\\s*:?\\s+(?<rest>.+)$");
    private static final Pattern ADD_ENDPOINT = p("^add\\s+" + ART + "(?:endpoint|route)\\s*:?\\s+(?<rest>.+)$");
    private static final Pattern SET_OF = p(
            "^set\\s+(?:the\\s+)?(?<field>complexity|priority|description)\\s+(?:of|for)\\s+(?<rest>.+)$");
    private static final Pattern SET_OWN = p(
            "^set\\s+(?<name>.+?)(?:'s|’s)?\\s+(?<field>complexity|priority|description)\\s+to\\s+(?<value>.+)$");
    private static final Pattern MAKE = p("^make\\s+(?<name>.+?)\\s+(?<value>simple|medium|complex)$");
    private static final Pattern DEPENDS = p(
            "^(?:make\\s+)?(?<name>.+?)\\s+(?:now\\s+|also\\s+|should\\s+|must\\s+)?depends?\\s+on\\s+(?<other>.+)$");
    private static final Pattern REMOVE_FEATURE = p(
            "^(?:remove|drop|delete)\\s+(?:the\\s+)?feature\\s*:?\\s+(?<name>.+)$");
    private static final Pattern REMOVE_FEATURE_2 = p("^(?:remove|drop|delete)\\s+(?:the\\s+)?(?<name>.+?)\\s+feature$");
    private static final String DESCRIBED = "(?:\\s+with\\s+(?:the\\s+)?description\\s*:?\\s+(?<desc>.+))?$";
    private static final Pattern ADD_FEATURE = p("^(?:add|create)\\s+" + ART
            + "feature\\s*:?\\s+(?:(?:called|named)\\s+)?(?<name>.+?)" + DESCRIBED);
    private static final Pattern ADD_FEATURE_2 = p("^(?:add|create)\\s+" + ART + "(?<name>.+?)\\s+feature" + DESCRIBED);
    private static final Pattern TO = p("\\s+to\\s+");
    private static final Pattern TO_OR_FOR = p("\\s+(?:to|for)\\s+");
    private static final Pattern FROM = p("\\s+from\\s+");
    private static final Pattern LIST_SEPARATOR = p("\\s*,\\s*(?:and\\s+)?|\\s+and\\s+");

    private final SpecEditor editor;

    public NaturalLanguageEdits() {
        this(new SpecEditor());
    }

    public NaturalLanguageEdits(SpecEditor editor) {
        this.editor = Objects.requireNonNull(editor, "editor");
    }

    /**
     * Reads an instruction against a spec and checks each edit by applying it to a copy; nothing
     * is written.
     *
     * @param spec the spec the instruction is about
     * @param instruction one or more instructions (new lines or {@code ;} between them)
     * @return the preview; {@link EditPreview#applicable()} tells whether {@link #apply} will do it
     */
    public EditPreview preview(Spec spec, String instruction) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(instruction, "instruction");
        List<SpecEdit> edits = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        Spec working = spec;
        List<String> clauses = InstructionText.clauses(instruction);
        if (clauses.isEmpty()) {
            diagnostics.add(Diagnostic.error(0, "nl-empty", "no instruction given; supported: " + String.join("; ", FORMS)));
        }
        for (String clause : clauses) {
            Reading r = read(working, clause);
            diagnostics.addAll(r.diagnostics);
            for (SpecEdit e : r.edits) {
                SpecEditor.Result applied = editor.apply(working, e);
                diagnostics.addAll(applied.diagnostics());
                if (!applied.applied()) {
                    break;
                }
                working = applied.spec();
                edits.add(e);
            }
        }
        return new EditPreview(instruction, edits, diagnostics, SpecDiff.between(spec, working));
    }

    /**
     * Applies a preview's edits to {@code spec} (the spec it was made from, or a later version
     * where the same features still exist) through {@link SpecWriter}.
     *
     * @return the edited spec; the input spec with the preview's errors when it has any, or with
     *     the editor's errors when an edit no longer fits
     */
    public SpecEditor.Result apply(Spec spec, EditPreview preview) {
        if (preview.hasErrors()) {
            return new SpecEditor.Result(spec, preview.diagnostics().stream()
                    .filter(d -> d.severity() == Severity.ERROR).toList());
        }
        return editor.apply(spec, preview.edits());
    }

    /** The edits one clause asks for, or the diagnostics saying why none. */
    private record Reading(List<SpecEdit> edits, List<Diagnostic> diagnostics) {
        static Reading of(SpecEdit... edits) {
            return new Reading(List.of(edits), List.of());
        }

        static Reading problem(Diagnostic d) {
            return new Reading(List.of(), List.of(d));
        }
    }

    private Reading read(Spec spec, String clause) {
        Targets t = new Targets(new FeatureMatcher(spec.features()), clause);
        Matcher m;
        if ((m = match(RENAME, clause)) != null) {
            Targets.Split s = t.featureThenValue(m.group("rest"), TO);
            return s == null ? notUnderstood(clause) : s.problem() != null ? Reading.problem(s.problem())
                    : Reading.of(new SpecEdit(SpecEdit.Kind.RENAME_FEATURE, s.feature().id(),
                            InstructionText.newName(s.text())));
        }
        if ((m = match(REMOVE_REQUIREMENT, clause)) != null) {
            return removeRequirement(t.valueThenFeature(m.group("rest"), FROM), clause);
        }
        if ((m = match(ADD_REQUIREMENT, clause)) != null) {
            return textEdit(t, clause, m.group("rest"), SpecEdit.Kind.ADD_REQUIREMENT);
        }
        if ((m = match(ADD_CRITERION, clause)) != null) {
            return textEdit(t, clause, m.group("rest"), SpecEdit.Kind.ADD_ACCEPTANCE_CRITERION);
        }
        if ((m = match(ADD_ENDPOINT, clause)) != null) {
            return textEdit(t, clause, m.group("rest"), SpecEdit.Kind.ADD_ENDPOINT);
        }
        if ((m = match(SET_OF, clause)) != null) {
            Targets.Split s = t.featureThenValue(m.group("rest"), TO);
            return s == null ? notUnderstood(clause) : s.problem() != null ? Reading.problem(s.problem())
                    : set(s.feature(), m.group("field"), s.text(), clause);
        }
        if ((m = match(SET_OWN, clause)) != null) {
            String field = m.group("field");
            String value = m.group("value");
            return onFeature(t, m.group("name"), f -> set(f, field, value, clause));
        }
        if ((m = match(MAKE, clause)) != null) {
            String value = m.group("value");
            return onFeature(t, m.group("name"), f -> set(f, "complexity", value, clause));
        }
        if ((m = match(DEPENDS, clause)) != null) {
            return depends(spec, t, clause, m.group("name"), m.group("other"));
        }
        if ((m = match(REMOVE_FEATURE, clause)) != null || (m = match(REMOVE_FEATURE_2, clause)) != null) {
            return onFeature(t, m.group("name"),
                    f -> Reading.of(new SpecEdit(SpecEdit.Kind.REMOVE_FEATURE, f.id(), "")));
        }
        if ((m = match(ADD_FEATURE, clause)) != null || (m = match(ADD_FEATURE_2, clause)) != null) {
            String name = InstructionText.newName(m.group("name"));
            String id = TextScan.slug(name);
            SpecEdit add = new SpecEdit(SpecEdit.Kind.ADD_FEATURE, id, name);
            String desc = m.group("desc");
            return desc == null ? Reading.of(add)
                    : Reading.of(add, new SpecEdit(SpecEdit.Kind.SET_DESCRIPTION, id, InstructionText.unquote(desc)));
        }
        return notUnderstood(clause);
    }

    private static Matcher match(Pattern p, String clause) {
        Matcher m = p.matcher(clause);
        return m.matches() ? m : null;
    }

    private static Reading onFeature(Targets t, String typed, Function<Feature, Reading> then) {
        return t.feature(typed).map(then).orElseGet(() -> Reading.problem(t.lastProblem()));
    }

    private static Reading removeRequirement(Targets.Split s, String clause) {
        if (s == null) {
            return notUnderstood(clause);
        }
        if (s.problem() != null) {
            return Reading.problem(s.problem());
        }
        return InstructionText.requirement(s.feature(), s.text())
                .map(req -> Reading.of(new SpecEdit(SpecEdit.Kind.REMOVE_REQUIREMENT, s.feature().id(), req)))
                .orElseGet(() -> Reading.problem(InstructionText.requirementProblem(s.feature(), s.text(), clause)));
    }

    private static Reading textEdit(Targets t, String clause, String rest, SpecEdit.Kind kind) {
        Targets.Split s = t.valueThenFeature(rest, TO_OR_FOR);
        if (s == null) {
            return notUnderstood(clause);
        }
        if (s.problem() != null) {
            return Reading.problem(s.problem());
        }
        String text = TextScan.squash(s.text());
        if (kind == SpecEdit.Kind.ADD_ENDPOINT) {
            try {
                Endpoint e = Endpoint.parse(text);
                if (!e.method().matches("GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS")) {
                    throw new IllegalArgumentException(e.method());
                }
                text = e.toString();
            } catch (IllegalArgumentException ex) {
                return Reading.problem(Diagnostic.error(s.feature().lines().first(), "nl-invalid-value", "\"" + clause
                        + "\": an endpoint is METHOD /path (GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS), got: " + text));
            }
        }
        if (text.isEmpty()) {
            return Reading.problem(Diagnostic.error(s.feature().lines().first(), "nl-invalid-value",
                    "\"" + clause + "\": the text is empty"));
        }
        return Reading.of(new SpecEdit(kind, s.feature().id(), text));
    }

    private static Reading set(Feature f, String field, String rawValue, String clause) {
        String value = InstructionText.unquote(rawValue.strip());
        switch (field.toLowerCase(Locale.ROOT)) {
            case "complexity" -> {
                return Complexity.parse(value)
                        .map(c -> Reading.of(new SpecEdit(SpecEdit.Kind.SET_COMPLEXITY, f.id(), c.label())))
                        .orElseGet(() -> Reading.problem(Diagnostic.error(f.lines().first(), "nl-invalid-value", "\""
                                + clause + "\": complexity is simple, medium or complex, got: " + value)));
            }
            case "priority" -> {
                String p = value.equals(value.toLowerCase(Locale.ROOT)) && !value.isEmpty()
                        ? value.substring(0, 1).toUpperCase(Locale.ROOT) + value.substring(1) : value;
                return Reading.of(new SpecEdit(SpecEdit.Kind.SET_PRIORITY, f.id(), p));
            }
            default -> {
                return Reading.of(new SpecEdit(SpecEdit.Kind.SET_DESCRIPTION, f.id(), value));
            }
        }
    }

    private static Reading depends(Spec spec, Targets t, String clause, String name, String others) {
        var feature = t.feature(name);
        if (feature.isEmpty()) {
            return Reading.problem(t.lastProblem());
        }
        Feature f = feature.get();
        List<Feature> deps = new ArrayList<>();
        var whole = t.feature(others);
        if (whole.isPresent()) {
            deps.add(whole.get());
        } else {
            for (String part : LIST_SEPARATOR.split(others.strip())) {
                var d = t.feature(part);
                if (d.isEmpty()) {
                    return Reading.problem(t.lastProblem());
                }
                deps.add(d.get());
            }
        }
        List<SpecEdit> edits = new ArrayList<>();
        List<Diagnostic> ds = new ArrayList<>();
        for (Feature d : deps) {
            if (d.id().equals(f.id())) {
                ds.add(Diagnostic.error(f.lines().first(), "nl-dependency-cycle", "\"" + clause + "\": feature '"
                        + f.id() + "' cannot depend on itself"));
            } else if (f.dependencies().contains(d.id())) {
                ds.add(Diagnostic.info(f.lines().first(), "nl-no-change", "\"" + clause + "\": feature '" + f.id()
                        + "' already depends on '" + d.id() + "'"));
            } else {
                List<String> path = DependencyPaths.path(spec, d.id(), f.id());
                if (!path.isEmpty()) {
                    ds.add(Diagnostic.error(f.lines().first(), "nl-dependency-cycle", "\"" + clause
                            + "\": would create a dependency cycle: " + f.id() + " -> " + String.join(" -> ", path)));
                } else {
                    edits.add(new SpecEdit(SpecEdit.Kind.ADD_DEPENDENCY, f.id(), d.id()));
                }
            }
        }
        if (!ds.isEmpty() && ds.stream().anyMatch(x -> x.severity() == Severity.ERROR)) {
            return new Reading(List.of(), ds);
        }
        return new Reading(edits, ds);
    }

    private static Reading notUnderstood(String clause) {
        return Reading.problem(Diagnostic.error(0, "nl-not-understood", "not understood: \"" + clause
                + "\"; supported: " + String.join("; ", FORMS)));
    }

    private static Pattern p(String regex) {
        return Pattern.compile(regex, FLAGS);
    }
}
