package dev.buildrunner.spec;

import java.util.List;

/**
 * One block of a spec's Markdown, as flexmark's block parser found it, reduced to what the parser
 * reads: its kind, its offsets in the normalised text ({@link SourceText#text()}), and a few
 * per-kind facts (heading level and text, list-item marker and checkbox, fence markers).
 *
 * <p>Inline content is not kept: the parser reads text through offsets. Two variants exist: a
 * template whose offsets are relative to the chunk it was parsed from (cached and shared between
 * parses and threads, never modified) and a positioned copy, made by {@link #at(int)} for one
 * parse, whose offsets are absolute and whose siblings are linked by {@link #next()}. A positioned
 * copy makes copies of its children only when they are first asked for (most blocks of a cached
 * feature are never looked at again), so it is not thread-safe.
 */
final class MdBlock {

    /** The block kinds the parser distinguishes; everything else is {@link #OTHER}. */
    enum Kind {
        /** ATX or setext heading. */
        HEADING,
        PARAGRAPH,
        /** A bullet or ordered list; its children are {@link #ITEM}s. */
        LIST,
        /** A list item, task items included. */
        ITEM,
        FENCED_CODE,
        INDENTED_CODE,
        /** A thematic break ({@code ---}). */
        RULE,
        /** Any other block: block quote, table, HTML, link reference, front matter. */
        OTHER
    }

    private static final MdBlock[] NONE = new MdBlock[0];

    final Kind kind;
    /** Offset of the first character, and just after the last one. */
    final int start;
    final int end;
    /** The 0-based lines of the first and of the last character. */
    final int firstLine;
    final int lastLine;
    /** HEADING: 1 to 6. */
    final int level;
    /** HEADING: the text after the markers, exactly as flexmark gives it; "" when blank. */
    final String text;
    /** HEADING: where {@link #text} starts (meaningless when the text is blank). */
    final int textStart;
    /** HEADING: true when the text is empty or white space (a line holding only "#"). */
    final boolean blank;
    /** ITEM: the number of an ordered item's marker ("3." gives 3), -1 for other items. */
    final int number;
    /** ITEM: a GFM task item ({@code - [ ] x}); {@link #done} when its box is ticked. */
    final boolean task;
    final boolean done;
    /** FENCED_CODE: the opening fence as written; {@link #closed} false when it never closes. */
    final String marker;
    final boolean closed;
    /** A template's children; a positioned block's copies of them, null until first asked for. */
    private MdBlock[] children;
    /** For a positioned block, its template and the distance to it; null and 0 for a template. */
    private final MdBlock template;
    private final int delta;
    private final int lineDelta;
    private MdBlock next;

    private MdBlock(Kind kind, int[] span, int level, String text, int textStart, boolean blank,
            int number, boolean task, boolean done, String marker, boolean closed, MdBlock[] children) {
        this.kind = kind;
        this.start = span[0];
        this.end = span[1];
        this.firstLine = span[2];
        this.lastLine = span[3];
        this.level = level;
        this.text = text;
        this.textStart = textStart;
        this.blank = blank;
        this.number = number;
        this.task = task;
        this.done = done;
        this.marker = marker;
        this.closed = closed;
        this.children = children;
        this.template = null;
        this.delta = 0;
        this.lineDelta = 0;
    }

    private MdBlock(MdBlock t, int delta, int lines) {
        this.kind = t.kind;
        this.start = t.start + delta;
        this.end = t.end + delta;
        this.firstLine = t.firstLine + lines;
        this.lastLine = t.lastLine + lines;
        this.level = t.level;
        this.text = t.text;
        this.textStart = t.textStart + delta;
        this.blank = t.blank;
        this.number = t.number;
        this.task = t.task;
        this.done = t.done;
        this.marker = t.marker;
        this.closed = t.closed;
        this.children = t.children.length == 0 ? NONE : null;
        this.template = t;
        this.delta = delta;
        this.lineDelta = lines;
    }

    // span: start offset, end offset, first line, last line

    static MdBlock heading(int[] span, int level, String text, int textStart, boolean blank) {
        return new MdBlock(Kind.HEADING, span, level, text, textStart, blank, -1, false, false, "", false, NONE);
    }

    static MdBlock item(int[] span, int number, boolean task, boolean done, List<MdBlock> children) {
        return new MdBlock(Kind.ITEM, span, 0, "", 0, false, number, task, done, "", false, children.toArray(NONE));
    }

    static MdBlock fence(int[] span, String marker, boolean closed) {
        return new MdBlock(Kind.FENCED_CODE, span, 0, "", 0, false, -1, false, false, marker, closed, NONE);
    }

    /** A block with no per-kind facts: paragraph, list, indented code, rule, other. */
    static MdBlock of(Kind kind, int[] span, List<MdBlock> children) {
        return new MdBlock(kind, span, 0, "", 0, false, -1, false, false, "", false,
                children.isEmpty() ? NONE : children.toArray(NONE));
    }

    /**
     * A positioned copy of this template: every offset moved by {@code delta} and every line by
     * {@code lines}; its children are copied and linked when first asked for. The copy's own
     * {@link #next()} is set by whoever links the top-level blocks.
     */
    MdBlock at(int delta, int lines) {
        return new MdBlock(this, delta, lines);
    }

    private MdBlock[] children() {
        if (children == null) {
            MdBlock[] t = template.children;
            MdBlock[] copies = new MdBlock[t.length];
            for (int i = 0; i < copies.length; i++) {
                copies[i] = t[i].at(delta, lineDelta);
                if (i > 0) {
                    copies[i - 1].next = copies[i];
                }
            }
            children = copies;
        }
        return children;
    }

    /**
     * Adds the code blocks (fenced or indented) of this template's subtree, this block included, in
     * document order; the code inside a code block is not searched.
     */
    void collectCode(List<MdBlock> out) {
        if (kind == Kind.FENCED_CODE || kind == Kind.INDENTED_CODE) {
            out.add(this);
        } else {
            for (MdBlock c : children) {
                c.collectCode(out);
            }
        }
    }

    /** Links a positioned top-level block to the one after it. */
    void link(MdBlock following) {
        this.next = following;
    }

    /** The next sibling (positioned copies only), null after the last. */
    MdBlock next() {
        return next;
    }

    MdBlock firstChild() {
        MdBlock[] c = children();
        return c.length == 0 ? null : c[0];
    }

    MdBlock lastChild() {
        MdBlock[] c = children();
        return c.length == 0 ? null : c[c.length - 1];
    }

    boolean hasChildren() {
        return children != null ? children.length > 0 : template.children.length > 0;
    }

    boolean is(Kind k) {
        return kind == k;
    }

    /** A heading with text ({@link #blank} false). */
    boolean isHeading() {
        return kind == Kind.HEADING && !blank;
    }

    /** Structure and facts as one line per block, for tests comparing two parses. */
    void describe(StringBuilder out, int depth) {
        out.append("  ".repeat(depth)).append(kind).append(' ').append(start).append('-').append(end);
        switch (kind) {
            case HEADING -> out.append(" h").append(level).append(blank ? " blank" : " '" + text + "'@" + textStart);
            case ITEM -> out.append(" n=").append(number).append(task ? done ? " [x]" : " [ ]" : "");
            case FENCED_CODE -> out.append(' ').append(marker).append(closed ? " closed" : " open");
            default -> {
                // nothing more
            }
        }
        out.append('\n');
        for (MdBlock c : children()) {
            c.describe(out, depth + 1);
        }
    }
}
