package dev.buildrunner.spec;

import dev.buildrunner.spec.BodyReader.Line;
import dev.buildrunner.spec.FeatureDraft.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the features of one parsed document, format by format (see {@link SpecParser} for the
 * rules), reads each one's body with a {@link BodyReader} (or takes a heading feature read by an
 * earlier parse from the {@link DraftCache}), and says where a new feature would go. One instance
 * per parse.
 */
final class FeatureFinder {

    static final Pattern FEATURE_PREFIX = Pattern.compile(
            "^(?:feature|功能|特性|需求)\\s*(?:#?\\s*(\\d+)[A-Za-z]?)?\\s*[:：.\\-–—]\\s*(?=\\S)",
            Pattern.CASE_INSENSITIVE);
    static final Pattern NUMBERED = Pattern.compile("^(\\d+)[.)]\\s+(?=\\S)");
    static final Pattern USER_STORY = Pattern.compile(
            "^User Story\\s+(\\d+)\\s*[-–—:]\\s*(.+?)\\s*(?:\\(Priority:\\s*([^)]+)\\)(?:\\s+.*)?)?$",
            Pattern.CASE_INSENSITIVE);
    static final Pattern PHASE = Pattern.compile("^Phase\\s+(\\d+)\\s*[:.\\-–—]\\s*(.+)$",
            Pattern.CASE_INSENSITIVE);
    static final Pattern PRIORITY_IN = Pattern.compile("\\(Priority:\\s*([^)]+)\\)", Pattern.CASE_INSENSITIVE);
    static final Pattern KIRO_REQ = Pattern.compile("^Requirement\\s+(\\d+)(?:\\s*[:.\\-–—]\\s*(.*))?$",
            Pattern.CASE_INSENSITIVE);
    static final Pattern OPENSPEC_REQ = Pattern.compile("^Requirement:\\s*(.+)$", Pattern.CASE_INSENSITIVE);
    static final Pattern KIRO_TASK = Pattern.compile("^(\\d+)\\.?\\s+(.+)$");
    static final Pattern EMPTY_HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s*$");
    static final Pattern RULE = Pattern.compile("^\\s{0,3}([-*_])(?:\\s*\\1){2,}\\s*$");
    static final Pattern OVERVIEW = Pattern.compile(
            "^(?:project\\s+)?(?:overview|introduction|purpose|summary|executive summary|background|about)$"
                    + "|^(?:项目)?(?:概述|简介|介绍|背景|目的)$");
    static final Pattern NOT_FEATURES = Pattern.compile(
            "^(?:overview|introduction|purpose|summary|background|technical requirements?|dependencies|notes?"
                    + "|appendix|references?|success (?:criteria|metrics)|glossary|table of contents|contents"
                    + "|changelog|license|assumptions|risks?.*|open questions|next steps|timeline)$");

    private final SourceText st;
    private final MdDocument doc;
    private final SpecFormat format;
    private final List<MdBlock> headings;
    private final MdBlock titleHeading;
    private final int sectionLevel;
    private final List<FeatureDraft> drafts;
    private final List<Diagnostic> diags;
    private final boolean[] codeLine;
    /** Null when nothing is cached. */
    private final DraftCache cache;

    /**
     * @param codeLine for each 0-based line, true when it is inside a code block
     * @param cache drafts of earlier parses, null to cache nothing
     */
    FeatureFinder(SourceText st, MdDocument doc, SpecFormat format, List<MdBlock> headings, MdBlock titleHeading,
            int sectionLevel, List<FeatureDraft> drafts, List<Diagnostic> diags, boolean[] codeLine,
            DraftCache cache) {
        this.st = st;
        this.doc = doc;
        this.format = format;
        this.headings = headings;
        this.titleHeading = titleHeading;
        this.sectionLevel = sectionLevel;
        this.drafts = drafts;
        this.diags = diags;
        this.codeLine = codeLine;
        this.cache = cache;
    }

    /** The next top-level block after {@code h} that ends its section: a heading of level <= max. */
    MdBlock stopAfter(MdBlock h, int maxLevel) {
        for (MdBlock n = h.next(); n != null; n = n.next()) {
            if (n.isHeading() && n.level <= maxLevel) {
                return n;
            }
        }
        return null;
    }

    // ------------------------------------------------------------ features

    SpecParser.Placement find() {
        return switch (format) {
            case SPEC_KIT -> byHeadings(USER_STORY, BodyReader.Mode.BUILDRUNNER);
            case SPEC_KIT_TASKS -> byHeadings(PHASE, BodyReader.Mode.TASKS);
            case KIRO -> byHeadings(KIRO_REQ, BodyReader.Mode.BUILDRUNNER);
            case OPENSPEC -> byHeadings(OPENSPEC_REQ, BodyReader.Mode.OPENSPEC);
            case KIRO_TASKS -> kiroTasks();
            case MARKDOWN -> markdown();
            default -> buildrunner();
        };
    }

