package dev.buildrunner.spec;

import dev.buildrunner.spec.FeatureDraft.Item;
import dev.buildrunner.spec.FeatureDraft.Span;
import dev.buildrunner.spec.Labels.Field;
import dev.buildrunner.spec.Labels.Label;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the body of one feature (the blocks under its heading, or the nested content of a list
 * item) into a {@link FeatureDraft}: labels select the field that the following lists fill; text
 * that fits no field is kept, verbatim, as description. One instance per feature.
 */
final class BodyReader {

    /** How a format's feature bodies differ from BuildRunner's. */
    record Mode(boolean transparentHeadings, boolean filesFromRequirements, boolean nestedDetailsToDescription,
            boolean scenarioHeadings, boolean trackDone) {
        static final Mode BUILDRUNNER = new Mode(false, false, false, false, false);
        static final Mode TASKS = new Mode(true, true, false, false, true);
        static final Mode KIRO_TASKS = new Mode(true, true, true, false, true);
        static final Mode OPENSPEC = new Mode(false, false, false, true, false);
    }

    /** The field the next list fills; NONE means "requirements, unless items are labelled". */
    private enum Ctx { NONE, FIELD, UNKNOWN }

    private static final Pattern LIST_SEPARATOR = Pattern.compile("[,;，；]");
    private static final Pattern COMMA = Pattern.compile("\\s*,\\s*");
    /** Parenthesised remarks: "Gap Analyzer (for spec parsing)". */
    private static final Pattern REMARKS = Pattern.compile("\\s*\\([^)]*\\)");
    private static final Pattern HEADING_MARKER = Pattern.compile("^(\\s*#+\\s*).*$");
    private static final Pattern PSEUDO_ITEM = Pattern.compile("^(?:\\d{1,9}[.)]|[-*+])\\s+");
    private static final Pattern DONE_ID = Pattern.compile("^(T\\d+|\\d+(?:\\.\\d+)*)\\b");
    private static final Pattern KIRO_REFS = Pattern.compile("^_?\\s*Requirements\\s*[:：]\\s*(.+?)_?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DEP_VERB = Pattern.compile(
            "^(?:requires|require|depends on|depends upon|depend on|needs|after|builds on|build on|uses|blocked by)\\s+",
            Pattern.CASE_INSENSITIVE);

    private final SourceText src;
    private final FeatureDraft d;
    private final Mode mode;
    private final List<Diagnostic> diagnostics;

    private Ctx ctx = Ctx.NONE;
    private Field field;
    /** The current field's label carried an inline value ("Depends on: X"), so prose after it is not its. */
    private boolean labelHadValue;
    private int labelEndLine;
    /** The last Files value came from a list-like line inside a paragraph ("2. `a.py` (300 lines)"). */
    private boolean pseudoFileItem;
    // an OpenSpec scenario being collected
    private String scenarioName;
    private int scenarioLine = -1;
    private int scenarioLast = -1;
    private final List<String> scenarioSteps = new ArrayList<>();

    BodyReader(SourceText src, FeatureDraft draft, Mode mode, List<Diagnostic> diagnostics) {
        this.src = src;
        this.d = draft;
        this.mode = mode;
        this.diagnostics = diagnostics;
    }

    /** Reads sibling blocks from {@code first} up to (not including) {@code stop}; null = to the end. */
    void readBlocks(MdBlock first, MdBlock stop) {
        for (MdBlock n = first; n != null && n != stop; n = n.next()) {
            readBlock(n);
        }
    }

    /** Reads blocks given one by one (a list-item feature's body). */
    void readNodes(List<MdBlock> nodes) {
        for (MdBlock n : nodes) {
            readBlock(n);
        }
    }

    /**
     * The head of a list item: its first paragraph, the number of an ordered marker written inside
     * the item ("- [ ] 1. Title" parses as a task item holding a one-item ordered list), and the
     * blocks after the head.
     */
    record Head(MdBlock para, int number, List<MdBlock> rest) {
    }

