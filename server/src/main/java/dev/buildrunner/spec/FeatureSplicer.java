package dev.buildrunner.spec;

import dev.buildrunner.spec.FeatureDraft.Inline;
import dev.buildrunner.spec.FeatureDraft.Item;
import dev.buildrunner.spec.FeatureDraft.Span;
import dev.buildrunner.spec.Labels.Field;
import dev.buildrunner.spec.SpecWriter.Edit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the difference between a feature as parsed and as edited into text edits inside the
 * feature's lines, field by field, keeping every unchanged byte. A field it cannot splice (a value
 * sharing its line with others, a description woven between fields) is left as it was; the writer
 * sees the difference when it reads the result back and then renders the feature anew.
 */
final class FeatureSplicer {

    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern PRIORITY_IN = Pattern.compile("(\\(Priority:\\s*)([^)]*)(\\))",
            Pattern.CASE_INSENSITIVE);

    private final SourceText st;
    private final FeatureDraft d;
    private final Feature old;
    private final Spec spec;
    private final String eol;
    private final List<Edit> edits = new ArrayList<>();
    private final List<String> appended = new ArrayList<>();
    private final List<String> afterHeading = new ArrayList<>();
    private int seq;
    private boolean unsupported;

    FeatureSplicer(SourceText st, FeatureDraft d, Feature old, Spec spec) {
        this.st = st;
        this.d = d;
        this.old = old;
        this.spec = spec;
        this.eol = st.eol();
    }

    List<Edit> edits(Feature edited) {
        if (!old.name().equals(edited.name())) {
            replace(d.nameSpan, edited.name());
        }
        if (!old.priority().equals(edited.priority())) {
            scalar(d.priorityInline, "Priority", edited.priority(), true);
        }
        if (old.complexity() != edited.complexity()) {
            scalar(d.complexityInline, "Complexity", edited.complexity().label(), false);
        }
        if (!old.description().equals(edited.description())) {
            description(edited.description());
        }
        if (!old.requirements().equals(edited.requirements())) {
            list(Field.REQUIREMENTS, d.requirementItems, old.requirements(), edited.requirements());
        }
        if (!old.acceptanceCriteria().equals(edited.acceptanceCriteria())) {
            list(Field.ACCEPTANCE, d.acceptanceItems, old.acceptanceCriteria(), edited.acceptanceCriteria());
        }
        if (!old.files().equals(edited.files())) {
            files(edited.files());
        }
        if (!old.dependencies().equals(edited.dependencies())) {
            dependencies(edited.dependencies());
        }
        if (!old.attributes().equals(edited.attributes())) {
            attributes(edited.attributes());
        }
        if (!old.endpoints().equals(edited.endpoints())) {
            List<String> added = new ArrayList<>();
            for (Endpoint e : edited.endpoints()) {
                if (!old.endpoints().contains(e)) {
                    added.add("`" + e + "`");
                }
            }
            if (!added.isEmpty()) {
                appendField("Endpoints", added);
            }
        }
        if (!afterHeading.isEmpty() && d.itemFeature) {
            itemFeatureList(afterHeading);
        } else if (!afterHeading.isEmpty()) {
            int at = st.lineEndOffset(d.headingLine);
            boolean nextBlank = d.headingLine + 1 >= st.lineCount() || st.isBlank(d.headingLine + 1);
            String block = String.join(eol, afterHeading);
            edits.add(new Edit(at, at, eol + eol + block + (nextBlank ? "" : eol), seq++));
        }
        if (!appended.isEmpty()) {
            int at = st.lineEndOffset(d.lastLine);
            for (String block : appended) {
                edits.add(new Edit(at, at, eol + eol + block, seq++));
            }
        }
        return edits;
    }

    // ------------------------------------------------------------ primitives

    private int off(int line, int col) {
        return st.sourceOffset(line, Math.min(col, st.line(line).length()));
    }

    private void replace(Span s, String text) {
        if (s == null) {
            unsupported = true;
            return;
        }
        edits.add(new Edit(off(s.line(), s.col()), off(s.endLine(), s.endCol()), text, seq++));
    }

    private void deleteLines(int first, int last) {
        edits.add(new Edit(st.lineStartOffset(first), st.nextLineStartOffset(last), "", seq++));
    }

