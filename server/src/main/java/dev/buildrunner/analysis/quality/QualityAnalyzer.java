package dev.buildrunner.analysis.quality;

import dev.buildrunner.analysis.AnalysisInput;
import dev.buildrunner.analysis.Analyser;
import dev.buildrunner.analysis.Finding;
import dev.buildrunner.analysis.RuleDescriptor;
import dev.buildrunner.analysis.SourceFile;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The code quality analyser (issue 5, seed 002 "Code Quality System"): PMD, Checkstyle, complexity
 * metrics and the secret scanner per file, incrementally (see {@link IncrementalChecks}), and
 * SpotBugs with find-sec-bugs on compiled classes when there are some; findings on one severity
 * scale, a score 0-100 with its breakdown ({@link ScoreBreakdown}) and the gate of
 * {@code .buildrunner/quality-standards.yaml}. Thread-safe: a run's state lives in the call
 * (SpotBugs runs are serialised by {@link SpotBugsEngine}).
 */
public final class QualityAnalyzer implements Analyser<QualityReport> {
    /** The analyser's name: also the status context suffix, {@code buildrunner/quality}. */
    public static final String NAME = "quality";
    private static final int SUMMARY_MAX = 140;

    private final StandardsLoader loader;
    private final List<FileCheck> checks;
    private final SpotBugsCheck spotbugs;

    /**
     * @param loader reads the standards from the analysed tree
     * @param checks the per-file tools, run in this order
     * @param spotbugs the whole-program tool
     */
    public QualityAnalyzer(StandardsLoader loader, List<FileCheck> checks, SpotBugsCheck spotbugs) {
        this.loader = Objects.requireNonNull(loader, "loader");
        this.checks = List.copyOf(checks);
        this.spotbugs = Objects.requireNonNull(spotbugs, "spotbugs");
    }

    /**
     * The standard composition: PMD, Checkstyle, complexity and secrets, with PMD on every core,
     * and SpotBugs.
     *
     * @param allowBuild whether {@code spotbugs.build} may run (the CLI's {@code --build}; false on the server)
     */
    public static QualityAnalyzer standard(boolean allowBuild) {
        int cores = Runtime.getRuntime().availableProcessors();
        return new QualityAnalyzer(new StandardsLoader(),
                List.of(new PmdCheck(cores), new CheckstyleCheck(), new ComplexityCheck(cores), new SecretCheck()),
                new SpotBugsCheck(new SpotBugsEngine(), allowBuild));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public QualityReport analyze(AnalysisInput input) {
        QualityStandards standards = loader.load(input.tree());
        List<SourceFile> files = input.tree().files().stream().filter(f -> !standards.excluded(f.path())).toList();
        CheckContext context = new CheckContext(standards, input.tree());
        Map<String, ToolStatus> statuses = new LinkedHashMap<>();
        Map<String, List<Issue>> byPath = new LinkedHashMap<>();
        IncrementalChecks incremental = new IncrementalChecks(input.cache());
        for (FileCheck check : checks) {
            IncrementalChecks.Outcome o = check.enabled(standards) ? incremental.run(check, files, context)
                    : new IncrementalChecks.Outcome(new ToolStatus(check.tool(), ToolStatus.State.DISABLED,
                            "disabled in " + standards.source(), 0, 0, 0, 0), Map.of());
            collect(o, statuses, byPath);
        }
        collect(spotbugs.run(standards, input.workDir(), files, input.cache()), statuses, byPath);

        Findings found = Findings.of(byPath, standards.rules());
        List<ToolStatus> tools = QualityStandards.TOOLS.stream().filter(statuses::containsKey)
                .map(t -> statuses.get(t).withFindings(found.perTool().getOrDefault(t, 0))).toList();
        ScoreBreakdown breakdown = ScoreBreakdown.of(found.issues(), linesOfCode(files, context, input),
                standards.score());
        GateResult gate = GateResult.of(standards.gate(), breakdown.score(), found.severities(), tools);
        boolean skipped = tools.stream().noneMatch(t -> t.state() == ToolStatus.State.RAN);
        return new QualityReport(NAME, input.tree().revision(), !skipped && gate.passed(), skipped,
                summary(breakdown.score(), gate, skipped, tools), breakdown.score(), gate, breakdown, tools,
                standards.source(), found.findings(), found.rules());
    }

    private static void collect(IncrementalChecks.Outcome o, Map<String, ToolStatus> statuses,
            Map<String, List<Issue>> byPath) {
        statuses.put(o.status().tool(), o.status());
        o.issues().forEach((p, is) -> byPath.computeIfAbsent(p, k -> new ArrayList<>()).addAll(is));
    }

    /**
     * The issues of every tool after the standards' rule adjustments, as findings sorted by path,
     * line and rule, with their rule table and counts.
     */
    private record Findings(List<Issue> issues, List<Finding> findings, List<RuleDescriptor> rules,
            Map<String, Integer> perTool, Map<String, Integer> severities) {
        static Findings of(Map<String, List<Issue>> byPath, QualityStandards.RuleAdjustments adjustments) {
            List<Issue> kept = new ArrayList<>();
            List<Finding> findings = new ArrayList<>();
            Map<String, RuleDescriptor> rules = new LinkedHashMap<>();
            Map<String, Integer> perTool = new LinkedHashMap<>();
            byPath.forEach((path, issues) -> {
                for (Issue raw : issues) {
                    if (adjustments.ignore().contains(raw.ruleId())) {
                        continue;
                    }
                    QualitySeverity override = adjustments.severity().get(raw.ruleId());
                    Issue issue = override == null ? raw : raw.withSeverity(override);
                    kept.add(issue);
                    perTool.merge(issue.tool(), 1, Integer::sum);
                    findings.add(finding(path, issue));
                    rules.putIfAbsent(issue.ruleId(), new RuleDescriptor(issue.ruleId(),
                            issue.ruleDescription().isEmpty() ? issue.ruleId() : issue.ruleDescription(),
                            uri(issue.helpUri())));
                }
            });
            findings.sort(Comparator.comparing(Finding::path).thenComparingInt(Finding::line)
                    .thenComparing(Finding::ruleId).thenComparing(Finding::message));
            Map<String, Integer> severities = new LinkedHashMap<>();
            for (QualitySeverity s : QualitySeverity.values()) {
                severities.put(s.label(), (int) kept.stream().filter(i -> i.severity() == s).count());
            }
            return new Findings(kept, findings, List.copyOf(rules.values()), perTool, severities);
        }
    }

    private int linesOfCode(List<SourceFile> files, CheckContext context, AnalysisInput input) {
        QualityStandards standards = context.standards();
        List<SourceFile> code = files.stream().filter(f -> checks.stream().anyMatch(c -> !(c instanceof SecretCheck)
                && c.enabled(standards) && c.accepts(f.path(), standards))).toList();
        if (code.isEmpty()) {
            code = files.stream().filter(f -> checks.stream().anyMatch(c -> c.enabled(standards)
                    && c.accepts(f.path(), standards))).toList();
        }
        return CodeSize.lines(code, input.tree(), input.cache());
    }

    private static Finding finding(String path, Issue issue) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("severity", issue.severity().label());
        props.put("tool", issue.tool());
        props.putAll(issue.properties());
        return new Finding(issue.ruleId(), issue.severity().level(), issue.message(), path, issue.line(), "", props);
    }

