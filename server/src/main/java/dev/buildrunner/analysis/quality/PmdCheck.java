package dev.buildrunner.analysis.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.sourceforge.pmd.PMDVersion;
import net.sourceforge.pmd.lang.LanguageVersion;
import net.sourceforge.pmd.lang.rule.Rule;
import net.sourceforge.pmd.lang.rule.RuleSet;
import net.sourceforge.pmd.lang.rule.RuleSetLoadException;
import net.sourceforge.pmd.lang.rule.RuleSetLoader;
import net.sourceforge.pmd.reporting.Report;
import net.sourceforge.pmd.reporting.RuleViolation;

/**
 * PMD 7 on the Java files, in process, with the rule sets of {@code pmd.rulesets} (PMD classpath
 * references such as {@code rulesets/java/quickstart.xml}, or rule set XML files in the repository).
 * Severity from the rule's priority (PMD's 1-5 scale): 1-2 high, 3 medium, 4-5 low. A file PMD
 * cannot parse is a medium {@code pmd/ProcessingError} finding on that file.
 */
public final class PmdCheck implements FileCheck {
    /** The tool's name. */
    public static final String TOOL = "pmd";
    private static final String RULE_DOCS = "https://docs.pmd-code.org/pmd-doc-" + PMDVersion.VERSION + "/";

    private final int threads;

    /** @param threads PMD's analysis threads (the machine's cores is a good value) */
    public PmdCheck(int threads) {
        this.threads = threads;
    }

    @Override
    public String tool() {
        return TOOL;
    }

    @Override
    public boolean enabled(QualityStandards standards) {
        return standards.pmd().enabled();
    }

    @Override
    public boolean accepts(String path, QualityStandards standards) {
        return path.endsWith(".java") && !PathGlob.any(standards.pmd().exclude(), path);
    }

    @Override
    public String configuration(CheckContext context) {
        QualityStandards.PmdSettings pmd = context.standards().pmd();
        StringBuilder b = new StringBuilder("pmd ").append(PMDVersion.VERSION).append(" check 1 java ")
                .append(pmd.javaVersion());
        for (String ref : pmd.rulesets()) {
            b.append('\n').append(ref);
            if (!isClasspathReference(ref)) {
                b.append('\n').append(context.tree().readText(ref).orElse(""));
            }
        }
        return b.toString();
    }

    @Override
    public Map<String, List<Issue>> check(List<FileText> files, CheckContext context) {
        QualityStandards standards = context.standards();
        LanguageVersion java = PmdEngine.java(standards.pmd().javaVersion());
        if (java == null) {
            throw standards.error("pmd.java_version", "PMD " + PMDVersion.VERSION + " does not know Java "
                    + standards.pmd().javaVersion());
        }
        List<RuleSet> ruleSets = ruleSets(context);
        PmdEngine.Result result = PmdEngine.run(java, ruleSets, files, threads);
        Map<String, List<Issue>> out = new LinkedHashMap<>();
        for (FileText f : files) {
            out.put(f.path(), new ArrayList<>());
        }
        for (RuleViolation v : result.report().getViolations()) {
            Rule rule = v.getRule();
            Map<String, String> props = new LinkedHashMap<>();
            props.put("category", categoryOf(rule));
            QualitySeverity severity = severity(rule.getPriority().getPriority());
            out.get(result.path(v.getFileId())).add(new Issue(TOOL, rule.getName(), severity,
                    Math.max(0, v.getBeginLine()), v.getDescription(), PmdEngine.firstSentence(rule.getDescription()),
                    rule.getExternalInfoUrl(), props));
        }
        for (Report.ProcessingError e : result.report().getProcessingErrors()) {
            out.get(result.path(e.getFileId())).add(new Issue(TOOL, "ProcessingError", QualitySeverity.MEDIUM, 0,
                    "PMD could not analyse this file: " + firstLine(e.getMsg()),
                    "PMD could not parse or analyse the file.", RULE_DOCS, Map.of()));
        }
        return out;
    }

    /** Severity of a PMD priority (1 highest .. 5 lowest). */
    static QualitySeverity severity(int priority) {
        if (priority <= 2) {
            return QualitySeverity.HIGH;
        }
        return priority == 3 ? QualitySeverity.MEDIUM : QualitySeverity.LOW;
    }

    private List<RuleSet> ruleSets(CheckContext context) {
        QualityStandards standards = context.standards();
        RuleSetLoader loader = new RuleSetLoader().warnDeprecated(false);
        List<RuleSet> out = new ArrayList<>();
        List<String> refs = standards.pmd().rulesets();
        Map<String, Boolean> seen = new HashMap<>();
        for (int i = 0; i < refs.size(); i++) {
            String ref = refs.get(i);
            if (seen.put(ref, true) != null) {
                continue;
            }
            try {
                if (isClasspathReference(ref)) {
                    out.add(loader.loadFromResource(ref));
                } else {
                    String key = "pmd.rulesets[" + i + "]";
                    String xml = context.tree().readText(ref).orElseThrow(() -> standards.error(key,
                            "no such rule set file in the analysed tree: " + ref));
                    out.add(loader.loadFromString(ref, xml));
                }
            } catch (RuleSetLoadException | IllegalArgumentException e) {
                throw standards.error("pmd.rulesets[" + i + "]", "cannot load the PMD rule set \"" + ref + "\": "
                        + firstLine(e.getMessage()));
            }
        }
        return out;
    }

    private static boolean isClasspathReference(String ref) {
        return ref.startsWith("category/") || ref.startsWith("rulesets/");
    }

    private static String categoryOf(Rule rule) {
        String name = rule.getRuleSetName();
        return name == null ? "" : name.toLowerCase(java.util.Locale.ROOT).replace(" ", "");
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("").strip();
    }
}
