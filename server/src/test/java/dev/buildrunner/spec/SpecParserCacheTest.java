package dev.buildrunner.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A parse never depends on the parser's caches: a chunked parse with a cold cache, a warm one or
 * none equals the whole-document parse (one flexmark call over the whole text, nothing cached),
 * down to the layout the writer uses. Checked on every real and trap spec, on the 962-feature
 * spec edited in the ways users edit specs, and on random mutations of the real specs; plus what
 * the caches are for: after a one-feature edit, only the edited chunk is parsed again.
 */
class SpecParserCacheTest {

    private static final SpecParser WHOLE = new SpecParser(false, 0);
    private static final SpecParser SHARED = new SpecParser();
    private static final String BIG = SpecParserScaleTest.bigSpec(962);

    static Stream<String> allSpecs() {
        return Stream.concat(Specs.realSpecs().stream(), Specs.files("traps").stream());
    }

    private static String whole(String text) {
        return Parses.describe(WHOLE.parseDetailed(text));
    }

    @ParameterizedTest
    @MethodSource("allSpecs")
    void coldWarmAndUncachedParsesEqualTheWholeDocumentParse(String file) {
        String text = Specs.text(file);
        String expected = whole(text);
        SpecParser cached = new SpecParser();
        assertThat(Parses.describe(cached.parseDetailed(text))).as("cold cache").isEqualTo(expected);
        assertThat(Parses.describe(cached.parseDetailed(text))).as("warm cache").isEqualTo(expected);
        long misses = cached.chunkCache().misses();
        assertThat(Parses.describe(cached.parseDetailed(text))).as("warm cache").isEqualTo(expected);
        assertThat(cached.chunkCache().misses()).as("a warm parse takes every chunk from the cache")
                .isEqualTo(misses);
        assertThat(Parses.describe(new SpecParser(0).parseDetailed(text))).as("no cache").isEqualTo(expected);
    }

    @Test
    void theChunkBoundaryTrapReadsAsFlexmarkReadsTheWholeText() {
        ParseResult r = SHARED.parse(Specs.text("traps/chunk-boundaries.md"));
        // no '#' line inside front matter, a fence, <details> or <pre> starts a feature
        assertThat(r.spec().features()).extracting(Feature::id).containsExactly("install-script", "release-notes",
                "preformatted-log", "quoted-plan", "after-reference");
        assertThat(r.spec().feature("after-reference").orElseThrow().dependencies()).containsExactly("install-script");
        // the list item's fence at line 52 is never closed; the setext "Underlined Notes" ends the section
        assertThat(r.diagnostics()).extracting(Diagnostic::code, Diagnostic::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("unclosed-fence", 52));
        assertThat(r.spec().features().get(4).lines()).isEqualTo(new LineRange(66, 71));
    }

    /** Edits users make, each to the feature at index {@code k} of the large spec. */
    static List<UnaryOperator<String>> edits(int k) {
        return List.of(
                t -> insertAfter(t, feature(t, k), "**Requirements:**", "- A requirement added by an edit"),
                t -> t.replaceFirst("### Feature: ([^\\n]*) " + k + "\\n", "### Feature: $1 renamed " + k + "\n"),
                t -> removeFeature(t, k),
                t -> insertBefore(t, feature(t, k), "### Feature: Inserted Before " + k + "\n\n**Requirements:**\n"
                        + "- Be new\n\n---\n\n"),
                t -> insertAfter(t, feature(t, k), "**Requirements:**",
                        "\n```bash\n# a comment\n## another\n### Feature: Not A Feature\n```\n"),
                t -> insertBefore(t, feature(t, k), "<div>\n"),
                t -> t.replaceFirst("### Feature: ([^\\n]*) " + k + "\\n", "Feature: $1 " + k + "\n---\n"),
                t -> t.replace("## Features\n", "## Core Features\n"),
                t -> insertBefore(t, feature(t, k), "```\n"),
                t -> t.replaceFirst("### Feature: ([^\\n]*) " + k + "\\n", "### Feature: $1 " + (k + 1) + "\n"),
                t -> t + "\n### Feature: Appended\n\n**Depends on:** Gap Analyzer\n");
    }

    @Test
    void aSpecEditedInEveryWayParsesAsTheWholeDocumentDoes() {
        String base = SpecParserScaleTest.bigSpec(60);
        SpecParser warm = new SpecParser();
        warm.parse(base);
        for (int k : new int[] {0, 1, 30, 59}) {
            for (UnaryOperator<String> edit : edits(k)) {
                String text = edit.apply(base);
                assertThat(text).isNotEqualTo(base);
                Parses.assertSame(warm.parseDetailed(text), WHOLE.parseDetailed(text));
            }
        }
    }

    @Test
    void theLargeSpecEditedParsesAsTheWholeDocumentDoes() {
        SpecParser warm = new SpecParser();
        warm.parse(BIG);
        List<UnaryOperator<String>> edits = edits(480);
        for (int e : new int[] {0, 1, 4, 5, 8}) { // a requirement, a rename, a fence of comments, HTML, a stray fence
            String text = edits.get(e).apply(BIG);
            Parses.assertSame(warm.parseDetailed(text), WHOLE.parseDetailed(text));
        }
    }

