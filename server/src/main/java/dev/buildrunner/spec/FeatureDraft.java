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
        Span shift(int lines) {
            return new Span(line + lines, col, endLine + lines, endCol);
        }
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
        Item shift(int lines) {
            return new Item(value, text.shift(lines), firstLine + lines, ownLastLine + lines, lastLine + lines, prefix,
                    listItem, shared, block);
        }
    }

    /** A labelled inline value ({@code **Priority:** High}): the label's line and the value's span. */
    record Inline(String label, int line, Span value) {
        Inline shift(int lines) {
            return new Inline(label, line + lines, value.shift(lines));
        }
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

    /**
     * A deep copy with every line number moved by {@code lines}: the same feature read at another
     * place in the file (the parser's draft cache keeps drafts relative to their heading line).
     */
    FeatureDraft copy(int lines) {
        FeatureDraft c = new FeatureDraft();
        c.id = id;
        c.name = name;
        c.number = number;
        c.firstLine = firstLine + lines;
        c.lastLine = lastLine + lines;
        c.headingLine = headingLine + lines;
        c.nameSpan = nameSpan == null ? null : nameSpan.shift(lines);
        c.headingLevel = headingLevel;
        c.itemFeature = itemFeature;
        c.format = format;
        c.complexity = complexity;
        c.priority = priority;
        c.descriptionParts.addAll(descriptionParts);
        c.requirements.addAll(requirements);
        c.files.addAll(files);
        c.rawDependencies.addAll(rawDependencies);
        c.resolvedDependencies.addAll(resolvedDependencies);
        c.acceptance.addAll(acceptance);
        c.endpoints.addAll(endpoints);
        c.attributes.putAll(attributes);
        c.doneIds.addAll(doneIds);
        c.requirementRefs.addAll(requirementRefs);
        descriptionSpans.forEach(x -> c.descriptionSpans.add(x.shift(lines)));
        requirementItems.forEach(x -> c.requirementItems.add(x.shift(lines)));
        fileItems.forEach(x -> c.fileItems.add(x.shift(lines)));
        dependencyItems.forEach(x -> c.dependencyItems.add(x.shift(lines)));
        acceptanceItems.forEach(x -> c.acceptanceItems.add(x.shift(lines)));
        c.complexityInline = complexityInline == null ? null : complexityInline.shift(lines);
        c.priorityInline = priorityInline == null ? null : priorityInline.shift(lines);
        c.dependencyInline = dependencyInline == null ? null : dependencyInline.shift(lines);
        attributeInlines.forEach((k, v) -> c.attributeInlines.put(k, v.shift(lines)));
        labelLines.forEach((k, v) -> c.labelLines.put(k, v + lines));
        c.labelStyle = labelStyle;
        return c;
    }

    /** Adds every {@code METHOD /path} on the feature's lines outside code, in order, without duplicates. */
    void collectEndpoints(SourceText st, boolean[] codeLine) {
        List<Endpoint> found = new ArrayList<>();
        for (int i = firstLine; i <= lastLine && i < st.lineCount(); i++) {
            if (!codeLine[i]) {
                TextScan.endpoints(st.line(i), found);
            }
        }
        for (Endpoint e : found) {
            if (!endpoints.contains(e)) {
                endpoints.add(e);
            }
        }
    }

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