    /** The head of a list item of {@code st}'s document. */
    static Head head(SourceText st, MdBlock item) {
        List<MdBlock> rest = new ArrayList<>();
        MdBlock first = item.firstChild();
        if (first != null && first.is(MdBlock.Kind.PARAGRAPH)) {
            for (MdBlock n = first.next(); n != null; n = n.next()) {
                rest.add(n);
            }
            return new Head(first, -1, rest);
        }
        MdBlock ii = first == null || !first.is(MdBlock.Kind.LIST) ? null : first.firstChild();
        if (ii != null && ii == first.lastChild() && ii.is(MdBlock.Kind.ITEM) && sameLine(st, item, ii)
                && ii.firstChild() != null && ii.firstChild().is(MdBlock.Kind.PARAGRAPH)) {
            MdBlock p = ii.firstChild();
            for (MdBlock n = p.next(); n != null; n = n.next()) {
                rest.add(n);
            }
            for (MdBlock n = first.next(); n != null; n = n.next()) {
                rest.add(n);
            }
            return new Head(p, ii.number, rest);
        }
        for (MdBlock n = first; n != null; n = n.next()) {
            rest.add(n);
        }
        return new Head(null, -1, rest);
    }

    private static boolean sameLine(SourceText st, MdBlock a, MdBlock b) {
        return st.text().lastIndexOf('\n', b.start - 1) < a.start;
    }

    static int number(String marker) {
        int n = 0;
        for (int i = 0; i < marker.length() && Character.isDigit(marker.charAt(i)) && i < 9; i++) {
            n = n * 10 + (marker.charAt(i) - '0');
        }
        return n;
    }

    /** Applies a label found outside the body (a list-item feature's "**Name:** text" rest). */
    void readInline(Line line) {
        readParagraphLines(List.of(line));
    }

    private void readBlock(MdBlock n) {
        boolean pseudo = pseudoFileItem;
        pseudoFileItem = false;
        if (pseudo && n.is(MdBlock.Kind.LIST) && ctx == Ctx.FIELD && field == Field.FILES
                && src.colOf(n.start) > 0) {
            // the indented bullets under "2. `a.py`" describe that file
            readList(n, Field.REQUIREMENTS, Ctx.FIELD);
            return;
        }
        switch (n.kind) {
            case HEADING -> {
                if (!n.blank) { // a line holding only "#": reported once by the parser, changes nothing here
                    readHeading(n);
                }
            }
            case PARAGRAPH -> readParagraphLines(lines(n));
            case LIST -> {
                if (ctx == Ctx.FIELD && labelHadValue && src.startLine(n) > labelEndLine + 1) {
                    // "Depends on: X", a blank line, then a list: the list is not more dependencies
                    ctx = Ctx.NONE;
                }
                readList(n, ctx == Ctx.FIELD ? field : null, ctx);
            }
            case RULE -> {
                // a separator says nothing
            }
            default -> leftover(n);
        }
    }

    private void readHeading(MdBlock h) {
        finishScenario();
        String text = TextScan.squash(h.text);
        if (mode.scenarioHeadings() && text.regionMatches(true, 0, "Scenario:", 0, 9)) {
            scenarioName = TextScan.stripEmphasis(text.substring(9).trim());
            scenarioLine = src.startLine(h);
            scenarioLast = src.endLine(h);
            ctx = Ctx.UNKNOWN;
            return;
        }
        Field f = Labels.field(text);
        if (f != null) {
            setField(f, src.startLine(h));
            if (d.labelStyle == null) {
                d.labelStyle = "#".repeat(h.level);
            }
        } else if (mode.transparentHeadings()) {
            ctx = Ctx.NONE;
        } else {
            ctx = Ctx.UNKNOWN;
            leftover(h);
        }
    }

    private void setField(Field f, int labelLine) {
        ctx = Ctx.FIELD;
        field = f;
        labelHadValue = false;
        d.labelLines.putIfAbsent(f, labelLine);
    }

    // ---------------------------------------------------------------- paragraphs