    private void insertAfterLine(int line, String text) {
        int at = st.lineEndOffset(line);
        edits.add(new Edit(at, at, eol + text, seq++));
    }

    private String label(String name) {
        String style = d.labelStyle == null ? "**%s:**" : d.labelStyle;
        if (style.startsWith("#")) {
            return "**" + name + ":**";
        }
        return String.format(style, name);
    }

    private String fieldLabel(String name) {
        String style = d.labelStyle == null ? "**%s:**" : d.labelStyle;
        return style.startsWith("#") ? style + " " + name : String.format(style, name);
    }

    /** Multi-line values keep the indentation of the line they start on. */
    private String indented(String text, int line) {
        String l = st.line(line);
        int i = 0;
        while (i < l.length() && (l.charAt(i) == ' ' || l.charAt(i) == '\t')) {
            i++;
        }
        return text.replace("\n", eol + l.substring(0, i));
    }

    // ------------------------------------------------------------ scalar fields

    private void scalar(Inline inline, String name, String value, boolean priority) {
        if (inline != null) {
            if (value.isEmpty()) {
                deleteLines(inline.line(), inline.value().endLine());
            } else {
                replace(inline.value(), value);
            }
            return;
        }
        if (priority && d.format == SpecFormat.SPEC_KIT) {
            Matcher m = PRIORITY_IN.matcher(st.line(d.headingLine));
            if (m.find()) {
                edits.add(new Edit(off(d.headingLine, m.start(2)), off(d.headingLine, m.end(2)), value, seq++));
                return;
            }
        }
        if (!value.isEmpty()) {
            afterHeading.add(label(name) + " " + value);
        }
    }

    private void description(String text) {
        List<Span> spans = d.descriptionSpans;
        List<String> parts = d.descriptionParts;
        if (spans.isEmpty()) {
            if (!text.isEmpty()) {
                afterHeading.add(label("Description") + " " + text.replace("\n", eol));
            }
            return;
        }
        if (spans.size() == 1) {
            replace(spans.get(0), indented(text, spans.get(0).line()));
            return;
        }
        String tail = "\n\n" + String.join("\n\n", parts.subList(1, parts.size()));
        String head = String.join("\n\n", parts.subList(0, parts.size() - 1)) + "\n\n";
        if (text.endsWith(tail)) {
            String first = text.substring(0, text.length() - tail.length());
            replace(spans.get(0), indented(first, spans.get(0).line()));
        } else if (text.startsWith(head)) {
            Span last = spans.get(spans.size() - 1);
            replace(last, indented(text.substring(head.length()), last.line()));
        } else {
            unsupported = true;
        }
    }

    private void attributes(Map<String, String> now) {
        Set<String> keys = new LinkedHashSet<>(old.attributes().keySet());
        keys.addAll(now.keySet());
        int lastAttrLine = -1;
        for (Inline in : d.attributeInlines.values()) {
            lastAttrLine = Math.max(lastAttrLine, in.value().endLine());
        }
        for (String k : keys) {
            String before = old.attributes().get(k);
            String after = now.get(k);
            if (before != null && before.equals(after)) {
                continue;
            }
            Inline in = d.attributeInlines.get(k);
            if (in == null && before != null) {
                unsupported = true; // a derived attribute (Done, Requirements) or one merged from several lines
            } else if (in == null) {
                if (lastAttrLine >= 0 && !d.itemFeature) {
                    insertAfterLine(lastAttrLine, label(k) + " " + after);
                } else {
                    afterHeading.add(label(k) + " " + after);
                }
            } else if (after == null) {
                deleteLines(in.line(), in.value().endLine());
            } else {
                replace(in.value(), after);
            }
        }
    }

    // ------------------------------------------------------------ lists

    /** What a list value is written as: the requirement text, a path, a dependency's feature name. */
    private interface Render {
        String text(String value, Item template);
    }

    private void list(Field field, List<Item> items, List<String> before, List<String> after) {
        if (items.size() != before.size()) {
            unsupported = true;
            return;
        }
        diff(field, items, before, after, (v, t) -> v);
    }

    private void files(List<String> after) {
        List<Item> items = new ArrayList<>();
        List<String> before = new ArrayList<>();
        for (Item it : d.fileItems) {
            items.add(it);
            before.add(it.value());
        }
        if (!before.equals(old.files())) {
            unsupported = true; // files found in requirement text (task lists) are not items of their own
            return;
        }
        diff(Field.FILES, items, before, after, (v, t) -> {
            boolean ticks = t == null || st.line(t.text().line()).contains("`");
            return ticks ? "`" + v + "`" : v;
        });
    }

