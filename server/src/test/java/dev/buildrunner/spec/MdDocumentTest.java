package dev.buildrunner.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The block structure the parser reads: parsing chunk by chunk gives the blocks of a whole-document
 * parse, skipping flexmark's inline pass changes no block, and a block's characters are flexmark's.
 * Checked on every real and trap spec and on a table of snippets holding the constructs that decide
 * where a chunk may end.
 */
class MdDocumentTest {

    private static final FlexmarkBlocks LEAN = new FlexmarkBlocks();
    private static final FlexmarkBlocks FULL = new FlexmarkBlocks(true);

    /** Snippets where a line starting with '#' is, or is not, a top-level heading. */
    static final List<String> SNIPPETS = List.of(
            "# A\n\n```\n# code\n```\n# B\n",
            "# A\n~~~\n# code\n~~~~\n# still code\n~~~\n# B\n",
            "````\n```\n# code\n```\n# code\n````\n# B\n",
            "# A\n```\n# unclosed\n# B\n",
            "---\ntitle: x\n# comment\n---\n# A\n",
            "---\n# A\n---\n# B\n",
            "# A\n<div>\n# in html\n</div>\n\n# B\n",
            "# A\n<!--\n# in comment\n-->\n# B\n",
            "# A\n<pre>\n" + "# line\n".repeat(20) + "</pre>\n# B\n",
            "# A\n<script>\n# x\n\n# y\n</script>\n# B\n",
            "- item\n   ```\n# after a list item's fence\n```\n# in fence\n```\n# B\n",
            "- item\n\n  # heading in item\n# B\n",
            "> quote\n# B\n> # quoted\n",
            "Setext\n===\n# A\nText\n---\n#\n#   \n####### seven\n#no space\n#\ttab\n # one space\n",
            "    # indented code\n# A\n\n    # more code\n",
            "[ref]: /url\n# A\n[ref2]:\n/url\n'title'\n# B\n",
            "| a | b |\n|---|---|\n# A\n| x `|` | y |\n|---|---|\n",
            "# A\r\n# B\r\n",
            "# A \u0000 nul\n- item \u0000\n\n> quote \u0000\n",
            "# A\n\n# B",
            "\n\n\n",
            "");

    static Stream<String> texts() {
        return Stream.concat(Stream.concat(Specs.realSpecs().stream(), Specs.files("traps").stream()).map(Specs::text),
                SNIPPETS.stream());
    }

    @ParameterizedTest
    @MethodSource("texts")
    void chunkedBlocksAreTheWholeDocumentsBlocks(String text) {
        SourceText st = new SourceText(text);
        String whole = Parses.describe(MdDocument.whole(st, LEAN).blocks());
        assertThat(Parses.describe(MdDocument.chunked(st, LEAN, null).blocks())).isEqualTo(whole);
        LruCache<TextRegion, MdDocument.Chunk> cache = new LruCache<>(100, 1 << 20, TextRegion::length);
        assertThat(Parses.describe(MdDocument.chunked(st, LEAN, cache).blocks())).isEqualTo(whole);
        assertThat(Parses.describe(MdDocument.chunked(st, LEAN, cache).blocks())).isEqualTo(whole);
    }

    @ParameterizedTest
    @MethodSource("texts")
    void skippingTheInlinePassChangesNoBlock(String text) {
        String normalised = new SourceText(text).text();
        assertThat(Parses.describe(LEAN.parse(normalised))).isEqualTo(Parses.describe(FULL.parse(normalised)));
    }

    @ParameterizedTest
    @MethodSource("texts")
    void blockCharactersAreFlexmarksCharacters(String text) {
        SourceText st = new SourceText(text);
        Parser flexmark = Parser.builder(new MutableDataSet().set(Parser.EXTENSIONS, List.of(TablesExtension.create(),
                YamlFrontMatterExtension.create(), TaskListExtension.create()))).build();
        Node doc = flexmark.parse(st.text());
        assertSameChars(st, doc.getFirstChild(), MdDocument.whole(st, LEAN).first());
    }

    /** Walks flexmark's nodes and the blocks side by side; leaf blocks keep no inline children. */
    private static void assertSameChars(SourceText st, Node node, MdBlock block) {
        for (; node != null || block != null; node = node.getNext(), block = block.next()) {
            assertThat(node).isNotNull();
            assertThat(block).isNotNull();
            assertThat(st.chars(block)).isEqualTo(node.getChars().toString());
            if (node instanceof Heading h) {
                assertThat(block.text).isEqualTo(h.getText().toString());
            }
            if (block.hasChildren() || node instanceof ListItem || node instanceof ListBlock) {
                assertSameChars(st, node.getFirstChild(), block.firstChild());
            }
        }
    }

    @Test
    void blockLinesAreTheLinesOfTheirOffsets() {
        String text = Specs.text("project-spec/br3-PROJECT_SPEC_BUILD_3A.md");
        SourceText st = new SourceText(text);
        for (MdBlock b = MdDocument.chunked(st, LEAN, null).first(); b != null; b = b.next()) {
            assertThat(b.firstLine).isEqualTo(st.lineOf(b.start));
            assertThat(b.lastLine).isEqualTo(st.lineOf(Math.max(b.start, b.end - 1)));
        }
    }

