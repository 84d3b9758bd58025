package dev.buildrunner.analysis.quality;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buildrunner.analysis.AnalysisConfigException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads from a merged YAML tree (a repository's file over its template), each failure an
 * {@link AnalysisConfigException} located in the file the value came from, with its line and dotted
 * key ({@code gate.min_score}, {@code exclude[2]}). Pointers are JSON pointers into the merged tree.
 */
class YamlValues {
    private final JsonNode root;
    private final YamlDocument template;
    private final YamlDocument own;

    /**
     * @param root the merged tree
     * @param template the defaults' document
     * @param own the repository's document, or null when it has none
     */
    YamlValues(JsonNode root, YamlDocument template, YamlDocument own) {
        this.root = root;
        this.template = template;
        this.own = own;
    }

    /** Dotted key -> file and line, the repository's file winning over the template. */
    Map<String, QualityStandards.Origin> origins() {
        Map<String, QualityStandards.Origin> out = new java.util.HashMap<>();
        for (YamlDocument doc : own == null ? List.of(template) : List.of(template, own)) {
            doc.lines().forEach((pointer, line) -> out.put(dotted(pointer),
                    new QualityStandards.Origin(doc.path(), line)));
        }
        return out;
    }

    // ---- typed reads ----

    JsonNode node(String pointer) {
        return pointer.isEmpty() ? root : root.at(pointer);
    }

    void keys(String pointer, Set<String> allowed) {
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

    int integer(String pointer, int min, int max) {
        JsonNode n = required(pointer);
        if (!n.isIntegralNumber() || n.asLong() < min || n.asLong() > max) {
            throw error(pointer, "expected a whole number from " + min + " to "
                    + (max == Integer.MAX_VALUE ? "any" : String.valueOf(max)) + ", got " + describe(n));
        }
        return n.asInt();
    }

    double decimal(String pointer, double min, double max) {
        JsonNode n = required(pointer);
        if (!n.isNumber() || n.asDouble() < min || n.asDouble() > max) {
            throw error(pointer, "expected a number from " + trim(min) + " to " + trim(max) + ", got " + describe(n));
        }
        return n.asDouble();
    }

    boolean bool(String pointer) {
        JsonNode n = required(pointer);
        if (!n.isBoolean()) {
            throw error(pointer, "expected true or false, got " + describe(n));
        }
        return n.asBoolean();
    }

    String string(String pointer) {
        JsonNode n = required(pointer);
        if (!n.isValueNode() || n.isNull()) {
            throw error(pointer, "expected a text value, got " + describe(n));
        }
        return n.asText();
    }

    String oneOf(String pointer, Set<String> allowed) {
        String v = string(pointer);
        if (!allowed.contains(v)) {
            throw error(pointer, "expected one of " + new java.util.TreeSet<>(allowed) + ", got \"" + v + "\"");
        }
        return v;
    }

    List<String> strings(String pointer) {
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

    Map<String, String> stringMap(String pointer) {
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

    List<PathGlob> globs(String pointer) {
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

    void repositoryPath(String pointer, String path) {
        if (path.startsWith("/") || path.contains("\\") || path.matches("[A-Za-z]:.*")
                || List.of(path.split("/")).contains("..")) {
            throw error(pointer, "expected a path inside the repository (relative, no '..'), got \"" + path + "\"");
        }
    }

    JsonNode required(String pointer) {
        JsonNode n = node(pointer);
        if (n.isMissingNode() || n.isNull()) {
            throw error(pointer, "a value is required");
        }
        return n;
    }

    /** The error at a pointer, located in the repository's file when the value came from it. */
    AnalysisConfigException error(String pointer, String problem) {
        YamlDocument doc = own != null && located(own, pointer) ? own : template;
        return new AnalysisConfigException(doc.path(), nearestLine(doc, pointer), dotted(pointer), problem);
    }

    static boolean located(YamlDocument doc, String pointer) {
        return nearestLine(doc, pointer) > 0;
    }

    static int nearestLine(YamlDocument doc, String pointer) {
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

    static String child(String pointer, String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    static String dotted(String pointer) {
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

    static String describe(JsonNode n) {
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

    static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
