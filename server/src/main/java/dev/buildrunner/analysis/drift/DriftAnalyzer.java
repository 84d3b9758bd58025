package dev.buildrunner.analysis.drift;

import dev.buildrunner.analysis.AnalysisInput;
import dev.buildrunner.analysis.Analyser;
import dev.buildrunner.analysis.ChangedFiles;
import dev.buildrunner.analysis.Finding;
import dev.buildrunner.analysis.Level;
import dev.buildrunner.analysis.RuleDescriptor;
import dev.buildrunner.analysis.SourceFile;
import dev.buildrunner.analysis.SourceTree;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Architecture drift prevention (seed 002, issue 5): {@code br drift}, the {@code buildrunner/drift}
 * status and the pre-commit hook's check. Three parts, each reporting {@link Finding}s:
 * <ol>
 *   <li>{@link SpecValidator}: the spec's own consistency;</li>
 *   <li>{@link DiffAnalyser}: what the change (tree against base) did to the code against what
 *       the spec says; skipped without a base;</li>
 *   <li>{@link RulesEngine}: the rules of {@code .buildrunner/architecture-rules.yaml} read from the
 *       analysed tree (none: no rules), evaluated on the changed files when there is a base, on
 *       every file when there is none or when the change touches the rules file itself (a new
 *       rule applies to code that did not change).</li>
 * </ol>
 * The gate passes when no finding is an ERROR; which findings are errors, and why, is in
 * {@link DriftRules} (architecture rules: ERROR unless the rule says {@code level}).
 * Immutable and thread-safe.
 */
public final class DriftAnalyzer implements Analyser<DriftReport> {
    private final EndpointScan endpoints;

    /** @param endpoints finds the routes code declares ({@link FrameworkRoutes} by default) */
    public DriftAnalyzer(EndpointScan endpoints) {
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
    }

    @Override
    public String name() {
        return "drift";
    }

    /**
     * @throws dev.buildrunner.analysis.AnalysisConfigException when the rules file is wrong (file,
     *     line, key)
     * @throws java.io.UncheckedIOException when a file of the tree cannot be read
     */
    @Override
    public DriftReport analyze(AnalysisInput input) {
        SourceTree tree = input.tree();
        ArchitectureRules rules = tree.readText(ArchitectureRules.DEFAULT_PATH)
                .map(text -> RulesFile.parse(ArchitectureRules.DEFAULT_PATH, text))
                .orElse(ArchitectureRules.none());
        List<Finding> spec = SpecValidator.validate(input.spec(), input.specDiagnostics(), input.specPath());
        List<Finding> diff = new DiffAnalyser(endpoints).analyse(input);
        ChangedFiles changes = input.changes();
        boolean everything = input.base().isEmpty() || changes.touched().contains(ArchitectureRules.DEFAULT_PATH);
        Collection<String> paths = everything ? tree.files().stream().map(SourceFile::path).toList() : changes.touched();
        RulesEngine.Evaluation evaluation = new RulesEngine(rules).evaluate(tree, paths);

        List<Finding> all = new ArrayList<>(spec);
        all.addAll(diff);
        all.addAll(evaluation.findings());
        all.sort(Comparator.comparing(Finding::path).thenComparingInt(Finding::line).thenComparing(Finding::ruleId)
                .thenComparing(Finding::message));
        int errors = count(all, Level.ERROR);
        int warnings = count(all, Level.WARNING);
        DriftReport.Counts counts = new DriftReport.Counts(spec.size(), diff.size(), evaluation.findings().size(), errors,
                warnings, count(all, Level.NOTE));
        String summary = errors + " errors, " + warnings + " warnings: spec " + spec.size() + ", "
                + (input.base().isPresent() ? "diff " + diff.size() : "no diff (no base)") + ", rules "
                + evaluation.findings().size() + " (" + rules.rules().size() + " rules on " + evaluation.filesChecked()
                + " files)";
        return new DriftReport(tree.revision(), errors == 0, summary, counts, rules.path(), rules.rules().size(),
                input.base().isPresent(), evaluation.filesChecked(), all, descriptors(rules, all));
    }

    private static int count(List<Finding> findings, Level level) {
        return (int) findings.stream().filter(f -> f.level() == level).count();
    }

    /** Built-in rules, the file's rules, and one per parser diagnostic code found. */
    private static List<RuleDescriptor> descriptors(ArchitectureRules rules, List<Finding> findings) {
        Map<String, RuleDescriptor> out = new LinkedHashMap<>();
        DriftRules.builtIn().forEach(r -> out.put(r.id(), r));
        for (ArchitectureRule r : rules.rules()) {
            String what = r.description().isEmpty() ? "Architecture rule " + r.id() : r.description();
            out.put(r.findingRuleId(), new RuleDescriptor(r.findingRuleId(), what, ""));
        }
        for (Finding f : findings) {
            if (f.ruleId().startsWith(DriftRules.PARSER_PREFIX)) {
                out.putIfAbsent(f.ruleId(), new RuleDescriptor(f.ruleId(), "Spec parser: "
                        + f.ruleId().substring(DriftRules.PARSER_PREFIX.length()), ""));
            }
        }
        return List.copyOf(out.values());
    }
}
