package dev.buildrunner.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A 962-feature spec (about 30,000 lines, BUILD_3A's features repeated) parses completely: every
 * feature, every dependency resolved across copies, no diagnostics. Its speed is measured by
 * {@code br bench}, never by a timed test.
 */
class SpecParserScaleTest {

    static String bigSpec(int features) {
        String src = Specs.text("project-spec/br3-PROJECT_SPEC_BUILD_3A.md");
        String head = src.substring(0, src.indexOf("### Feature:"));
        String body = src.substring(src.indexOf("### Feature:"), src.indexOf("## Technical Requirements"));
        String[] blocks = body.split("(?=### Feature: )");
        StringBuilder sb = new StringBuilder(head);
        for (int i = 0; i < features; i++) {
            String block = blocks[i % blocks.length].replaceFirst("### Feature: (.*)", "### Feature: $1 " + i)
                    .replace("Requires Gap Analyzer", "Requires Gap Analyzer and Completion Assurance " + (i - 2));
            sb.append(block);
            if (!block.endsWith("---\n\n")) {
                sb.append("\n---\n\n");
            }
        }
        return sb.append(src.substring(src.indexOf("## Technical Requirements"))).toString();
    }

    @Test
    void parsesA962FeatureSpecCompletely() {
        String text = bigSpec(962);
        ParseResult r = new SpecParser().parse(text);
        assertThat(r.spec().features()).hasSize(962);
        assertThat(r.diagnostics()).isEmpty();
        // feature 959 is an "Architecture Drift Prevention" copy requiring the "Gap Analyzer" copy 957
        assertThat(r.spec().features().get(959).dependencies()).containsExactly(
                r.spec().features().get(957).id());
        assertThat(r.spec().features().get(961).lines().last()).isLessThan(text.split("\n", -1).length);
    }
}
