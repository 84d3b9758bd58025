package dev.buildrunner.analysis.quality;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buildrunner.analysis.AnalysisConfigException;
import dev.buildrunner.analysis.SourceTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@link QualityStandards}: the analysed tree's {@code .buildrunner/quality-standards.yaml}
 * merged over the default {@code templates/quality-standards.yaml} (a classpath resource, packaged
 * from the repository's {@code templates/}), so every key the file leaves out keeps the template's
 * value. Unknown keys and bad values are {@link AnalysisConfigException}s naming the file, the line
 * and the dotted key ({@code .buildrunner/quality-standards.yaml:12: gate.min_score: expected a whole
 * number from 0 to 100, got "high"}). Stateless; thread-safe.
 */
public final class StandardsLoader {
    /** Where a repository keeps its standards. */
    public static final String PATH = ".buildrunner/quality-standards.yaml";
    /** The default, a classpath resource. */
    public static final String TEMPLATE = "templates/quality-standards.yaml";

    private static final Set<String> TOP = Set.of("version", "exclude", "gate", "score", "rules", "pmd",
            "checkstyle", "complexity", "spotbugs", "secrets");

    /** The standards for a tree: its file over the template, or the template alone. */
    public QualityStandards load(SourceTree tree) {
        return load(tree.readText(PATH));
    }

    /** The standards from a file's text over the template, or the template alone when empty. */
    public QualityStandards load(Optional<String> repositoryFile) {
        YamlDocument template = YamlDocument.parse(TEMPLATE, template());
        YamlDocument own = repositoryFile.map(t -> YamlDocument.parse(PATH, t)).orElse(null);
        if (own != null && !own.root().isMissingNode() && !own.root().isNull() && !own.root().isObject()) {
            throw new AnalysisConfigException(PATH, 1, "", "expected a mapping of keys (version, gate, pmd, ...)");
        }
        Reader r = new Reader(own == null ? template.root() : YamlDocument.merge(template.root(), own.root()),
                template, own);
        return r.standards(own == null ? TEMPLATE : PATH);
    }

    private static String template() {
        try (InputStream in = StandardsLoader.class.getClassLoader().getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException(TEMPLATE + " is missing from the classpath (packaged from templates/)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TEMPLATE, e);
        }
    }

    /** The standards' sections, read and checked one by one. */
    private static final class Reader extends YamlValues {
        Reader(JsonNode root, YamlDocument template, YamlDocument own) {
            super(root, template, own);
        }

        QualityStandards standards(String source) {
            keys("", TOP);
            int version = integer("/version", 1, 1);
            assert version == 1;
            return new QualityStandards(source, globs("/exclude"), gate(), scoring(), rules(), pmd(), checkstyle(),
                    complexity(), spotbugs(), secrets(), origins());
        }

        private QualityStandards.Gate gate() {
            keys("/gate", Set.of("min_score", "max_critical", "require"));
            List<String> require = strings("/gate/require");
            for (int i = 0; i < require.size(); i++) {
                tool("/gate/require/" + i, require.get(i));
            }
            return new QualityStandards.Gate(integer("/gate/min_score", 0, 100),
                    integer("/gate/max_critical", 0, Integer.MAX_VALUE), require);
        }

        private QualityStandards.Scoring scoring() {
            keys("/score", Set.of("dev_minutes_per_line", "remediation_minutes", "category_weights"));
            Set<String> severities = new LinkedHashSet<>();
            for (QualitySeverity s : QualitySeverity.values()) {
                severities.add(s.label());
            }
            keys("/score/remediation_minutes", severities);
            Map<QualitySeverity, Double> minutes = new EnumMap<>(QualitySeverity.class);
            for (QualitySeverity s : QualitySeverity.values()) {
                minutes.put(s, decimal("/score/remediation_minutes/" + s.label(), 0, 10_000));
            }
            keys("/score/category_weights", Set.copyOf(QualityStandards.TOOLS));
            Map<String, Double> weights = new LinkedHashMap<>();
            for (String tool : QualityStandards.TOOLS) {
                if (!node("/score/category_weights/" + tool).isMissingNode()) {
                    weights.put(tool, decimal("/score/category_weights/" + tool, 0, 100));
                }
            }
            double perLine = decimal("/score/dev_minutes_per_line", 0.001, 10_000);
            return new QualityStandards.Scoring(perLine, minutes, weights);
        }

        private QualityStandards.RuleAdjustments rules() {
            keys("/rules", Set.of("ignore", "severity"));
            List<String> ignore = strings("/rules/ignore");
            for (int i = 0; i < ignore.size(); i++) {
                ruleId("/rules/ignore/" + i, ignore.get(i));
            }
            Map<String, QualitySeverity> severity = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : stringMap("/rules/severity").entrySet()) {
                String pointer = child("/rules/severity", e.getKey());
                ruleId(pointer, e.getKey());
                severity.put(e.getKey(), QualitySeverity.parse(e.getValue()).orElseThrow(() -> error(pointer,
                        "expected critical, high, medium or low, got \"" + e.getValue() + "\"")));
            }
            return new QualityStandards.RuleAdjustments(Set.copyOf(ignore), severity);
        }

        private QualityStandards.PmdSettings pmd() {
            keys("/pmd", Set.of("enabled", "java_version", "rulesets", "exclude"));
            String version = string("/pmd/java_version");
            if (!version.matches("\\d{1,2}(-preview)?")) {
                throw error("/pmd/java_version", "expected a Java version such as \"17\" or \"21\", got \""
                        + version + "\"");
            }
            List<String> rulesets = strings("/pmd/rulesets");
            for (int i = 0; i < rulesets.size(); i++) {
                if (rulesets.get(i).contains(",")) {
                    throw error("/pmd/rulesets/" + i, "one rule set per entry, got \"" + rulesets.get(i) + "\"");
                }
                if (!rulesets.get(i).startsWith("category/") && !rulesets.get(i).startsWith("rulesets/")) {
                    repositoryPath("/pmd/rulesets/" + i, rulesets.get(i));
                }
            }
            return new QualityStandards.PmdSettings(bool("/pmd/enabled"), version, rulesets, globs("/pmd/exclude"));
        }

        private QualityStandards.CheckstyleSettings checkstyle() {
            keys("/checkstyle", Set.of("enabled", "config", "properties", "exclude"));
            String config = string("/checkstyle/config");
            if (config.startsWith("/") && !config.equals("/sun_checks.xml") && !config.equals("/google_checks.xml")) {
                throw error("/checkstyle/config",
                        "expected /sun_checks.xml, /google_checks.xml or a repository path, got \"" + config + "\"");
            }
            if (!config.startsWith("/")) {
                repositoryPath("/checkstyle/config", config);
            }
            return new QualityStandards.CheckstyleSettings(bool("/checkstyle/enabled"), config,
                    stringMap("/checkstyle/properties"), globs("/checkstyle/exclude"));
        }

        private QualityStandards.ComplexitySettings complexity() {
            keys("/complexity", Set.of("enabled", "cyclomatic", "cognitive", "method_length", "exclude"));
            return new QualityStandards.ComplexitySettings(bool("/complexity/enabled"),
                    integer("/complexity/cyclomatic", 1, 10_000), integer("/complexity/cognitive", 1, 10_000),
                    integer("/complexity/method_length", 1, 100_000), globs("/complexity/exclude"));
        }

        private QualityStandards.SpotBugsSettings spotbugs() {
            keys("/spotbugs", Set.of("enabled", "classes", "aux_classpath", "build", "build_timeout_seconds", "effort",
                    "min_confidence"));
            List<String> classes = strings("/spotbugs/classes");
            for (int i = 0; i < classes.size(); i++) {
                repositoryPath("/spotbugs/classes/" + i, classes.get(i));
            }
            List<String> aux = strings("/spotbugs/aux_classpath");
            for (int i = 0; i < aux.size(); i++) {
                repositoryPath("/spotbugs/aux_classpath/" + i, aux.get(i));
            }
            String effort = oneOf("/spotbugs/effort", Set.of("min", "default", "max"));
            String confidence = oneOf("/spotbugs/min_confidence", Set.of("high", "medium", "low"));
            return new QualityStandards.SpotBugsSettings(bool("/spotbugs/enabled"), classes, aux,
                    string("/spotbugs/build"), integer("/spotbugs/build_timeout_seconds", 1, 86_400), effort,
                    confidence);
        }

        private QualityStandards.SecretSettings secrets() {
            keys("/secrets", Set.of("enabled", "entropy_threshold", "allow"));
            keys("/secrets/allow", Set.of("paths", "rules", "values", "fingerprints"));
            List<String> rules = strings("/secrets/allow/rules");
            for (int i = 0; i < rules.size(); i++) {
                if (!rules.get(i).startsWith("secrets/")) {
                    throw error("/secrets/allow/rules/" + i,
                            "expected a secrets rule id such as secrets/generic-secret, got \""
                            + rules.get(i) + "\"");
                }
            }
            List<String> fingerprints = strings("/secrets/allow/fingerprints");
            for (int i = 0; i < fingerprints.size(); i++) {
                if (!fingerprints.get(i).matches("[0-9a-f]{64}")) {
                    throw error("/secrets/allow/fingerprints/" + i,
                            "expected 64 lower-case hex digits (a SHA-256 as findings show it)");
                }
            }
            return new QualityStandards.SecretSettings(bool("/secrets/enabled"),
                    decimal("/secrets/entropy_threshold", 0, 8), globs("/secrets/allow/paths"), Set.copyOf(rules),
                    Set.copyOf(strings("/secrets/allow/values")), Set.copyOf(fingerprints));
        }

        private void tool(String pointer, String name) {
            if (!QualityStandards.TOOLS.contains(name)) {
                throw error(pointer, "expected one of " + QualityStandards.TOOLS + ", got \"" + name + "\"");
            }
        }

        private void ruleId(String pointer, String id) {
            int slash = id.indexOf('/');
            if (slash <= 0 || slash == id.length() - 1 || !QualityStandards.TOOLS.contains(id.substring(0, slash))) {
                throw error(pointer, "expected a rule id tool/rule with a tool of " + QualityStandards.TOOLS
                        + ", got \"" + id + "\"");
            }
        }
    }
}
