package dev.buildrunner.analysis.quality;

import dev.buildrunner.analysis.AnalysisConfigException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The quality standards a repository is analysed with: {@code .buildrunner/quality-standards.yaml}
 * merged over the commented default {@code templates/quality-standards.yaml} (which documents every
 * key). Read by {@link StandardsLoader}; immutable.
 *
 * @param source where it was read from (the repository path, or the template's name)
 * @param exclude paths no tool analyses
 * @param gate when the status is success
 * @param score how the score is computed
 * @param rules rule-level adjustments for every tool
 * @param origins for each dotted key, the file and line its value came from (error messages)
 */
public record QualityStandards(String source, List<PathGlob> exclude, Gate gate, Scoring score, RuleAdjustments rules,
        PmdSettings pmd, CheckstyleSettings checkstyle, ComplexitySettings complexity, SpotBugsSettings spotbugs,
        SecretSettings secrets, Map<String, Origin> origins) {
    /** The tools, also the score's categories, in report order. */
    public static final List<String> TOOLS = List.of("pmd", "checkstyle", "complexity", "spotbugs", "secrets");

    public QualityStandards {
        Objects.requireNonNull(source, "source");
        exclude = List.copyOf(exclude);
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(pmd, "pmd");
        Objects.requireNonNull(checkstyle, "checkstyle");
        Objects.requireNonNull(complexity, "complexity");
        Objects.requireNonNull(spotbugs, "spotbugs");
        Objects.requireNonNull(secrets, "secrets");
        origins = Map.copyOf(origins);
    }

    /**
     * An error in the value of a key, located where that value was written (for problems only a
     * tool can find, such as a PMD rule set that does not load).
     *
     * @param key dotted key, as {@code pmd.rulesets[0]}
     */
    public AnalysisConfigException error(String key, String problem) {
        Origin o = origins.getOrDefault(key, new Origin(source, 0));
        return new AnalysisConfigException(o.path(), o.line(), key, problem);
    }

    /** Where a key's value was written: a file and a 1-based line (0 when unknown). */
    public record Origin(String path, int line) {
    }

    /** True when the path is excluded from every tool. */
    public boolean excluded(String path) {
        return PathGlob.any(exclude, path);
    }

    /**
     * The gate: passed when score >= {@code minScore} and critical findings <= {@code maxCritical}
     * and every tool in {@code require} ran.
     */
    public record Gate(int minScore, int maxCritical, List<String> require) {
        public Gate {
            require = List.copyOf(require);
        }
    }

    /**
     * The score's parameters (SonarQube's SQALE technical-debt ratio; see the template).
     *
     * @param devMinutesPerLine development cost of one line of code, minutes
     * @param remediationMinutes minutes to fix one finding, by severity
     * @param categoryWeights per tool, a factor on its findings' minutes
     */
    public record Scoring(double devMinutesPerLine, Map<QualitySeverity, Double> remediationMinutes,
            Map<String, Double> categoryWeights) {
        public Scoring {
            remediationMinutes = Map.copyOf(remediationMinutes);
            categoryWeights = Map.copyOf(categoryWeights);
        }

        /** The weight of a tool's findings; 1 when not configured. */
        public double weight(String tool) {
            return categoryWeights.getOrDefault(tool, 1.0);
        }
    }

    /**
     * @param ignore rule ids ({@code tool/rule}) whose findings are dropped
     * @param severity rule ids whose findings get another severity
     */
    public record RuleAdjustments(Set<String> ignore, Map<String, QualitySeverity> severity) {
        public RuleAdjustments {
            ignore = Set.copyOf(ignore);
            severity = Map.copyOf(severity);
        }
    }

    /**
     * @param javaVersion the Java version PMD parses with ({@code 17}, {@code 21}, ...)
     * @param rulesets PMD rule set references (classpath) or repository paths of rule set files
     */
    public record PmdSettings(boolean enabled, String javaVersion, List<String> rulesets, List<PathGlob> exclude) {
        public PmdSettings {
            rulesets = List.copyOf(rulesets);
            exclude = List.copyOf(exclude);
        }
    }

    /**
     * @param config {@code /sun_checks.xml}, {@code /google_checks.xml} or a repository path
     * @param properties values for {@code ${...}} in the configuration
     */
    public record CheckstyleSettings(boolean enabled, String config, Map<String, String> properties,
            List<PathGlob> exclude) {
        public CheckstyleSettings {
            properties = Map.copyOf(properties);
            exclude = List.copyOf(exclude);
        }

        /** True for the configurations built into Checkstyle (a leading {@code /}). */
        public boolean builtIn() {
            return config.startsWith("/");
        }
    }

    /** Per-method thresholds: cyclomatic and cognitive complexity, and length in NCSS statements. */
    public record ComplexitySettings(boolean enabled, int cyclomatic, int cognitive, int methodLength,
            List<PathGlob> exclude) {
        public ComplexitySettings {
            exclude = List.copyOf(exclude);
        }
    }

    /**
     * @param classes class directories or jars under the work tree
     * @param auxClasspath what the classes need, under the work tree
     * @param build shell command that produces the classes, or {@code ""}
     * @param effort {@code min}, {@code default} or {@code max}
     * @param minConfidence {@code high}, {@code medium} or {@code low}: SpotBugs' priority threshold
     */
    public record SpotBugsSettings(boolean enabled, List<String> classes, List<String> auxClasspath, String build,
            int buildTimeoutSeconds, String effort, String minConfidence) {
        public SpotBugsSettings {
            classes = List.copyOf(classes);
            auxClasspath = List.copyOf(auxClasspath);
        }
    }

    /**
     * @param entropyThreshold bits per character a generic assignment's value must reach
     * @param allowPaths files whose secrets are allowed
     * @param allowRules rule ids ({@code secrets/...}) that are allowed everywhere
     * @param allowValues exact secret values that are allowed (known test values)
     * @param allowFingerprints SHA-256 fingerprints (as findings show them) that are allowed
     */
    public record SecretSettings(boolean enabled, double entropyThreshold, List<PathGlob> allowPaths,
            Set<String> allowRules, Set<String> allowValues, Set<String> allowFingerprints) {
        public SecretSettings {
            allowPaths = List.copyOf(allowPaths);
            allowRules = Set.copyOf(allowRules);
            allowValues = Set.copyOf(allowValues);
            allowFingerprints = Set.copyOf(allowFingerprints);
        }
    }
}