    private SpecParser.Placement buildrunner() {
        int afterLine = -1;
        int level = sectionLevel + 1;
        for (MdBlock s : headings) {
            if (s == titleHeading || s.level != sectionLevel) {
                continue;
            }
            String t = SpecParser.clean(s.text);
            MdBlock end = stopAfter(s, sectionLevel);
            if (SpecParser.isFeatureHeading(t)) {
                headingFeature(s, end, BodyReader.Mode.BUILDRUNNER);
                level = sectionLevel;
            } else if (SpecParser.isFeaturesSection(t)) {
                int subLevel = Integer.MAX_VALUE;
                for (MdBlock n = s.next(); n != end; n = n.next()) {
                    if (n.isHeading()) {
                        subLevel = Math.min(subLevel, n.level);
                    }
                }
                if (subLevel != Integer.MAX_VALUE) {
                    for (MdBlock n = s.next(); n != end && !n.is(MdBlock.Kind.HEADING); n = n.next()) {
                        if (n.is(MdBlock.Kind.LIST)) {
                            diags.add(Diagnostic.warning(st.startLine(n) + 1, "list-outside-feature",
                                    "this list comes before the first feature heading of '" + t
                                            + "' and belongs to no feature"));
                        }
                    }
                    for (MdBlock n = s.next(); n != end; n = n.next()) {
                        if (n.isHeading() && n.level == subLevel) {
                            headingFeature(n, stopAfter(n, subLevel), BodyReader.Mode.BUILDRUNNER);
                        }
                    }
                    level = subLevel;
                } else {
                    int before = drafts.size();
                    boolean text = false;
                    for (MdBlock n = s.next(); n != end; n = n.next()) {
                        if (n.is(MdBlock.Kind.LIST)) {
                            itemFeatures(n);
                        } else if (!n.is(MdBlock.Kind.RULE)) {
                            text = true;
                        }
                    }
                    if (drafts.size() == before && text) {
                        diags.add(Diagnostic.warning(st.startLine(s) + 1, "unreadable-features-section",
                                "section '" + t + "' holds neither feature headings nor a list of features;"
                                        + " its text was not read as features"));
                    }
                }
                afterLine = lastContentLine(st.startLine(s), end == null ? st.lineCount() - 1
                        : st.startLine(end) - 1);
            }
        }
        if (drafts.isEmpty()) {
            for (MdBlock h : headings) {
                if (h != titleHeading && SpecParser.isFeatureHeading(SpecParser.clean(h.text))) {
                    headingFeature(h, stopAfter(h, h.level), BodyReader.Mode.BUILDRUNNER);
                    level = h.level;
                }
            }
        }
        return placement(afterLine, level);
    }

    private SpecParser.Placement placement(int sectionEnd, int level) {
        if (drafts.isEmpty()) {
            return new SpecParser.Placement(sectionEnd, level, "Feature: ", 1, false);
        }
        FeatureDraft last = drafts.get(drafts.size() - 1);
        int after = Math.max(sectionEnd, last.lastLine);
        String style = "";
        int maxNumber = 0;
        for (FeatureDraft d : drafts) {
            maxNumber = Math.max(maxNumber, d.number);
        }
        String firstHeading = SpecParser.clean(drafts.get(0).itemFeature ? "" : headingText(drafts.get(0)));
        Matcher m = FEATURE_PREFIX.matcher(Labels.stripLeadingSymbols(firstHeading));
        if (m.find()) {
            style = m.group(1) != null ? "Feature N: " : "Feature: ";
        } else if (NUMBERED.matcher(firstHeading).find()) {
            style = "N. ";
        }
        boolean separators = false;
        for (int i = last.lastLine + 1; i < st.lineCount() && i <= last.lastLine + 3; i++) {
            if (RULE.matcher(st.line(i)).matches()) {
                separators = true;
            }
        }
        if (drafts.size() > 1) {
            FeatureDraft prev = drafts.get(drafts.size() - 2);
            for (int i = prev.lastLine + 1; i < last.firstLine; i++) {
                separators |= RULE.matcher(st.line(i)).matches();
            }
        }
        return new SpecParser.Placement(after, last.itemFeature ? level : last.headingLevel, style, maxNumber + 1, separators);
    }

    private String headingText(FeatureDraft d) {
        String line = st.line(d.headingLine);
        return line.replaceFirst("^\\s*#+\\s*", "").replaceFirst("\\s*#+\\s*$", "");
    }

