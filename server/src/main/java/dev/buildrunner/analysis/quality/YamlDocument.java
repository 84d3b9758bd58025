package dev.buildrunner.analysis.quality;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.buildrunner.analysis.AnalysisConfigException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * A YAML file parsed into a Jackson tree, with the line of every key and list item, so that a bad
 * value can be reported as {@code file:line: key: problem}. Keys are addressed by JSON pointer
 * ({@code /gate/min_score}, {@code /exclude/2}). Duplicate keys are an error (Jackson's strict
 * duplicate detection), as silently keeping the last one would hide a mistake.
 *
 * @param path the repository-relative path (or resource name) the text came from
 * @param root the parsed tree ({@link MissingNode} for an empty document)
 * @param lines 1-based line of each pointer's key or item
 */
record YamlDocument(String path, JsonNode root, Map<String, Integer> lines) {
    private static final ObjectMapper YAML = new ObjectMapper(
            YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    YamlDocument {
        lines = Map.copyOf(lines);
    }

    /**
     * Parses YAML text.
     *
     * @throws AnalysisConfigException for a syntax error or a duplicate key, naming the line
     */
    static YamlDocument parse(String path, String text) {
        try {
            JsonNode root = YAML.readTree(text);
            return new YamlDocument(path, root == null ? MissingNode.getInstance() : root, lines(text));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String problem = e.getOriginalMessage().lines().findFirst().orElse("not valid YAML").strip();
            throw new AnalysisConfigException(path, at == null ? 0 : Math.max(0, at.getLineNr()), "",
                    "not valid YAML: " + problem);
        } catch (IOException e) {
            throw new AnalysisConfigException(path, 0, "", "cannot be read: " + e.getMessage());
        }
    }

    /** The line of every key and list item, by JSON pointer, from the parser's token locations. */
    private static Map<String, Integer> lines(String text) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        Deque<Frame> stack = new ArrayDeque<>();
        try (JsonParser p = YAML.getFactory().createParser(text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                int line = p.currentTokenLocation().getLineNr();
                Frame top = stack.peek();
                if (t == JsonToken.FIELD_NAME) {
                    top.field = p.currentName();
                    lines.put(top.pointer + "/" + escape(top.field), line);
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    stack.pop();
                } else {
                    String pointer = top == null ? "" : top.child();
                    if (top != null && top.array) {
                        lines.put(pointer, line);
                    }
                    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                        stack.push(new Frame(pointer, t == JsonToken.START_ARRAY));
                    }
                }
            }
        }
        return lines;
    }

    /** An open mapping or list while reading tokens: its pointer and where in it the reader is. */
    private static final class Frame {
        private final String pointer;
        private final boolean array;
        private int index;
        private String field;

        Frame(String pointer, boolean array) {
            this.pointer = pointer;
            this.array = array;
        }

        /** The pointer of the value that comes next: the next list index, or the last key read. */
        String child() {
            return array ? pointer + "/" + index++ : pointer + "/" + escape(field);
        }
    }

    /** The 1-based line of a pointer's key, or 0 when it has none in this file. */
    int line(String pointer) {
        return lines.getOrDefault(pointer, 0);
    }

    /**
     * A tree in which {@code over}'s values replace {@code base}'s: objects are merged key by key,
     * everything else (lists included) is replaced whole.
     */
    static JsonNode merge(JsonNode base, JsonNode over) {
        if (over == null || over.isMissingNode() || over.isNull()) {
            return base.deepCopy();
        }
        if (!base.isObject() || !over.isObject()) {
            return over.deepCopy();
        }
        ObjectNode merged = ((ObjectNode) base).deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = over.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode old = merged.get(e.getKey());
            merged.set(e.getKey(), old == null ? e.getValue().deepCopy() : merge(old, e.getValue()));
        }
        return merged;
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
