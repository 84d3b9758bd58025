package dev.buildrunner.analysis.quality;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buildrunner.analysis.AnalysisConfigException;
import dev.buildrunner.analysis.SourceTree;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
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

    /** Typed reads from the merged tree, each error located in the file the value came from. */
    private static final class Reader {
        private final JsonNode root;
        private final YamlDocument template;
        private final YamlDocument own;

        Reader(JsonNode root, YamlDocument template, YamlDocument own) {
            this.root = root;
            this.template = template;
            this.own = own;
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
                throw error("/pmd/java_version", "expected a Java version such as \"17\" or \"21\", got \"" + version + "\"");
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
                    string("/spotbugs/build"), integer("/spotbugs/build_timeout_seconds", 1, 86_400), effort, confidence);
        }

        private QualityStandards.SecretSettings secrets() {
            keys("/secrets", Set.of("enabled", "entropy_threshold", "allow"));
            keys("/secrets/allow", Set.of("paths", "rules", "values", "fingerprints"));
            List<String> rules = strings("/secrets/allow/rules");
            for (int i = 0; i < rules.size(); i++) {
                if (!rules.get(i).startsWith("secrets/")) {
                    throw error("/secrets/allow/rules/" + i, "expected a secrets rule id such as secrets/generic-secret, got \""
                            + rules.get(i) + "\"");
                }
            }
            List<String> fingerprints = strings("/secrets/allow/fingerprints");
            for (int i = 0; i < fingerprints.size(); i++) {
                if (!fingerprints.get(i).matches("[0-9a-f]{64}")) {
                    throw error("/secrets/allow/fingerprints/" + i, "expected 64 lower-case hex digits (a SHA-256 as findings show it)");
                }
            }
            return new QualityStandards.SecretSettings(bool("/secrets/enabled"),
                    decimal("/secrets/entropy_threshold", 0, 8), globs("/secrets/allow/paths"), Set.copyOf(rules),
                    Set.copyOf(strings("/secrets/allow/values")), Set.copyOf(fingerprints));
        }

        /** Dotted key -> file and line, the repository's file winning over the template. */
        private Map<String, QualityStandards.Origin> origins() {
            Map<String, QualityStandards.Origin> out = new java.util.HashMap<>();
            for (YamlDocument doc : own == null ? List.of(template) : List.of(template, own)) {
                doc.lines().forEach((pointer, line) -> out.put(dotted(pointer), new QualityStandards.Origin(doc.path(), line)));
            }
            return out;
        }

        // ---- typed reads ----

        private JsonNode node(String pointer) {
            return pointer.isEmpty() ? root : root.at(pointer);
        }

        private void keys(String pointer, Set<String> allowed) {
            JsonNode n = node(pointer);
            if (n.isMissingNode() || n.isNull()) {
                return;
            }
            if (!n.isObject()) {
                throw error(pointer, "expected a mapping of keys, got " + describe(n));
            }
            for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
                String k = it.next();
                if (!allowed.contains(k)) {
                    throw error(child(pointer, k), "unknown key; expected one of " + new java.util.TreeSet<>(allowed));
                }
            }
        }

        private int integer(String pointer, int min, int max) {
            JsonNode n = required(pointer);
            if (!n.isIntegralNumber() || n.asLong() < min || n.asLong() > max) {
                throw error(pointer, "expected a whole number from " + min + " to "
                        + (max == Integer.MAX_VALUE ? "any" : String.valueOf(max)) + ", got " + describe(n));
            }
            return n.asInt();
        }

        private double decimal(String pointer, double min, double max) {
            JsonNode n = required(pointer);
            if (!n.isNumber() || n.asDouble() < min || n.asDouble() > max) {
                throw error(pointer, "expected a number from " + trim(min) + " to " + trim(max) + ", got " + describe(n));
            }
            return n.asDouble();
        }

        private boolean bool(String pointer) {
            JsonNode n = required(pointer);
            if (!n.isBoolean()) {
                throw error(pointer, "expected true or false, got " + describe(n));
            }
            return n.asBoolean();
        }

        private String string(String pointer) {
            JsonNode n = required(pointer);
            if (!n.isValueNode() || n.isNull()) {
                throw error(pointer, "expected a text value, got " + describe(n));
            }
            return n.asText();
        }

        private String oneOf(String pointer, Set<String> allowed) {
            String v = string(pointer);
            if (!allowed.contains(v)) {
                throw error(pointer, "expected one of " + new java.util.TreeSet<>(allowed) + ", got \"" + v + "\"");
            }
            return v;
        }

        private List<String> strings(String pointer) {
            JsonNode n = node(pointer);
            if (n.isMissingNode() || n.isNull()) {
                return List.of();
            }
            if (!n.isArray()) {
                throw error(pointer, "expected a list, got " + describe(n));
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < n.size(); i++) {
                JsonNode item = n.get(i);
                if (!item.isValueNode() || item.isNull() || item.asText().isBlank()) {
                    throw error(pointer + "/" + i, "expected a non-empty text value, got " + describe(item));
                }
                out.add(item.asText());
            }
            return out;
        }

        private Map<String, String> stringMap(String pointer) {
            JsonNode n = node(pointer);
            if (n.isMissingNode() || n.isNull()) {
                return Map.of();
            }
            if (!n.isObject()) {
                throw error(pointer, "expected a mapping, got " + describe(n));
            }
            Map<String, String> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                    throw error(child(pointer, e.getKey()), "expected a text value, got " + describe(e.getValue()));
                }
                out.put(e.getKey(), e.getValue().asText());
            }
            return out;
        }

        private List<PathGlob> globs(String pointer) {
            List<String> raw = strings(pointer);
            List<PathGlob> out = new ArrayList<>();
            for (int i = 0; i < raw.size(); i++) {
                try {
                    out.add(PathGlob.of(raw.get(i)));
                } catch (IllegalArgumentException e) {
                    throw error(pointer + "/" + i, e.getMessage());
                }
            }
            return out;
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

        private void repositoryPath(String pointer, String path) {
            if (path.startsWith("/") || path.contains("\\") || path.matches("[A-Za-z]:.*")
                    || List.of(path.split("/")).contains("..")) {
                throw error(pointer, "expected a path inside the repository (relative, no '..'), got \"" + path + "\"");
            }
        }

        private JsonNode required(String pointer) {
            JsonNode n = node(pointer);
            if (n.isMissingNode() || n.isNull()) {
                throw error(pointer, "a value is required");
            }
            return n;
        }

        /** The error at a pointer, located in the repository's file when the value came from it. */
        private AnalysisConfigException error(String pointer, String problem) {
            YamlDocument doc = own != null && located(own, pointer) ? own : template;
            return new AnalysisConfigException(doc.path(), nearestLine(doc, pointer), dotted(pointer), problem);
        }

        private static boolean located(YamlDocument doc, String pointer) {
            return nearestLine(doc, pointer) > 0;
        }

        private static int nearestLine(YamlDocument doc, String pointer) {
            String p = pointer;
            while (!p.isEmpty()) {
                int line = doc.line(p);
                if (line > 0) {
                    return line;
                }
                p = p.substring(0, p.lastIndexOf('/'));
            }
            return 0;
        }

        private static String child(String pointer, String key) {
            return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
        }

        private static String dotted(String pointer) {
            StringBuilder b = new StringBuilder();
            for (String part : pointer.substring(Math.min(1, pointer.length())).split("/")) {
                if (part.isEmpty()) {
                    continue;
                }
                String key = part.replace("~1", "/").replace("~0", "~");
                if (key.matches("\\d+") && b.length() > 0) {
                    b.append('[').append(key).append(']');
                } else {
                    b.append(b.length() > 0 ? "." : "").append(key);
                }
            }
            return b.toString();
        }

        private static String describe(JsonNode n) {
            if (n == null || n.isMissingNode() || n.isNull()) {
                return "nothing";
            }
            if (n.isObject()) {
                return "a mapping";
            }
            if (n.isArray()) {
                return "a list";
            }
            return n.isTextual() ? "\"" + n.asText() + "\"" : n.asText();
        }

        private static String trim(double d) {
            return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
        }
    }
}