    /** The help URI if it is an absolute URI SARIF can hold, else {@code ""}. */
    private static String uri(String helpUri) {
        try {
            return !helpUri.isEmpty() && URI.create(helpUri).isAbsolute() ? helpUri : "";
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /**
     * {@code score 87/100 (gate 70): passed; 0 critical, 12 high; spotbugs skipped: no classes}: tools
     * that failed, then tools that were skipped, with their reasons, then the disabled ones.
     */
    static String summary(int score, GateResult gate, boolean skipped, List<ToolStatus> tools) {
        StringBuilder b = new StringBuilder();
        if (skipped) {
            b.append("skipped: no tool ran");
        } else {
            b.append("score ").append(score).append("/100 (gate ").append(gate.minScore()).append("): ")
                    .append(gate.passed() ? "passed" : "failed").append("; ")
                    .append(gate.severities().getOrDefault("critical", 0)).append(" critical, ")
                    .append(gate.severities().getOrDefault("high", 0)).append(" high");
        }
        for (ToolStatus.State state : List.of(ToolStatus.State.FAILED, ToolStatus.State.SKIPPED)) {
            for (ToolStatus t : tools) {
                if (t.state() == state) {
                    b.append("; ").append(t.tool()).append(' ').append(state.name().toLowerCase(Locale.ROOT));
                    b.append(t.reason().isEmpty() ? "" : ": " + t.reason());
                }
            }
        }
        List<String> disabled = tools.stream().filter(t -> t.state() == ToolStatus.State.DISABLED)
                .map(ToolStatus::tool).toList();
        if (!disabled.isEmpty()) {
            b.append("; off: ").append(String.join(", ", disabled));
        }
        return b.length() <= SUMMARY_MAX ? b.toString() : b.substring(0, SUMMARY_MAX - 3) + "...";
    }
}
