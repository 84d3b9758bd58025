package dev.buildrunner.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzing: random text and random mutations of the real specs never make the parser throw or fail
 * internally, feature lines stay inside the text, ids stay unique, a parse is deterministic, and the
 * writer gives back the source unchanged.
 */
class SpecParserProperties {

    private static final SpecParser PARSER = new SpecParser();
    private static final SpecWriter WRITER = new SpecWriter(PARSER);
    private static final List<String> SPECS = Specs.realSpecs().stream().map(Specs::text).toList();
    private static final List<String> TOKENS = List.of("#", "## Features\n", "### Feature: X\n", "- ", "- [ ] ",
            "[ ] ", "1. ", "2. ", "**", "**Requirements:**\n", "**Depends on:** ", "Files:", "`", "```", "~~~",
            "\n", "\r\n", "\r", "\t", "  ", "---", "|", "| a | b |\n|---|---|\n", "GET /x/{id}", "POST /", ":",
            "：", "功能", "\uFEFF", "<context>", "<PRD>", "### User Story 1 - A (Priority: P1)\n",
            "### Requirement 1: R\n", "### Requirement: R\n", "#### Scenario: S\n", "## Phase 1: P\n",
            "- [x] T001 a/b.py\n", "\n===\n", "\n---\n", "> ", "<!-- -->", "\u0000", "😀", "(", ")");

    @Property(tries = 300)
    void randomTextNeverBreaksTheParser(@ForAll("noise") String text) {
        check(text);
    }

    @Property(tries = 300)
    void mutatedRealSpecsNeverBreakTheParser(@ForAll("mutated") String text) {
        check(text);
    }

    private static void check(String text) {
        ParseResult r = PARSER.parse(text);
        Spec s = r.spec();
        assertThat(r.diagnostics()).extracting(Diagnostic::code).doesNotContain("internal-error");
        assertThat(s.source()).isEqualTo(text);
        assertThat(WRITER.write(s)).isEqualTo(text);
        int lines = Specs.lines(text).size();
        List<String> ids = new ArrayList<>();
        for (Feature f : s.features()) {
            assertThat(f.lines().last()).isLessThanOrEqualTo(lines);
            assertThat(f.id()).isNotEmpty();
            ids.add(f.id());
        }
        assertThat(ids).doesNotHaveDuplicates();
        for (Diagnostic d : r.diagnostics()) {
            assertThat(d.line()).isBetween(0, Math.max(1, lines));
        }
        assertThat(PARSER.parse(text)).isEqualTo(r);
        if (!s.features().isEmpty()) {
            Feature f = s.features().get(0);
            assertThat(WRITER.replaceFeature(s, f).source()).isEqualTo(text);
        }
    }

    @Provide
    Arbitrary<String> noise() {
        Arbitrary<String> token = Arbitraries.oneOf(Arbitraries.of(TOKENS),
                Arbitraries.strings().ofMaxLength(12));
        return token.list().ofMaxSize(80).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<String> spec = Arbitraries.of(SPECS);
        Arbitrary<List<int[]>> ops = Arbitraries.integers().between(0, Integer.MAX_VALUE).array(int[].class)
                .ofSize(3).list().ofMinSize(1).ofMaxSize(8);
        Arbitrary<List<String>> inserts = Arbitraries.of(TOKENS).list().ofSize(8);
        return Combinators.combine(spec, ops, inserts).as(SpecParserProperties::mutate);
    }

    private static String mutate(String text, List<int[]> ops, List<String> inserts) {
        String s = text;
        int k = 0;
        for (int[] op : ops) {
            if (s.isEmpty()) {
                break;
            }
            int a = op[1] % s.length();
            int b = Math.min(s.length(), a + op[2] % 400);
            switch (op[0] % 5) {
                case 0 -> s = s.substring(0, a) + s.substring(b); // delete a stretch
                case 1 -> s = s.substring(0, a) + inserts.get(k++ % inserts.size()) + s.substring(a); // insert a token
                case 2 -> s = s.substring(0, a) + s.substring(a, b) + s.substring(a); // duplicate a stretch
                case 3 -> s = s.substring(0, b); // truncate
                default -> s = s.substring(a, b) + s.substring(0, a) + s.substring(b); // move a stretch to the front
            }
        }
        return s;
    }
}
