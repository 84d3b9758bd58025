package dev.buildrunner.analysis.quality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sourceforge.pmd.PMDVersion;
import net.sourceforge.pmd.lang.LanguageVersion;
import net.sourceforge.pmd.lang.rule.RuleSet;
import net.sourceforge.pmd.reporting.RuleViolation;

/**
 * Per-method complexity of the Java files from PMD's metrics (seed 002: "complexity analysis"):
 * cyclomatic complexity (McCabe), cognitive complexity (SonarSource) and length in NCSS statements.
 * Every method's metrics are stored (so changing a threshold needs no new analysis); a method above
 * a threshold of {@code complexity} is a medium finding, above twice the threshold a high one.
 */
public final class ComplexityCheck implements FileCheck {
    /** The tool's name. */
    public static final String TOOL = "complexity";
    private static final String METRICS = "method-metrics";
    private static final String METRICS_DOC = "https://docs.pmd-code.org/latest/pmd_java_metrics_index.html";

    private final int threads;

    /** @param threads PMD's analysis threads */
    public ComplexityCheck(int threads) {
        this.threads = threads;
    }

    @Override
    public String tool() {
        return TOOL;
    }

    @Override
    public boolean enabled(QualityStandards standards) {
        return standards.complexity().enabled();
    }

    @Override
    public boolean accepts(String path, QualityStandards standards) {
        return path.endsWith(".java") && !PathGlob.any(standards.complexity().exclude(), path);
    }

    @Override
    public String configuration(CheckContext context) {
        return "complexity pmd " + PMDVersion.VERSION + " metrics 1 java " + context.standards().pmd().javaVersion();
    }

    @Override
    public Map<String, List<Issue>> check(List<FileText> files, CheckContext context) {
        LanguageVersion java = PmdEngine.java(context.standards().pmd().javaVersion());
        if (java == null) {
            throw context.standards().error("pmd.java_version", "PMD " + PMDVersion.VERSION + " does not know Java "
                    + context.standards().pmd().javaVersion());
        }
        PmdEngine.Result result = PmdEngine.run(java, List.of(RuleSet.forSingleRule(new MethodMetricsRule())), files,
                threads);
        Map<String, List<Issue>> out = new LinkedHashMap<>();
        for (FileText f : files) {
            out.put(f.path(), new ArrayList<>());
        }
        for (RuleViolation v : result.report().getViolations()) {
            String[] parts = v.getDescription().split(" ", 4);
            Map<String, String> props = new LinkedHashMap<>();
            props.put("cyclomatic", parts[0]);
            props.put("cognitive", parts[1]);
            props.put("ncss", parts[2]);
            props.put("method", parts[3]);
            out.get(result.path(v.getFileId())).add(new Issue(TOOL, METRICS, QualitySeverity.LOW, v.getBeginLine(),
                    "metrics of " + parts[3], "", "", props));
        }
        return out;
    }

    @Override
    public Map<String, List<Issue>> review(Map<String, List<Issue>> stored, CheckContext context) {
        Map<String, List<Issue>> out = new LinkedHashMap<>();
        stored.forEach((path, metrics) -> out.put(path, findings(metrics, context.standards().complexity())));
        return out;
    }

    private static List<Issue> findings(List<Issue> stored, QualityStandards.ComplexitySettings t) {
        List<Issue> out = new ArrayList<>();
        for (Issue m : stored) {
            String method = m.properties().get("method");
            over(out, m, "cyclomatic", Integer.parseInt(m.properties().get("cyclomatic")), t.cyclomatic(),
                    "cyclomatic complexity",
                    "Cyclomatic complexity (McCabe) of a method: independent paths through it.",
                    METRICS_DOC + "#cyclomatic-complexity-cyclo", method);
            over(out, m, "cognitive", Integer.parseInt(m.properties().get("cognitive")), t.cognitive(),
                    "cognitive complexity", "Cognitive complexity (SonarSource) of a method: how hard it is to follow.",
                    METRICS_DOC + "#cognitive-complexity-cognitive_complexity",
                    method);
            over(out, m, "method-length", Integer.parseInt(m.properties().get("ncss")), t.methodLength(),
                    "length", "Length of a method in NCSS (non-commenting source statements).",
                    METRICS_DOC + "#non-commenting-source-statements-ncss",
                    method);
        }
        return out;
    }

    private static void over(List<Issue> out, Issue metrics, String rule, int value, int threshold, String what,
            String description, String helpUri, String method) {
        if (value <= threshold) {
            return;
        }
        QualitySeverity s = value > 2 * threshold ? QualitySeverity.HIGH : QualitySeverity.MEDIUM;
        Map<String, String> props = new LinkedHashMap<>();
        props.put("method", method);
        props.put("value", String.valueOf(value));
        props.put("threshold", String.valueOf(threshold));
        String unit = rule.equals("method-length") ? " statements" : "";
        out.add(new Issue(TOOL, rule, s, metrics.line(), "method " + method + " has a " + what + " of " + value + unit
                + " (threshold " + threshold + ")", description, helpUri, props));
    }
}
