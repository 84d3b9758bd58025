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
 * parse, whose offsets are absolute and whose siblings are linked by {@link #next()}.
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
    private final MdBlock[] children;
    private MdBlock next;

    private MdBlock(Kind kind, int start, int end, int level, String text, int textStart, boolean blank,
            int number, boolean task, boolean done, String marker, boolean closed, MdBlock[] children) {
        this.kind = kind;
        this.start = start;
        this.end = end;
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
    }

    static MdBlock heading(int start, int end, int level, String text, int textStart, boolean blank) {
        return new MdBlock(Kind.HEADING, start, end, level, text, textStart, blank, -1, false, false, "", false,
                NONE);
    }

    static MdBlock item(int start, int end, int number, boolean task, boolean done, List<MdBlock> children) {
        return new MdBlock(Kind.ITEM, start, end, 0, "", 0, false, number, task, done, "", false,
                children.toArray(NONE));
    }

    static MdBlock fence(int start, int end, String marker, boolean closed) {
        return new MdBlock(Kind.FENCED_CODE, start, end, 0, "", 0, false, -1, false, false, marker, closed, NONE);
    }

    /** A block with no per-kind facts: paragraph, list, indented code, rule, other. */
    static MdBlock of(Kind kind, int start, int end, List<MdBlock> children) {
        return new MdBlock(kind, start, end, 0, "", 0, false, -1, false, false, "", false,
                children.isEmpty() ? NONE : children.toArray(NONE));
    }

    /**
     * A positioned copy of this template: every offset moved by {@code delta}, children copied and
     * linked. The copy's own {@link #next()} is set by whoever links the top-level blocks.
     */
    MdBlock at(int delta) {
        MdBlock[] copies = children.length == 0 ? NONE : new MdBlock[children.length];
        for (int i = 0; i < copies.length; i++) {
            copies[i] = children[i].at(delta);
            if (i > 0) {
                copies[i - 1].next = copies[i];
            }
        }
        return new MdBlock(kind, start + delta, end + delta, level, text, textStart + delta, blank, number, task,
                done, marker, closed, copies);
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
        return children.length == 0 ? null : children[0];
    }

    MdBlock lastChild() {
        return children.length == 0 ? null : children[children.length - 1];
    }

    boolean hasChildren() {
        return children.length > 0;
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
        for (MdBlock c : children) {
            c.describe(out, depth + 1);
        }
    }
}
