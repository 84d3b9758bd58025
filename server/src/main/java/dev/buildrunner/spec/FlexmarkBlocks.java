package dev.buildrunner.spec;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListItem;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.CharacterNodeFactory;
import com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * Markdown text to {@link MdBlock}s with flexmark (CommonMark plus GFM tables, task-list items and
 * YAML front matter), so that a heading inside a fenced code block is never a heading.
 *
 * <p>Only the block structure is kept. Inline parsing of paragraphs and headings (emphasis, links,
 * code spans) is switched off: nothing the spec parser reads depends on it, and it is a sizeable
 * part of flexmark's time and allocation. Block structure does not depend on it (CommonMark parses
 * blocks first); link reference definitions and table rows, which flexmark finds with its inline
 * parser ({@code preProcessBlock}, {@code parseCustom}), are still recognised: only the
 * per-paragraph inline pass is skipped, and the reference pre-processor, which flexmark drops with
 * a custom inline parser, is added back. A test compares the blocks of both settings.
 *
 * <p>Thread-safe: the flexmark parser is built once and is immutable.
 */
final class FlexmarkBlocks {

    private final Parser parser;

    /** Builds the flexmark parser: tables, YAML front matter, GFM task lists, no inline pass. */
    FlexmarkBlocks() {
        this(false);
    }

    /**
     * @param inlines true to keep flexmark's inline pass (tests use it to show that skipping it
     *     changes no block)
     */
    FlexmarkBlocks(boolean inlines) {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), YamlFrontMatterExtension.create(),
                TaskListExtension.create()));
        Parser.Builder builder = Parser.builder(options);
        if (!inlines) {
            // flexmark adds its link reference definition pre-processor only with its own inline parser
            builder.paragraphPreProcessorFactory(new ReferencePreProcessorFactory());
            builder.customInlineParserFactory((opts, special, delimiters, processors, linkRefs, extensions) ->
                    new InlineParserImpl(opts, special, delimiters, processors, linkRefs, extensions) {
                        /** True inside parseCustom: the tables extension finds a row's cells with it. */
                        private boolean custom;

                        @Override
                        public List<Node> parseCustom(BasedSequence input, Node node, BitSet chars,
                                Map<Character, CharacterNodeFactory> factories) {
                            custom = true;
                            try {
                                return super.parseCustom(input, node, chars, factories);
                            } finally {
                                custom = false;
                            }
                        }

                        @Override
                        public void parse(BasedSequence input, Node node) {
                            if (custom) {
                                super.parse(input, node);
                            }
                            // else: blocks only; paragraphs and headings keep their text, without inline nodes
                        }
                    });
        }
        this.parser = builder.build();
    }

    /**
     * Parses a text on its own.
     *
     * @param text Markdown with {@code \n} line ends
     * @return its top-level blocks, offsets relative to the start of {@code text}
     */
    List<MdBlock> parse(String text) {
        TopLevel top = parseTopLevel(text);
        List<MdBlock> out = new ArrayList<>(top.size());
        for (int i = 0; i < top.size(); i++) {
            out.add(top.block(i, 0, 0));
        }
        return out;
    }

    /** Parses a text whose top-level blocks are to be converted relative to different starts. */
    TopLevel parseTopLevel(String text) {
        List<Node> nodes = new ArrayList<>();
        for (Node n = parser.parse(text).getFirstChild(); n != null; n = n.getNext()) {
            nodes.add(n);
        }
        return new TopLevel(nodes, lineStarts(text));
    }

    /** The top-level nodes of one flexmark parse, and where the lines of its text start. */
    static final class TopLevel {
        private final List<Node> nodes;
        private final int[] lineStarts;

        private TopLevel(List<Node> nodes, int[] lineStarts) {
            this.nodes = nodes;
            this.lineStarts = lineStarts;
        }

        int size() {
            return nodes.size();
        }

        /** Where the i-th block starts in the text. */
        int start(int i) {
            return nodes.get(i).getStartOffset();
        }

        boolean isHeading(int i) {
            return nodes.get(i) instanceof Heading;
        }

        /** The i-th block, its offsets less {@code baseOffset} and its lines less {@code baseLine}. */
        MdBlock block(int i, int baseOffset, int baseLine) {
            return convert(nodes.get(i), new Base(lineStarts, baseOffset, baseLine));
        }
    }

    private record Base(int[] lineStarts, int offset, int line) {
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int nl = text.indexOf('\n'); nl >= 0 && nl + 1 < text.length(); nl = text.indexOf('\n', nl + 1)) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = nl + 1;
        }
        return Arrays.copyOf(starts, count);
    }

    /**
     * The start and end offsets, and the lines of the first and last characters, counted as
     * {@link SourceText} counts them (a line end at the very end starts no line), relative to a base.
     */
    private static int[] span(Node n, Base base) {
        int start = n.getStartOffset();
        int end = n.getEndOffset();
        return new int[] {start - base.offset(), end - base.offset(), lineOf(base.lineStarts(), start) - base.line(),
            lineOf(base.lineStarts(), Math.max(start, end - 1)) - base.line()};
    }

    private static int lineOf(int[] lineStarts, int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i : Math.max(0, -i - 2);
    }

    /**
     * Every child: blocks, and the nodes that stand among blocks without being flexmark
     * {@code Block}s (a link reference definition). Paragraphs, headings, code and tables are
     * leaves here: what is inside them is inline content.
     */
    private static List<MdBlock> children(Node parent, Base lines) {
        List<MdBlock> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            out.add(convert(n, lines));
        }
        return out;
    }

    private static MdBlock convert(Node n, Base lines) {
        int[] span = span(n, lines);
        if (n instanceof Heading h) {
            BasedSequence t = h.getText();
            return MdBlock.heading(span, h.getLevel(), t.toString(), t.getStartOffset() - lines.offset(), t.isBlank());
        }
        if (n instanceof Paragraph) {
            return MdBlock.of(MdBlock.Kind.PARAGRAPH, span, List.of());
        }
        if (n instanceof FencedCodeBlock f) {
            return MdBlock.fence(span, f.getOpeningMarker().toString(), !f.getClosingMarker().isEmpty());
        }
        if (n instanceof ListItem item) {
            int number = item instanceof OrderedListItem o ? BodyReader.number(o.getOpeningMarker().toString()) : -1;
            boolean task = item instanceof TaskListItem;
            boolean done = task && ((TaskListItem) item).isItemDoneMarker();
            return MdBlock.item(span, number, task, done, children(n, lines));
        }
        if (n instanceof ListBlock) {
            return MdBlock.of(MdBlock.Kind.LIST, span, children(n, lines));
        }
        if (n instanceof IndentedCodeBlock) {
            return MdBlock.of(MdBlock.Kind.INDENTED_CODE, span, List.of());
        }
        if (n instanceof ThematicBreak) {
            return MdBlock.of(MdBlock.Kind.RULE, span, List.of());
        }
        boolean leaf = n instanceof TableBlock || !(n instanceof Block);
        return MdBlock.of(MdBlock.Kind.OTHER, span, leaf ? List.of() : children(n, lines));
    }
}