    @Test
    void candidatesSkipFencedCodeButAreOnlyProposals() {
        SourceText st = new SourceText("# A\n```\n# code\n```\n## B\n#no\n####### seven\n    # code\n### C\n");
        assertThat(MdDocument.candidates(st)).containsExactly(0, 4, 8);
        // a fence inside a list item looks like a top-level one to the scan; the parse decides
        SourceText tricky = new SourceText(SNIPPETS.get(10));
        assertThat(MdDocument.candidates(tricky)).containsExactly(4);
        assertThat(Parses.describe(MdDocument.chunked(tricky, LEAN, null).blocks()))
                .isEqualTo(Parses.describe(MdDocument.whole(tricky, LEAN).blocks()));
    }

    @ParameterizedTest
    @MethodSource("texts")
    void aWholeParseCutIntoChunksIsTheChunkedParse(String text) {
        SourceText st = new SourceText(text);
        LruCache<TextRegion, MdDocument.Chunk> cache = new LruCache<>(1000, 1 << 24, TextRegion::length);
        MdDocument split = MdDocument.split(st, LEAN, cache);
        assertThat(Parses.describe(split.blocks())).isEqualTo(Parses.describe(MdDocument.whole(st, LEAN).blocks()));
        // the chunks it kept are those a chunked parse reads: the same blocks, under the same texts
        LruCache<TextRegion, MdDocument.Chunk> fresh = new LruCache<>(1000, 1 << 24, TextRegion::length);
        MdDocument.chunked(st, LEAN, fresh);
        assertThat(split.chunkTexts()).isNotEmpty();
        for (String chunk : split.chunkTexts()) {
            assertThat(Parses.describe(cache.get(TextRegion.of(chunk)).blocks()))
                    .isEqualTo(Parses.describe(fresh.get(TextRegion.of(chunk)).blocks()));
        }
    }

    @Test
    void aLargeTextCutIntoPiecesAndChunksIsTheWholeAndTheChunkedParse() {
        String big = SpecParserScaleTest.bigSpec(300);
        assertThat(big.length()).isGreaterThan(4 * MdDocument.PIECE);
        // constructs that make candidate lines fail, placed around where pieces end
        StringBuilder text = new StringBuilder(big);
        for (int at = MdDocument.PIECE * 4 - 100; at > 0; at -= MdDocument.PIECE - 300) {
            int line = text.indexOf("\n### Feature", at);
            text.insert(line + 1, at % 3 == 0 ? "<pre>\n# a\n# b\n</pre>\n" : at % 3 == 1 ? "<details>\n" : "- x\n   ```\n");
        }
        SourceText st = new SourceText(text.toString());
        LruCache<TextRegion, MdDocument.Chunk> cache = new LruCache<>(5000, 1 << 24, TextRegion::length);
        MdDocument split = MdDocument.split(st, LEAN, cache);
        assertThat(Parses.describe(split.blocks())).isEqualTo(Parses.describe(MdDocument.whole(st, LEAN).blocks()));
        LruCache<TextRegion, MdDocument.Chunk> fresh = new LruCache<>(5000, 1 << 24, TextRegion::length);
        MdDocument chunked = MdDocument.chunked(st, LEAN, fresh);
        assertThat(split.chunkTexts()).isEqualTo(chunked.chunkTexts());
        for (String chunk : split.chunkTexts()) {
            assertThat(Parses.describe(cache.get(TextRegion.of(chunk)).blocks()))
                    .isEqualTo(Parses.describe(fresh.get(TextRegion.of(chunk)).blocks()));
        }
    }

    @Test
    void aChunkedParseAfterASplitOneFindsEveryChunk() {
        SourceText st = new SourceText(Specs.text("project-spec/br3-PROJECT_SPEC_BUILD_3A.md"));
        LruCache<TextRegion, MdDocument.Chunk> cache = new LruCache<>(1000, 1 << 24, TextRegion::length);
        MdDocument.split(st, LEAN, cache);
        assertThat(cache.size()).isGreaterThan(10);
        MdDocument.chunked(st, LEAN, cache);
        assertThat(cache.misses()).isZero();
    }

    @Test
    void chunksAreSharedBetweenTextsThatHaveThem() {
        LruCache<TextRegion, MdDocument.Chunk> cache = new LruCache<>(100, 1 << 20, TextRegion::length);
        MdDocument.chunked(new SourceText("# A\n\ntext\n\n## B\n\nmore\n\n## C\n\nend\n"), LEAN, cache);
        assertThat(cache.size()).isEqualTo(3);
        long misses = cache.misses();
        MdDocument.chunked(new SourceText("# A\n\ntext\n\n## B\n\nedited\n\n## C\n\nend\n"), LEAN, cache);
        assertThat(cache.misses() - misses).isEqualTo(1);
        assertThat(cache.size()).isEqualTo(4);
    }
}