    @Test
    void aOneFeatureEditParsesOneChunkAndReadsOneFeatureAgain() {
        SpecParser p = new SpecParser();
        p.parse(BIG);
        long chunkMisses = p.chunkCache().misses();
        long draftMisses = p.draftCache().misses();
        String edited = insertAfter(BIG, feature(BIG, 500), "**Requirements:**", "- One more requirement");
        ParseResult r = p.parse(edited);
        assertThat(p.chunkCache().misses() - chunkMisses).isEqualTo(1);
        assertThat(p.draftCache().misses() - draftMisses).isEqualTo(1);
        assertThat(r.spec().features().get(500).requirements()).contains("One more requirement");
        assertThat(r).isEqualTo(WHOLE.parse(edited));

        // a renamed heading also changes the chunk before it, which is parsed with that heading line
        chunkMisses = p.chunkCache().misses();
        String renamed = edited.replaceFirst("(### Feature: [^\\n]*) 700\\n", "$1 seven hundred\n");
        assertThat(p.parse(renamed).spec().features().get(700).name()).endsWith("seven hundred");
        assertThat(p.chunkCache().misses() - chunkMisses).isEqualTo(2);
    }

    @Test
    void cachesStayWithinTheirBoundsAndResultsDoNotDependOnThem() {
        String text = SpecParserScaleTest.bigSpec(100);
        SpecParser small = new SpecParser(16);
        SpecParser.Parsed expected = WHOLE.parseDetailed(text);
        Parses.assertSame(small.parseDetailed(text), expected);
        Parses.assertSame(small.parseDetailed(text), expected);
        assertThat(small.chunkCache().size()).isEqualTo(16);
        assertThat(small.draftCache().size()).isEqualTo(16);
        assertThat(new SpecParser(0).chunkCache()).isNull();
    }

    @Test
    void oneCachingParserServesManyThreads() throws Exception {
        SpecParser p = new SpecParser();
        String base = SpecParserScaleTest.bigSpec(120);
        List<String> texts = new ArrayList<>();
        for (int k = 0; k < 8; k++) {
            texts.add(insertAfter(base, feature(base, k * 15), "**Requirements:**", "- Thread edit " + k));
        }
        List<SpecParser.Parsed> expected = texts.stream().map(WHOLE::parseDetailed).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<SpecParser.Parsed>> results = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (String t : texts) {
                    results.add(pool.submit(() -> p.parseDetailed(t)));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                Parses.assertSame(results.get(i).get(), expected.get(i % texts.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Property(tries = 250)
    void mutatedSpecsParseWithAWarmCacheAsTheWholeDocumentDoes(@ForAll("mutated") String text) {
        assertThat(Parses.describe(SHARED.parseDetailed(text))).isEqualTo(whole(text));
    }

    @Provide
    Arbitrary<String> mutated() {
        List<String> specs = allSpecs().map(Specs::text).toList();
        List<String> tokens = List.of("\n# x\n", "\n## Features\n", "\n### Feature: New\n", "\n```\n", "\n~~~\n",
                "\n```bash\n# comment\n", "\n<div>\n", "\n<pre>\n# a\n", "\n    ### indented\n", "\n- item\n   ```\n",
                "\n[ref]: /url\n", "\n  ## h\n", "\n#\n", "\n---\n", "\n===\n", "> ", "- ", "**Requirements:**\n",
                "**Depends on:** ", "\r\n", "\uFEFF", "<context>\n");
        Arbitrary<String> spec = Arbitraries.of(specs);
        Arbitrary<List<int[]>> ops = Arbitraries.integers().between(0, Integer.MAX_VALUE).array(int[].class)
                .ofSize(3).list().ofMinSize(1).ofMaxSize(6);
        Arbitrary<List<String>> inserts = Arbitraries.of(tokens).list().ofSize(6);
        return Combinators.combine(spec, ops, inserts).as(SpecParserCacheTest::mutate);
    }

    private static String mutate(String text, List<int[]> ops, List<String> inserts) {
        String s = text;
        int k = 0;
        for (int[] op : ops) {
            if (s.isEmpty()) {
                break;
            }
            int a = op[1] % s.length();
            int b = Math.min(s.length(), a + op[2] % 300);
            s = switch (op[0] % 4) {
                case 0 -> s.substring(0, a) + s.substring(b);
                case 1 -> s.substring(0, a) + inserts.get(k++ % inserts.size()) + s.substring(a);
                case 2 -> s.substring(0, a) + s.substring(a, b) + s.substring(a);
                default -> s.substring(a, b) + s.substring(0, a) + s.substring(b);
            };
        }
        return s;
    }

    // ---------------------------------------------------------------- text edits

    /** The offset of the heading of the k-th feature ("### Feature: ..."). */
    private static int feature(String text, int k) {
        int at = -1;
        for (int i = 0; i <= k; i++) {
            at = text.indexOf("### Feature: ", at + 1);
        }
        return at;
    }

    private static String insertBefore(String text, int at, String what) {
        return text.substring(0, at) + what + text.substring(at);
    }

    /** Inserts a line after the first line starting with {@code marker} at or after {@code from}. */
    private static String insertAfter(String text, int from, String marker, String line) {
        int at = text.indexOf(marker, from);
        int eol = text.indexOf('\n', at);
        return text.substring(0, eol + 1) + line + "\n" + text.substring(eol + 1);
    }

    private static String removeFeature(String text, int k) {
        int from = feature(text, k);
        int to = feature(text, k + 1);
        return text.substring(0, from) + (to < 0 ? "" : text.substring(to));
    }
}