    private void dependencies(List<String> after) {
        if (d.dependencyInline != null) {
            if (!d.dependencyItems.isEmpty()) {
                unsupported = true;
                return;
            }
            List<String> names = new ArrayList<>();
            after.forEach(id -> names.add(nameOf(id)));
            if (names.isEmpty()) {
                deleteLines(d.dependencyInline.line(), d.dependencyInline.value().endLine());
            } else {
                replace(d.dependencyInline.value(), String.join(", ", names));
            }
            return;
        }
        List<String> before = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < d.dependencyItems.size(); i++) {
            String id = i < d.resolvedDependencies.size() ? d.resolvedDependencies.get(i) : null;
            if (id == null) {
                unsupported = true;
                return;
            }
            before.add(id);
            items.add(d.dependencyItems.get(i));
        }
        diff(Field.DEPENDENCIES, items, before, after, (v, t) -> nameOf(v));
    }

    private String nameOf(String id) {
        return spec.feature(id).map(Feature::name).orElse(id);
    }

    /**
     * Aligns old and new values (longest common subsequence); unmatched old values facing unmatched
     * new ones are replaced in place, extra old ones deleted, extra new ones inserted after their
     * predecessor with its list marker.
     */
    private void diff(Field field, List<Item> items, List<String> before, List<String> after, Render render) {
        int n = before.size();
        int m = after.size();
        if ((long) n * m > 4_000_000L) {
            unsupported = true;
            return;
        }
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = before.get(i).equals(after.get(j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        Item anchor = null;
        List<String> pendingNew = new ArrayList<>();
        List<Item> pendingOld = new ArrayList<>();
        while (i < n || j < m) {
            if (i < n && j < m && before.get(i).equals(after.get(j))) {
                anchor = flush(field, pendingOld, pendingNew, anchor, items.get(i), render);
                anchor = items.get(i);
                i++;
                j++;
            } else if (j < m && (i >= n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                pendingNew.add(after.get(j++));
            } else {
                pendingOld.add(items.get(i++));
            }
        }
        flush(field, pendingOld, pendingNew, anchor, null, render);
    }

    private Item flush(Field field, List<Item> olds, List<String> news, Item anchor, Item next, Render render) {
        int k = Math.min(olds.size(), news.size());
        for (int t = 0; t < k; t++) {
            Item it = olds.get(t);
            String value = news.get(t);
            if (it.shared()) {
                unsupported = true;
            } else if (it.block()) {
                edits.add(new Edit(st.lineStartOffset(it.firstLine()), st.lineEndOffset(it.lastLine()),
                        it.prefix() + "Scenario: " + value, seq++));
            } else if (field == Field.FILES) {
                String src = spanText(it.text());
                int at = src.indexOf(it.value());
                if (at >= 0) {
                    int line = it.text().line();
                    int col = it.text().col() + at;
                    if (src.lastIndexOf('\n', at) < 0 && col + it.value().length() <= st.line(line).length()) {
                        edits.add(new Edit(off(line, col), off(line, col + it.value().length()), value, seq++));
                    } else {
                        replace(it.text(), render.text(value, it));
                    }
                } else {
                    replace(it.text(), render.text(value, it));
                }
            } else {
                replace(it.text(), render.text(value, it));
            }
            anchor = it;
        }
        for (int t = k; t < olds.size(); t++) {
            Item it = olds.get(t);
            if (it.shared()) {
                unsupported = true;
            } else if (it.listItem() && !inlineOnLabel(it)) {
                deleteLines(it.firstLine(), it.block() || !hasItemsBelow(it) ? it.lastLine() : it.ownLastLine());
            } else {
                replace(it.text(), "");
            }
        }
        List<String> rest = news.subList(k, news.size());
        if (!rest.isEmpty()) {
            insert(field, rest, anchor, next, render);
        }
        olds.clear();
        news.clear();
        return anchor;
    }

    /** True when another value of the feature comes from a line nested under this item. */
    private boolean hasItemsBelow(Item it) {
        for (List<Item> list : List.of(d.requirementItems, d.fileItems, d.acceptanceItems, d.dependencyItems)) {
            for (Item o : list) {
                if (o != it && o.firstLine() > it.ownLastLine() && o.firstLine() <= it.lastLine()) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean inlineOnLabel(Item it) {
        return !it.listItem() || it.prefix().contains(":");
    }

    private String spanText(Span s) {
        StringBuilder sb = new StringBuilder();
        for (int i = s.line(); i <= s.endLine(); i++) {
            String l = st.line(i);
            int from = i == s.line() ? Math.min(s.col(), l.length()) : 0;
            int to = i == s.endLine() ? Math.min(Math.max(s.endCol(), from), l.length()) : l.length();
            if (i > s.line()) {
                sb.append('\n');
            }
            sb.append(l, from, to);
        }
        return sb.toString();
    }

    private boolean inside(Item it) {
        return it != null && it.firstLine() >= d.firstLine && it.lastLine() <= d.lastLine;
    }

    private void insert(Field field, List<String> values, Item anchor, Item next, Render render) {
        if (!inside(anchor)) {
            anchor = null;
        }
        if (!inside(next)) {
            next = null;
        }
        Item template = anchor != null ? anchor : next;
        if (template != null && template.block()) {
            List<String> lines = new ArrayList<>();
            for (String v : values) {
                lines.add(template.prefix() + "Scenario: " + v);
            }
            if (anchor != null) {
                insertAfterLine(anchor.lastLine(), eol + String.join(eol + eol, lines));
            } else {
                int at = st.lineStartOffset(next.firstLine());
                edits.add(new Edit(at, at, String.join(eol + eol, lines) + eol + eol, seq++));
            }
            return;
        }
        if (template == null || !template.listItem() || inlineOnLabel(template)) {
            Integer labelLine = d.labelLines.get(field);
            List<String> rendered = new ArrayList<>();
            for (String v : values) {
                rendered.add(render.text(v, template));
            }
            if (template == null && labelLine != null && !d.itemFeature && labelOnly(labelLine)) {
                StringBuilder sb = new StringBuilder();
                for (String r : rendered) {
                    sb.append(eol).append(marker(field, null, 0)).append(r);
                }
                int at = st.lineEndOffset(labelLine);
                edits.add(new Edit(at, at, sb.toString(), seq++));
            } else {
                appendField(fieldName(field), rendered);
            }
            return;
        }
        StringBuilder sb = new StringBuilder();
        int step = 1;
        for (String v : values) {
            String prefix = anchor != null ? marker(field, anchor, step++) : marker(field, next, 0);
            sb.append(anchor != null ? eol : "").append(prefix).append(render.text(v, template))
                    .append(anchor != null ? "" : eol);
        }
        int at = anchor != null ? st.lineEndOffset(anchor.lastLine()) : st.lineStartOffset(next.firstLine());
        edits.add(new Edit(at, at, sb.toString(), seq++));
    }

    private boolean labelOnly(int line) {
        Labels.Label l = Labels.parse(st.line(line).trim());
        return l != null && l.value().isEmpty() || st.line(line).trim().startsWith("#");
    }

    /** The marker of a new item: the template's prefix, checkbox unticked, number advanced. */
    private String marker(Field field, Item template, int step) {
        if (template == null) {
            return field == Field.ACCEPTANCE && usesCheckboxes() ? "- [ ] " : "- ";
        }
        String p = template.prefix().replace("[x]", "[ ]").replace("[X]", "[ ]");
        if (step > 0) {
            Matcher m = NUMBER.matcher(p);
            if (m.find() && p.substring(0, m.start()).isBlank()) {
                p = p.substring(0, m.start()) + (Integer.parseInt(m.group()) + step) + p.substring(m.end());
            }
        }
        return p;
    }

    private boolean usesCheckboxes() {
        for (Item it : d.acceptanceItems) {
            if (it.prefix().contains("[")) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern LIST_MARKER = Pattern.compile("^(\\s*)([-*+]|\\d{1,9}[.)])(\\s+)");

    private void itemFeatureList(List<String> rendered) {
        itemFeatureList(rendered, List.of());
    }

    /**
     * Appends nested items to a list-item feature, with the marker of its last nested item; the
     * {@code deeper} values are nested under the last of them.
     */
    private void itemFeatureList(List<String> rendered, List<String> deeper) {
        Matcher own = LIST_MARKER.matcher(st.line(d.firstLine));
        int ownIndent = own.find() ? own.group(1).length() : 0;
        String pad = own.find(0) ? " ".repeat(own.end()) + "- " : "  - ";
        int best = Integer.MAX_VALUE;
        for (int i = d.firstLine + 1; i <= d.lastLine; i++) {
            // the marker of the feature's direct children: the least indented nested item, last one wins
            Matcher m = LIST_MARKER.matcher(st.line(i));
            if (m.find() && m.group(1).length() > ownIndent && m.group(1).length() <= best) {
                best = m.group(1).length();
                String marker = m.group(2).matches("\\d.*") ? "-" : m.group(2);
                pad = m.group(1) + marker + m.group(3);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String r : rendered) {
            sb.append(eol).append(pad).append(r);
        }
        String deepPad = " ".repeat(pad.length()) + "- ";
        for (String r : deeper) {
            sb.append(eol).append(deepPad).append(r);
        }
        int at = st.lineEndOffset(d.lastLine);
        edits.add(new Edit(at, at, sb.toString(), seq++));
    }

    private static String fieldName(Field f) {
        return switch (f) {
            case ACCEPTANCE -> "Acceptance Criteria";
            case FILES -> "Files";
            case DEPENDENCIES -> "Dependencies";
            case ENDPOINTS -> "Endpoints";
            default -> "Requirements";
        };
    }

    private void appendField(String name, List<String> values) {
        if (d.itemFeature && name.equals("Requirements")) {
            itemFeatureList(values);
            return;
        }
        if (d.itemFeature) {
            // "- **Acceptance Criteria:**" with the values nested one level deeper
            List<String> lines = new ArrayList<>();
            lines.add("**" + name + ":**");
            itemFeatureList(lines, values);
            return;
        }
        StringBuilder sb = new StringBuilder(fieldLabel(name));
        if (fieldLabel(name).startsWith("#")) {
            sb.append(eol);
        }
        boolean boxes = name.startsWith("Acceptance") && usesCheckboxes();
        for (String v : values) {
            sb.append(eol).append(boxes ? "- [ ] " : "- ").append(v);
        }
        appended.add(sb.toString());
    }

    // ------------------------------------------------------------ whole body

    /**
     * A feature's body in BuildRunner's style (everything under the heading), lines separated by
     * {@code eol}, without a trailing line end.
     */
    static String renderBody(Feature f, Spec spec, String eol) {
        List<String> blocks = new ArrayList<>();
        StringBuilder head = new StringBuilder();
        if (!f.priority().isEmpty()) {
            head.append("**Priority:** ").append(f.priority()).append(eol);
        }
        head.append("**Complexity:** ").append(f.complexity().label());
        for (Map.Entry<String, String> a : f.attributes().entrySet()) {
            head.append(eol).append("**").append(a.getKey()).append(":** ").append(a.getValue());
        }
        blocks.add(head.toString());
        if (!f.description().isEmpty()) {
            blocks.add("**Description:**" + eol + f.description().replace("\n", eol));
        }
        blocks.add(listBlock("Requirements", f.requirements(), "", eol));
        List<String> files = new ArrayList<>();
        f.files().forEach(p -> files.add("`" + p + "`"));
        blocks.add(listBlock("Files", files, "", eol));
        List<String> deps = new ArrayList<>();
        f.dependencies().forEach(id -> deps.add(spec.feature(id).map(Feature::name).orElse(id)));
        blocks.add(listBlock("Dependencies", deps, "", eol));
        blocks.add(listBlock("Acceptance Criteria", f.acceptanceCriteria(), "[ ] ", eol));
        String all = String.join(" ", f.requirements()) + " " + String.join(" ", f.acceptanceCriteria()) + " "
                + f.description();
        List<String> eps = new ArrayList<>();
        for (Endpoint e : f.endpoints()) {
            if (!all.contains(e.toString())) {
                eps.add("`" + e + "`");
            }
        }
        blocks.add(listBlock("Endpoints", eps, "", eol));
        blocks.removeIf(String::isEmpty);
        return String.join(eol + eol, blocks);
    }

    private static String listBlock(String label, List<String> values, String box, String eol) {
        if (values.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("**").append(label).append(":**");
        for (String v : values) {
            sb.append(eol).append("- ").append(box).append(v);
        }
        return sb.toString();
    }
}