    int lastContentLine(int from, int to) {
        int last = Math.min(to, st.lineCount() - 1);
        while (last > from && (st.isBlank(last) || RULE.matcher(st.line(last)).matches()
                || EMPTY_HEADING.matcher(st.line(last)).matches())) {
            last--;
        }
        return last;
    }

    private SpecParser.Placement byHeadings(Pattern p, BodyReader.Mode mode) {
        int level = 3;
        for (MdBlock h : headings) {
            if (p.matcher(SpecParser.clean(h.text)).matches()) {
                headingFeature(h, stopAfter(h, h.level), mode);
                level = h.level;
            }
        }
        return placement(-1, level);
    }

    private SpecParser.Placement kiroTasks() {
        for (MdBlock n = doc.first(); n != null; n = n.next()) {
            if (n.is(MdBlock.Kind.LIST)) {
                itemFeatures(n);
            }
        }
        return placement(-1, 2);
    }

    private SpecParser.Placement markdown() {
        int deeper = sectionLevel + 1;
        boolean hasDeeper = false;
        for (MdBlock h : headings) {
            hasDeeper |= h.level == deeper;
        }
        int level = hasDeeper ? deeper : sectionLevel;
        boolean skipSection = false;
        for (MdBlock h : headings) {
            String n = Labels.normalize(SpecParser.clean(h.text));
            if (h == titleHeading) {
                continue;
            }
            if (h.level == sectionLevel) {
                skipSection = NOT_FEATURES.matcher(n).matches() || OVERVIEW.matcher(n).matches();
            }
            if (h.level == level && !skipSection && !NOT_FEATURES.matcher(n).matches()
                    && !OVERVIEW.matcher(n).matches()) {
                headingFeature(h, stopAfter(h, level), BodyReader.Mode.BUILDRUNNER);
            }
        }
        return placement(-1, level);
    }

    // ------------------------------------------------------------ one feature

    private void headingFeature(MdBlock h, MdBlock stop, BodyReader.Mode mode) {
        DraftCache.Key key = cache == null ? null : DraftCache.key(doc, format, mode, h, stop);
        int line = st.startLine(h);
        if (key != null && cache.take(key, line, drafts, diags)) {
            return;
        }
        List<Diagnostic> own = new ArrayList<>();
        FeatureDraft d = new FeatureDraft();
        d.format = format;
        d.headingLine = st.startLine(h);
        d.headingLevel = h.level;
        d.firstLine = d.headingLine;
        int stopLine = stop == null ? st.lineCount() - 1 : st.startLine(stop) - 1;
        d.lastLine = Math.max(d.firstLine, lastContentLine(d.firstLine, stopLine));
        String raw = h.text;
        int textCol = st.colOf(h.textStart);
        name(d, raw, textCol);
        BodyReader r = new BodyReader(st, d, mode, own);
        r.readBlocks(h.next(), stop);
        r.finish();
        d.collectEndpoints(st, codeLine);
        drafts.add(d);
        diags.addAll(own);
        if (key != null) {
            cache.keep(key, line, d, own);
        }
    }

    /** Sets name, number, own id and priority from a heading's text. */
    private void name(FeatureDraft d, String raw, int textCol) {
        String trimmed = raw.strip();
        int lead = raw.indexOf(trimmed.isEmpty() ? " " : trimmed.substring(0, 1));
        String t = Labels.stripLeadingSymbols(trimmed);
        int skip = lead + (trimmed.length() - t.length());
        String name = t;
        int nameEnd = -1;
        Matcher m;
        if (format == SpecFormat.SPEC_KIT && (m = USER_STORY.matcher(t)).matches()) {
            d.id = "US" + m.group(1);
            d.number = Integer.parseInt(m.group(1));
            name = m.group(2);
            nameEnd = skip + m.end(2);
            skip += m.start(2);
            d.priority = m.group(3) == null ? "" : m.group(3).trim();
            t = name;
        } else if (format == SpecFormat.SPEC_KIT_TASKS && (m = PHASE.matcher(t)).matches()) {
            d.number = Integer.parseInt(m.group(1));
            name = m.group(2).trim();
            skip += m.start(2);
            Matcher us = USER_STORY.matcher(name);
            if (us.matches()) {
                d.id = "US" + us.group(1);
            }
            Matcher pr = PRIORITY_IN.matcher(name);
            if (pr.find()) {
                d.priority = pr.group(1).trim();
            }
            t = name;
        } else if (format == SpecFormat.KIRO && (m = KIRO_REQ.matcher(t)).matches()) {
            d.number = Integer.parseInt(m.group(1));
            d.id = "req-" + m.group(1);
            boolean titled = m.group(2) != null && !m.group(2).isBlank();
            name = titled ? m.group(2).trim() : t;
            skip += titled ? m.start(2) : 0;
            t = name;
        } else if (format == SpecFormat.OPENSPEC && (m = OPENSPEC_REQ.matcher(t)).matches()) {
            name = m.group(1).trim();
            skip += m.start(1);
            t = name;
        } else if ((m = FEATURE_PREFIX.matcher(t)).find()) {
            if (m.group(1) != null) {
                d.number = Integer.parseInt(m.group(1));
            }
            name = t.substring(m.end());
            skip += m.end();
        } else if ((m = NUMBERED.matcher(t)).find()) {
            d.number = Integer.parseInt(m.group(1));
            name = t.substring(m.end());
            skip += m.end();
        }
        d.name = SpecParser.clean(name);
        int start = Math.min(textCol + skip, st.line(d.headingLine).length());
        int end = Math.min(textCol + (nameEnd >= 0 ? nameEnd : raw.stripTrailing().length()),
                st.line(d.headingLine).length());
        d.nameSpan = new Span(d.headingLine, start, d.headingLine, Math.max(start, end));
    }