    /** One line of a paragraph: its 0-based number, the column its text starts at, the text. */
    record Line(int line, int col, String text) {
        int endCol() {
            return col + text.length();
        }
    }

    List<Line> lines(MdBlock p) {
        List<Line> out = new ArrayList<>();
        int first = src.startLine(p);
        int last = Math.min(src.endLine(p), src.lineCount() - 1);
        int col0 = src.colOf(p.start);
        for (int i = first; i <= last; i++) {
            String s = src.line(i);
            int col = i == first ? Math.min(col0, s.length()) : indent(s);
            int end = s.length();
            while (end > col && Character.isWhitespace(s.charAt(end - 1))) {
                end--;
            }
            out.add(new Line(i, col, s.substring(col, end)));
        }
        return out;
    }

    private static int indent(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '>')) {
            i++;
        }
        return i;
    }

    private void readParagraphLines(List<Line> lines) {
        int i = 0;
        while (i < lines.size()) {
            Line l = lines.get(i);
            Label label = Labels.parse(l.text());
            int j = i + 1;
            while (j < lines.size() && Labels.parse(lines.get(j).text()) == null) {
                j++;
            }
            List<Line> rest = lines.subList(i + 1, j);
            if (label == null) {
                plain(lines.subList(i, j));
            } else {
                applyLabel(label, l, rest, false);
            }
            i = j;
        }
    }

    private void plain(List<Line> lines) {
        if (ctx == Ctx.FIELD && field.isList() && field != Field.FILES) {
            boolean allMarked = true;
            for (Line l : lines) {
                allMarked &= TextScan.leadingMarks(l.text()) > 0;
            }
            if (allMarked) {
                for (Line l : lines) {
                    int m = TextScan.leadingMarks(l.text());
                    addValue(field, l.text().substring(m), new Span(l.line(), l.col() + m, l.line(), l.endCol()),
                            l.line(), l.line(), l.line(), false, false);
                }
                return;
            }
        }
        Line first = lines.get(0);
        Line last = lines.get(lines.size() - 1);
        Span span = new Span(first.line(), first.col(), last.line(), last.endCol());
        if (ctx == Ctx.FIELD && !labelHadValue && (field == Field.PRIORITY || field == Field.COMPLEXITY)) {
            // "#### Priority" then "High" on its own line
            Integer labelLine = d.labelLines.get(field);
            Label bare = new Label(field == Field.PRIORITY ? "Priority" : "Complexity", field, 0,
                    TextScan.squash(joinAll(lines)));
            applyLabel(bare, new Line(first.line(), first.col(), first.text()), List.of(), false);
            if (labelLine != null) {
                d.labelLines.put(field, labelLine);
            }
            labelHadValue = true;
            return;
        }
        if (ctx == Ctx.FIELD && !labelHadValue && (field == Field.FILES || field == Field.DEPENDENCIES)) {
            String text = TextScan.squash(joinAll(lines));
            if (field == Field.DEPENDENCIES && lines.size() == 1) {
                d.dependencyInline = new FeatureDraft.Inline("", first.line(), span);
                for (String part : LIST_SEPARATOR.split(text)) {
                    addDependency(part);
                }
                return;
            }
            if (field == Field.FILES && !FilePaths.paths(text, true).isEmpty()) {
                addValue(Field.FILES, text, span, first.line(), last.line(), last.line(), false, true);
                return;
            }
        }
        d.descriptionSpans.add(span);
    }

    /**
     * Applies a label with its inline value ({@code line} from {@code label.valueStart()}) and the
     * continuation lines that follow it in the same paragraph or item.
     */
    private void applyLabel(Label label, Line line, List<Line> rest, boolean inItem) {
        if (d.labelStyle == null) {
            d.labelStyle = styleOf(line.text());
        }
        int vcol = line.col() + label.valueStart();
        if (label.field() != null && label.field().isList() && !rest.isEmpty() && PSEUDO_ITEM.matcher(
                rest.get(0).text()).lookingAt()) {
            // "**Files to Create:**\n2. `a.py`": an ordered list not starting at 1 cannot interrupt a
            // paragraph, so its lines arrive here; read each as an item of the label's field
            Label bare = new Label(label.label(), label.field(), label.valueStart(), label.value());
            applyLabel(bare, line, List.of(), inItem);
            for (Line r : rest) {
                Matcher m = PSEUDO_ITEM.matcher(r.text());
                if (m.lookingAt()) {
                    int c = r.col() + m.end();
                    String t = r.text().substring(m.end());
                    int marks = TextScan.leadingMarks(t);
                    Span sp = new Span(r.line(), c + marks, r.line(), r.endCol());
                    boolean paths = addValue(field, TextScan.squash(t.substring(marks)), sp, r.line(), r.line(),
                            r.line(), true, false);
                    pseudoFileItem = paths && field == Field.FILES;
                } else {
                    d.descriptionSpans.add(new Span(r.line(), r.col(), r.line(), r.endCol()));
                }
            }
            return;
        }
        StringBuilder value = new StringBuilder(label.value());
        for (Line r : rest) {
            if (value.length() > 0) {
                value.append('\n');
            }
            value.append(r.text());
        }
        String v = value.toString().trim();
        Line end = rest.isEmpty() ? line : rest.get(rest.size() - 1);
        Span span = label.value().isEmpty() && !rest.isEmpty()
                ? new Span(rest.get(0).line(), rest.get(0).col(), end.line(), end.endCol())
                : new Span(line.line(), Math.min(vcol, line.endCol()), end.line(), end.endCol());
        Field f = label.field();
        if (f == null) {
            if (v.isEmpty()) {
                ctx = Ctx.UNKNOWN;
                d.descriptionSpans.add(new Span(line.line(), line.col(), end.line(), end.endCol()));
            } else {
                String key = label.label();
                String flat = TextScan.squash(v);
                d.attributes.merge(key, flat, (a, b) -> a + "; " + b);
                d.attributeInlines.putIfAbsent(key, new FeatureDraft.Inline(key, line.line(), span));
                ctx = Ctx.NONE;
            }
            return;
        }
        setField(f, line.line());
        labelHadValue = !v.isEmpty();
        labelEndLine = end.line();
        switch (f) {
            case DESCRIPTION -> {
                if (!v.isEmpty()) {
                    d.descriptionSpans.add(span);
                }
            }
            case COMPLEXITY -> {
                d.complexityInline = new FeatureDraft.Inline(label.label(), line.line(), span);
                String flat = TextScan.stripEmphasis(TextScan.squash(v));
                Complexity c = Complexity.parse(Labels.stripLeadingSymbols(flat)).orElse(null);
                if (c == null && !flat.isEmpty()) {
                    diagnostics.add(Diagnostic.warning(line.line() + 1, "unknown-complexity", "feature '" + d.name
                            + "': complexity '" + flat + "' is none of simple, medium, complex; kept as an attribute"));
                    d.attributes.put(label.label(), flat);
                } else if (c != null) {
                    d.complexity = c;
                }
                ctx = Ctx.NONE;
            }
            case PRIORITY -> {
                d.priorityInline = new FeatureDraft.Inline(label.label(), line.line(), span);
                d.priority = TextScan.stripEmphasis(TextScan.squash(v));
                ctx = Ctx.NONE;
            }
            case DEPENDENCIES -> {
                if (!v.isEmpty()) {
                    d.dependencyInline = new FeatureDraft.Inline(label.label(), line.line(), span);
                    for (String part : LIST_SEPARATOR.split(TextScan.squash(v))) {
                        addDependency(part);
                    }
                }
            }
            case ENDPOINTS -> {
                // endpoints are collected from every line of the feature afterwards
            }
            default -> {
                if (!v.isEmpty()) {
                    addValue(f, TextScan.squash(v), span, line.line(), end.line(), end.line(), inItem, true);
                }
            }
        }
    }

    private static String styleOf(String text) {
        if (text.startsWith("**") || text.startsWith("__")) {
            String m = text.substring(0, 2);
            int close = text.indexOf(m, 2);
            if (close > 0 && close + 2 < text.length() && (text.charAt(close + 2) == ':' || text.charAt(close + 2) == '：')) {
                return m + "%s" + m + ":";
            }
            return m + "%s:" + m;
        }
        return "%s:";
    }

    // ---------------------------------------------------------------- lists

    private void readList(MdBlock list, Field listField, Ctx listCtx) {
        if (listCtx == Ctx.UNKNOWN) {
            scanKiroRefs(list);
            leftoverOrScenario(list);
            return;
        }
        if (listCtx == Ctx.FIELD && !listField.isList()) {
            leftover(list);
            return;
        }
        for (MdBlock c = list.firstChild(); c != null; c = c.next()) {
            if (c.is(MdBlock.Kind.ITEM)) {
                readItem(c, listCtx == Ctx.FIELD ? listField : null);
            }
        }
    }

    private void readItem(MdBlock item, Field listField) {
        Head head = head(src, item);
        MdBlock para = head.para();
        if (para == null) {
            leftover(item);
            return;
        }
        List<Line> ls = lines(para);
        Line first = ls.get(0);
        int marks = TextScan.leadingMarks(first.text());
        boolean done = item.done || TextScan.isDone(first.text());
        Line body = new Line(first.line(), first.col() + marks, first.text().substring(marks));
        List<Line> rest = ls.subList(1, ls.size());
        Label label = Labels.parse(body.text());
        if (label != null && label.field() == null && !isStrongLabel(body.text())) {
            label = null; // plain "Word: text" in a list is text, not a label
        }
        boolean labelled = label != null && (label.field() != null || listField == null);
        if (labelled) {
            Ctx saved = ctx;
            Field savedField = field;
            applyLabel(label, body, rest, true);
            Field itemField = label.field();
            for (MdBlock c : head.rest()) {
                if (c.is(MdBlock.Kind.LIST) && itemField != null) {
                    readList(c, itemField, Ctx.FIELD);
                } else if (c.is(MdBlock.Kind.LIST)) {
                    scanKiroRefs(c);
                    leftover(c);
                } else {
                    leftover(c);
                }
            }
            ctx = saved;
            field = savedField;
            return;
        }
        Field target = listField == null ? Field.REQUIREMENTS : listField;
        String text = TextScan.squash(joinText(body, rest));
        Line last = rest.isEmpty() ? body : rest.get(rest.size() - 1);
        Span span = new Span(body.line(), body.col(), last.line(), last.endCol());
        int itemLast = Math.min(src.endLine(item), src.lineCount() - 1);
        boolean gavePath = addValue(target, text, span, first.line(), last.line(), itemLast, true, false);
        if (done && mode.trackDone()) {
            Matcher m = DONE_ID.matcher(text);
            d.doneIds.add(m.find() ? m.group(1) : "#" + d.requirements.size());
        }
        for (MdBlock c : head.rest()) {
            if (c.is(MdBlock.Kind.LIST)) {
                MdBlock nested = c;
                if (target == Field.FILES && gavePath) {
                    readList(nested, Field.REQUIREMENTS, Ctx.FIELD);
                } else if (mode.nestedDetailsToDescription() && target == Field.REQUIREMENTS) {
                    // Kiro sub-task details: kept with their sub-task's line so they stay together
                    scanKiroRefs(nested);
                    int col = Math.min(src.colOf(item.start), src.line(first.line()).length());
                    int end = Math.min(src.endLine(nested), src.lineCount() - 1);
                    d.descriptionSpans.add(new Span(src.startLine(item), col, end, src.line(end).length()));
                } else {
                    readList(nested, target, Ctx.FIELD);
                }
            } else {
                leftover(c);
            }
        }
    }

    private static boolean isStrongLabel(String text) {
        return text.startsWith("*") || text.startsWith("_");
    }

    private static String joinText(Line first, List<Line> rest) {
        if (rest.isEmpty()) {
            return first.text();
        }
        StringBuilder sb = new StringBuilder(first.text());
        for (Line l : rest) {
            sb.append(' ').append(l.text());
        }
        return sb.toString();
    }

    /**
     * Adds one value to a field; returns true when a Files value gave at least one path (its nested
     * items then describe the file and become requirements).
     */
    private boolean addValue(Field f, String text, Span span, int firstLine, int ownLast, int itemLast,
            boolean listItem, boolean inline) {
        String prefix = span.line() == firstLine
                ? src.line(firstLine).substring(0, Math.min(span.col(), src.line(firstLine).length())) : "";
        switch (f) {
            case FILES -> {
                List<String> paths = FilePaths.paths(text, true);
                if (paths.isEmpty()) {
                    addValue(Field.REQUIREMENTS, text, span, firstLine, ownLast, itemLast, listItem, inline);
                    return false;
                }
                for (String p : paths) {
                    if (!d.files.contains(p)) {
                        d.files.add(p);
                        d.fileItems.add(new Item(p, span, firstLine, ownLast, itemLast, prefix, !inline,
                                paths.size() > 1, false));
                    }
                }
                return true;
            }
            case ACCEPTANCE -> {
                d.acceptance.add(text);
                d.acceptanceItems.add(new Item(text, span, firstLine, ownLast, itemLast, prefix, !inline, false,
                        false));
            }
            case DEPENDENCIES -> {
                if (addDependency(text)) {
                    d.dependencyItems.add(new Item(d.rawDependencies.get(d.rawDependencies.size() - 1), span,
                            firstLine, ownLast, itemLast, prefix, !inline, false, false));
                }
            }
            case ENDPOINTS -> {
                // collected from the feature's lines afterwards
            }
            default -> {
                d.requirements.add(text);
                d.requirementItems.add(new Item(text, span, firstLine, ownLast, itemLast, prefix, !inline, false,
                        false));
                if (mode.filesFromRequirements()) {
                    for (String p : FilePaths.paths(text, false)) {
                        if (!d.files.contains(p)) {
                            d.files.add(p);
                        }
                    }
                }
            }
        }
        return false;
    }

    /** Cleans a dependency as written ("Requires Gap Analyzer (for spec parsing)" gives "Gap Analyzer"). */
    private boolean addDependency(String raw) {
        String s = TextScan.stripEmphasis(raw).replace("`", "").trim();
        s = DEP_VERB.matcher(s).replaceFirst("");
        s = REMARKS.matcher(s).replaceAll("").trim();
        while (!s.isEmpty() && ".;:,".indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(0, s.length() - 1).trim();
        }
        String low = s.toLowerCase(Locale.ROOT);
        if (s.isEmpty() || low.equals("none") || low.equals("n/a") || low.equals("-") || low.equals("无")
                || low.startsWith("none ") || low.equals("nothing")) {
            return false;
        }
        d.rawDependencies.add(s);
        return true;
    }

    private void scanKiroRefs(MdBlock list) {
        if (!mode.nestedDetailsToDescription()) {
            return;
        }
        for (MdBlock c = list.firstChild(); c != null; c = c.next()) {
            MdBlock p = c.is(MdBlock.Kind.ITEM) ? head(src, c).para() : null;
            if (p != null) {
                Matcher m = KIRO_REFS.matcher(TextScan.squash(src.chars(p)));
                if (m.matches()) {
                    for (String ref : COMMA.split(m.group(1))) {
                        String r = ref.trim();
                        if (!r.isEmpty() && !d.requirementRefs.contains(r)) {
                            d.requirementRefs.add(r);
                        }
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- leftovers and scenarios

    private void leftoverOrScenario(MdBlock list) {
        if (scenarioName == null) {
            leftover(list);
            return;
        }
        for (MdBlock c = list.firstChild(); c != null; c = c.next()) {
            MdBlock p = c.is(MdBlock.Kind.ITEM) ? head(src, c).para() : null;
            if (p != null) {
                scenarioSteps.add(TextScan.squash(TextScan.stripEmphasis(joinAll(lines(p)))));
            }
        }
        scenarioLast = Math.max(scenarioLast, Math.min(src.endLine(list), src.lineCount() - 1));
    }

    private static String joinAll(List<Line> ls) {
        return joinText(ls.get(0), ls.subList(1, ls.size()));
    }

    private void finishScenario() {
        if (scenarioName == null) {
            return;
        }
        String text = scenarioSteps.isEmpty() ? scenarioName : scenarioName + ": " + String.join(" ", scenarioSteps);
        d.acceptance.add(text);
        String line = src.line(scenarioLine);
        d.acceptanceItems.add(new Item(text, new Span(scenarioLine, 0, scenarioLast, src.line(scenarioLast).length()),
                scenarioLine, scenarioLast, scenarioLast, HEADING_MARKER.matcher(line).replaceFirst("$1"), true, false,
                true));
        scenarioName = null;
        scenarioSteps.clear();
    }

    private void leftover(MdBlock n) {
        int first = src.startLine(n);
        int last = Math.min(src.endLine(n), src.lineCount() - 1);
        if (first > last) {
            return;
        }
        int col = n.is(MdBlock.Kind.HEADING) ? 0 : Math.min(src.colOf(n.start), src.line(first).length());
        d.descriptionSpans.add(new Span(first, col, last, src.line(last).length()));
    }

    /** Ends the body: closes an open scenario and turns description spans into text. */
    void finish() {
        finishScenario();
        List<Span> merged = new ArrayList<>();
        for (Span s : d.descriptionSpans) {
            if (!merged.isEmpty()) {
                Span prev = merged.get(merged.size() - 1);
                if (onlyBlankBetween(prev, s)) {
                    merged.set(merged.size() - 1, new Span(prev.line(), prev.col(), Math.max(prev.endLine(), s.endLine()),
                            prev.endLine() > s.endLine() ? prev.endCol() : s.endCol()));
                    continue;
                }
            }
            merged.add(s);
        }
        d.descriptionSpans.clear();
        for (Span s : merged) {
            String text = spanText(s);
            if (!text.isEmpty()) {
                d.descriptionSpans.add(s);
                d.descriptionParts.add(text);
            }
        }
    }

    private boolean onlyBlankBetween(Span a, Span b) {
        if (b.line() < a.endLine() || (b.line() == a.endLine() && b.col() < a.endCol())) {
            return false;
        }
        for (int i = a.endLine() + 1; i < b.line(); i++) {
            if (!src.isBlank(i)) {
                return false;
            }
        }
        return b.line() > a.endLine() || src.line(a.endLine()).substring(a.endCol(), b.col()).isBlank();
    }

    /** The text of a span, lines dedented by their common indentation, blank edges trimmed. */
    String spanText(Span s) {
        List<String> out = new ArrayList<>();
        int minIndent = Integer.MAX_VALUE;
        for (int i = s.line(); i <= s.endLine(); i++) {
            String l = src.line(i);
            int from = i == s.line() ? Math.min(s.col(), l.length()) : 0;
            int to = i == s.endLine() ? Math.min(Math.max(s.endCol(), from), l.length()) : l.length();
            String part = l.substring(from, to);
            out.add(part);
            if (i > s.line() && !part.isBlank()) {
                minIndent = Math.min(minIndent, indentWidth(part));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < out.size(); i++) {
            String part = out.get(i);
            if (i > 0) {
                sb.append('\n');
                part = part.isBlank() ? "" : part.substring(Math.min(minIndent, indentWidth(part)));
            }
            sb.append(stripTrailing(part));
        }
        return sb.toString().strip();
    }

    private static int indentWidth(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static String stripTrailing(String s) {
        int e = s.length();
        while (e > 0 && Character.isWhitespace(s.charAt(e - 1))) {
            e--;
        }
        return s.substring(0, e);
    }
}
