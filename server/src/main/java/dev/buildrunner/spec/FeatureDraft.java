package dev.buildrunner.spec;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A feature while it is being read: its values plus where each value sits in the source (the
 * layout the {@link SpecWriter} splices into). Not thread-safe; one per feature per parse.
 */
final class FeatureDraft {

    /** A region of the normalised text: 0-based lines, columns; {@code endCol} exclusive. */
    record Span(int line, int col, int endLine, int endCol) {
    }

    /**
     * One value read from a list item (or an inline label value).
     *
     * @param value the value as the feature holds it (requirement text, path, dependency as written)
     * @param text where the item's text starts and ends (list marker and checkbox excluded)
     * @param firstLine the item's first line
     * @param ownLastLine the last line of the item's own paragraph (nested lists excluded)
     * @param lastLine the item's last line, nested content included
     * @param prefix the characters of the first line before the text ("  - [ ] ", "1. ")
     * @param listItem false for an inline value such as {@code **Files:** a.py}
     * @param shared true when the item gave several values (a line naming two files)
     * @param block true when the value was composed from a block (an OpenSpec scenario)
     */
    record Item(String value, Span text, int firstLine, int ownLastLine, int lastLine, String prefix,
            boolean listItem, boolean shared, boolean block) {
    }

    /** A labelled inline value ({@code **Priority:** High}): the label's line and the value's span. */
    record Inline(String label, int line, Span value) {
    }

    // identity
    String id = "";
    String name = "";
    int number = -1;
    int firstLine;
    int lastLine;
    /** The heading (or item) line and the span of the name in it. */
    int headingLine;
    Span nameSpan;
    int headingLevel;
    boolean itemFeature;

    // values
    SpecFormat format;
    Complexity complexity;
    String priority = "";
    final List<String> descriptionParts = new ArrayList<>();
    final List<String> requirements = new ArrayList<>();
    final List<String> files = new ArrayList<>();
    final List<String> rawDependencies = new ArrayList<>();
    /** For each raw dependency, the id it resolved to (the raw text when unresolved; null when dropped). */
    final List<String> resolvedDependencies = new ArrayList<>();
    final List<String> acceptance = new ArrayList<>();
    final List<Endpoint> endpoints = new ArrayList<>();
    final Map<String, String> attributes = new LinkedHashMap<>();
    final List<String> doneIds = new ArrayList<>();
    final List<String> requirementRefs = new ArrayList<>();

    // layout
    final List<Span> descriptionSpans = new ArrayList<>();
    final List<Item> requirementItems = new ArrayList<>();
    final List<Item> fileItems = new ArrayList<>();
    final List<Item> dependencyItems = new ArrayList<>();
    final List<Item> acceptanceItems = new ArrayList<>();
    Inline complexityInline;
    Inline priorityInline;
    Inline dependencyInline;
    final Map<String, Inline> attributeInlines = new LinkedHashMap<>();
    /** The line of each field's label (heading or paragraph), for inserting into an empty field. */
    final Map<Labels.Field, Integer> labelLines = new EnumMap<>(Labels.Field.class);
    /** How this feature writes labels: "**%s:**", "**%s**:", "%s:" or "####" for headings. */
    String labelStyle;

    /** True when the feature says nothing beyond its name. */
    boolean isEmpty() {
        return descriptionParts.isEmpty() && requirements.isEmpty() && files.isEmpty() && acceptance.isEmpty()
                && rawDependencies.isEmpty() && endpoints.isEmpty() && attributes.isEmpty();
    }

    String description() {
        return String.join("\n\n", descriptionParts);
    }

    Feature toFeature(List<String> dependencies) {
        Map<String, String> attrs = new LinkedHashMap<>(attributes);
        if (!requirementRefs.isEmpty()) {
            attrs.put("Requirements", String.join(", ", requirementRefs));
        }
        if (!doneIds.isEmpty()) {
            attrs.put("Done", String.join(", ", doneIds));
        }
        return new Feature(id, name, new LineRange(firstLine + 1, lastLine + 1),
                complexity == null ? Complexity.MEDIUM : complexity, priority, description(), requirements, files,
                dependencies, acceptance, endpoints, attrs);
    }
}