    private void itemFeatures(MdBlock list) {
        for (MdBlock c = list.firstChild(); c != null; c = c.next()) {
            if (c.is(MdBlock.Kind.ITEM)) {
                itemFeature(c);
            }
        }
    }

    private void itemFeature(MdBlock item) {
        FeatureDraft d = new FeatureDraft();
        d.format = format;
        d.itemFeature = true;
        d.firstLine = st.startLine(item);
        d.headingLine = d.firstLine;
        d.lastLine = Math.max(d.firstLine, lastContentLine(d.firstLine, Math.min(st.endLine(item),
                st.lineCount() - 1)));
        BodyReader.Mode mode = format == SpecFormat.KIRO_TASKS ? BodyReader.Mode.KIRO_TASKS
                : BodyReader.Mode.BUILDRUNNER;
        BodyReader r = new BodyReader(st, d, mode, diags);
        if (item.number >= 0) {
            d.number = item.number;
        }
        BodyReader.Head head = BodyReader.head(st, item);
        if (head.number() >= 0) {
            d.number = head.number();
        }
        MdBlock para = head.para();
        if (para == null) {
            d.name = "";
            d.nameSpan = new Span(d.firstLine, 0, d.firstLine, 0);
            r.readNodes(head.rest());
            r.finish();
            d.collectEndpoints(st, codeLine);
            drafts.add(d);
            return;
        }
        List<Line> lines = r.lines(para);
        Line first = lines.get(0);
        int marks = TextScan.leadingMarks(first.text());
        String text = first.text().substring(marks);
        int col = first.col() + marks;
        Labels.Label label = text.startsWith("*") || text.startsWith("_") ? Labels.parse(text) : null;
        Line restLine = null;
        if (format == SpecFormat.KIRO_TASKS) {
            Matcher m = KIRO_TASK.matcher(text);
            if (m.matches()) {
                d.number = Integer.parseInt(m.group(1));
                d.name = SpecParser.clean(m.group(2));
                d.nameSpan = new Span(first.line(), col + m.start(2), first.line(), col + text.length());
            }
        }
        if (d.nameSpan != null) {
            // name set above
        } else if (label != null && label.field() == null) {
            d.name = SpecParser.clean(label.label());
            int ls = text.indexOf(label.label());
            d.nameSpan = new Span(first.line(), col + ls, first.line(), col + ls + label.label().length());
            if (!label.value().isEmpty()) {
                restLine = new Line(first.line(), col + label.valueStart(), text.substring(label.valueStart()));
            }
        } else if (text.startsWith("**") && text.indexOf("**", 2) > 2) {
            int close = text.indexOf("**", 2);
            d.name = SpecParser.clean(text.substring(2, close));
            d.nameSpan = new Span(first.line(), col + 2, first.line(), col + close);
            int rs = close + 2;
            while (rs < text.length() && " -–—:".indexOf(text.charAt(rs)) >= 0) {
                rs++;
            }
            if (rs < text.length()) {
                restLine = new Line(first.line(), col + rs, text.substring(rs));
            }
        } else {
            String name = text.endsWith(":") || text.endsWith("：") ? text.substring(0, text.length() - 1) : text;
            d.name = SpecParser.clean(name);
            d.nameSpan = new Span(first.line(), col, first.line(), col + name.length());
        }
        if (restLine != null) {
            d.descriptionSpans.add(new Span(restLine.line(), restLine.col(), restLine.line(), restLine.endCol()));
        }
        if (lines.size() > 1) {
            Line l2 = lines.get(1);
            Line ll = lines.get(lines.size() - 1);
            d.descriptionSpans.add(new Span(l2.line(), l2.col(), ll.line(), ll.endCol()));
        }
        r.readNodes(head.rest());
        r.finish();
        d.collectEndpoints(st, codeLine);
        drafts.add(d);
    }
}
