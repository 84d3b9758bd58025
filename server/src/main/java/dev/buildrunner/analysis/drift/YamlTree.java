package dev.buildrunner.analysis.drift;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.buildrunner.analysis.AnalysisConfigException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML document as a tree whose every node knows its 1-based line, read with Jackson's YAML
 * streaming parser ({@link JsonParser#currentTokenLocation()}), so that a configuration error can
 * name the line of the key at fault. A key given twice in one mapping is an error (YAML 1.2
 * requires unique keys; Jackson's tree model would silently keep the last).
 */
final class YamlTree {
    /** A node of the tree. */
    sealed interface Node permits MapNode, ListNode, ScalarNode {
        /** 1-based line where the node starts. */
        int line();
    }

    /** A mapping: keys in document order, each with the line of the key. */
    record MapNode(Map<String, Entry> entries, int line) implements Node {
        MapNode {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }
    }

    /** One key of a mapping, its line and its value. */
    record Entry(String key, int line, Node value) {
    }

    /** A sequence. */
    record ListNode(List<Node> items, int line) implements Node {
        ListNode {
            items = List.copyOf(items);
        }
    }

    /**
     * A scalar.
     *
     * @param text its text as written ({@code ""} for null)
     * @param isString true for a string (quoted or plain), false for numbers, booleans and null
     */
    record ScalarNode(String text, boolean isString, int line) implements Node {
    }

    private YamlTree() {
    }

    /**
     * Parses one YAML document.
     *
     * @param path the file's repository path, for messages
     * @return the root node, or null for an empty document
     * @throws AnalysisConfigException when the text is not YAML, or a mapping repeats a key, naming
     *     the line
     */
    static Node parse(String path, String text) {
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return null;
            }
            Node root = read(path, p);
            if (p.nextToken() != null) {
                throw new AnalysisConfigException(path, line(p), "", "one YAML document expected, found a second");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String problem = e.getOriginalMessage().lines().findFirst().orElse("not valid YAML");
            throw new AnalysisConfigException(path, at == null ? 0 : Math.max(0, at.getLineNr()), "",
                    "not valid YAML: " + problem);
        } catch (IOException e) {
            throw new AnalysisConfigException(path, 0, "", "cannot read: " + e.getMessage());
        }
    }

    private static Node read(String path, JsonParser p) throws IOException {
        int line = line(p);
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Entry> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    int keyLine = line(p);
                    if (entries.containsKey(key)) {
                        throw new AnalysisConfigException(path, keyLine, key, "key given twice in one mapping (first at line "
                                + entries.get(key).line() + ")");
                    }
                    p.nextToken();
                    entries.put(key, new Entry(key, keyLine, read(path, p)));
                }
                return new MapNode(entries, line);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(path, p));
                }
                return new ListNode(items, line);
            }
            case VALUE_STRING -> {
                return new ScalarNode(p.getText(), true, line);
            }
            case VALUE_NULL -> {
                return new ScalarNode("", false, line);
            }
            default -> {
                return new ScalarNode(p.getText(), false, line);
            }
        }
    }

    private static int line(JsonParser p) {
        return Math.max(0, p.currentTokenLocation().getLineNr());
    }
}
