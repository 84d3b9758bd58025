package dev.buildrunner.analysis.drift;

import dev.buildrunner.analysis.Level;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One rule of {@code .buildrunner/architecture-rules.yaml} (the format is documented in
 * {@code templates/architecture-rules.yaml}). Its findings carry the rule id
 * {@code drift/rules/<id>}.
 */
sealed interface ArchitectureRule permits ArchitectureRule.Forbid, ArchitectureRule.Naming {
    /** The rule's id as written: lower case, digits, {@code . _ -}; unique in the file. */
    String id();

    /** Why the rule exists, for people; {@code ""} when the file gives none. */
    String description();

    /** The level of its findings: {@link Level#ERROR} unless the file says otherwise. */
    Level level();

    /** 1-based line of the rule in the rules file. */
    int line();

    /** The finding rule id: {@code drift/rules/<id>}. */
    default String findingRuleId() {
        return "drift/rules/" + id();
    }

    /**
     * Files matched by {@code from} (and not by {@code except}) must not import what
     * {@code imports} (dotted names), {@code modules} (JS/TS specifiers) or {@code paths} (the
     * repository files an import resolves to) match, unless {@code allow} matches it: a layer
     * boundary or a forbidden dependency.
     *
     * @param allow the exceptions: each {@code allow} entry of the file compiled as whichever of a
     *     dotted-name pattern, a module pattern and (when it holds a {@code /}) a glob it is valid as
     */
    record Forbid(String id, String description, Level level, int line, List<Glob> from, List<Glob> except,
            List<NamePattern> imports, List<NamePattern> modules, List<Glob> paths, Allow allow)
            implements ArchitectureRule {
        public Forbid {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(level, "level");
            from = List.copyOf(from);
            except = List.copyOf(except);
            imports = List.copyOf(imports);
            modules = List.copyOf(modules);
            paths = List.copyOf(paths);
            Objects.requireNonNull(allow, "allow");
        }

        /** True when the rule looks at this file. */
        boolean appliesTo(String path) {
            return Glob.any(from, path) && !Glob.any(except, path);
        }
    }

    /** The exceptions of a {@link Forbid} rule, by the kind of name they apply to. */
    record Allow(List<NamePattern> names, List<NamePattern> modules, List<Glob> paths) {
        public Allow {
            names = List.copyOf(names);
            modules = List.copyOf(modules);
            paths = List.copyOf(paths);
        }

        /** No exceptions. */
        static Allow none() {
            return new Allow(List.of(), List.of(), List.of());
        }
    }

    /**
     * Files matched by {@code files} (and not by {@code except}) must have a file name that the
     * regular expression {@code name} matches entirely ({@code [A-Z]\w*Controller\.java}).
     */
    record Naming(String id, String description, Level level, int line, List<Glob> files, List<Glob> except,
            Pattern name) implements ArchitectureRule {
        public Naming {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(level, "level");
            files = List.copyOf(files);
            except = List.copyOf(except);
            Objects.requireNonNull(name, "name");
        }

        /** True when the rule looks at this file. */
        boolean appliesTo(String path) {
            return Glob.any(files, path) && !Glob.any(except, path);
        }
    }
}
