package dev.buildrunner.analysis.drift;

import dev.buildrunner.analysis.Finding;
import dev.buildrunner.analysis.SourceFile;
import dev.buildrunner.analysis.SourceTree;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluates {@link ArchitectureRules} on files of a tree (issue 5, "Rules engine"): a naming rule
 * looks at the file name only; a forbid rule reads the file's imports ({@link ImportScanner}) and
 * reports each one it forbids, at the import's line. Files in languages the analyser does not read
 * ({@link Syntax}) are not read. Immutable; one {@link #evaluate} per run.
 */
final class RulesEngine {
    private final ArchitectureRules rules;

    RulesEngine(ArchitectureRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** What an evaluation found and how much it looked at. */
    record Evaluation(List<Finding> findings, int filesChecked) {
        Evaluation {
            findings = List.copyOf(findings);
        }
    }

    /**
     * Evaluates every rule on the given files of the tree.
     *
     * @param tree the analysed tree (imports resolve against all of its files)
     * @param paths the files to check (paths the tree does not have are skipped)
     * @throws java.io.UncheckedIOException when a file cannot be read
     */
    Evaluation evaluate(SourceTree tree, Collection<String> paths) {
        List<Finding> findings = new ArrayList<>();
        if (rules.rules().isEmpty()) {
            return new Evaluation(findings, 0);
        }
        ImportResolver resolver = new ImportResolver(tree.files().stream().map(SourceFile::path).toList());
        int checked = 0;
        for (String path : new TreeSet<>(paths)) {
            if (!tree.exists(path)) {
                continue;
            }
            boolean looked = false;
            List<ArchitectureRule.Forbid> forbids = new ArrayList<>();
            for (ArchitectureRule rule : rules.rules()) {
                if (rule instanceof ArchitectureRule.Naming naming && naming.appliesTo(path)) {
                    looked = true;
                    String name = path.substring(path.lastIndexOf('/') + 1);
                    if (!naming.name().matcher(name).matches()) {
                        findings.add(finding(naming, path, 1, "file name '" + name + "' does not match "
                                + naming.name().pattern() + ", as rule '" + naming.id() + "' requires"));
                    }
                } else if (rule instanceof ArchitectureRule.Forbid forbid && forbid.appliesTo(path)) {
                    forbids.add(forbid);
                }
            }
            if (!forbids.isEmpty() && Syntax.of(path).isPresent()) {
                looked = true;
                String text = tree.readText(path).orElse("");
                Set<String> seen = new HashSet<>();
                for (ImportRef ref : ImportScanner.scan(path, text)) {
                    for (ArchitectureRule.Forbid forbid : forbids) {
                        String what = forbidden(forbid, path, ref, resolver);
                        if (what != null && seen.add(forbid.id() + '\0' + ref.line() + '\0' + what)) {
                            findings.add(finding(forbid, path, ref.line(), "imports " + what + ", which rule '"
                                    + forbid.id() + "' forbids"));
                        }
                    }
                }
            }
            if (looked) {
                checked++;
            }
        }
        return new Evaluation(findings, checked);
    }

    /** What the import is, for the message, when the rule forbids it; null when it does not. */
    private static String forbidden(ArchitectureRule.Forbid rule, String from, ImportRef ref, ImportResolver resolver) {
        String dotted = resolver.dotted(from, ref);
        String module = ref.kind() == ImportRef.Kind.MODULE ? ref.name() : "";
        ArchitectureRule.Allow allow = rule.allow();
        boolean needPaths = !rule.paths().isEmpty() || !allow.paths().isEmpty();
        List<String> targets = needPaths ? resolver.paths(from, ref) : List.of();
        if (!dotted.isEmpty() && NamePattern.first(allow.names(), dotted) != null
                || !module.isEmpty() && NamePattern.first(allow.modules(), module) != null
                || targets.stream().anyMatch(t -> Glob.any(allow.paths(), t))) {
            return null;
        }
        String shown = dotted.isEmpty() ? ref.name() : dotted;
        if (!dotted.isEmpty()) {
            NamePattern p = NamePattern.first(rule.imports(), dotted);
            if (p != null) {
                return shown + " (matches " + p + ")";
            }
        }
        if (!module.isEmpty()) {
            NamePattern p = NamePattern.first(rule.modules(), module);
            if (p != null) {
                return "module " + module + " (matches " + p + ")";
            }
        }
        for (String t : targets) {
            for (Glob g : rule.paths()) {
                if (g.matches(t)) {
                    return shown + (t.equals(shown) ? "" : ", " + t) + " (matches " + g + ")";
                }
            }
        }
        return null;
    }

    private static Finding finding(ArchitectureRule rule, String path, int line, String message) {
        String why = rule.description().isEmpty() ? "" : " (" + rule.description() + ")";
        return new Finding(rule.findingRuleId(), rule.level(), message + why, path, line, "", java.util.Map.of());
    }
}
