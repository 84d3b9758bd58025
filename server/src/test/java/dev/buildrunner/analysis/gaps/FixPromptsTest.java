package dev.buildrunner.analysis.gaps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.buildrunner.analysis.AnalysisConfigException;
import dev.buildrunner.analysis.FixtureRepo;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fix prompt template: the packaged one, a repository's own, and clear errors for bad ones. */
class FixPromptsTest {
    @TempDir
    Path dir;

    @Test
    void thePackagedTemplateUsesEveryPlaceholder() {
        Map<String, String> values = new HashMap<>();
        FixPrompts.PLACEHOLDERS.forEach(p -> values.put(p, "<" + p + ">"));
        String prompt = FixPrompts.packaged().render(values);
        FixPrompts.PLACEHOLDERS.forEach(p -> assertThat(prompt).contains("<" + p + ">"));
        assertThat(prompt).doesNotContain("{{");
    }

    @Test
    void aRepositoryTemplateReplacesThePackagedOne() {
        try (FixtureRepo repo = FixtureRepo.of("analysis/repos/express-react", dir)) {
            repo.write(FixPrompts.OVERRIDE, "Please add {{ what }}\nCriteria:\n{{acceptance_criteria}}\n").commit("own template");

            GapReport r = GapRun.analyze(repo.tree());

            assertThat(r.findings().get(0).properties().get("fixPrompt")).isEqualTo(
                    "Please add An HTTP route `DELETE /api/users/:id`, which the feature defines and no route in the "
                            + "code declares. Write its path parameters in the framework's own style.\nCriteria:\n"
                            + "- An account can be created and removed\n");
        }
    }

    @Test
    void anUnknownPlaceholderNamesFileLineAndKey() {
        try (FixtureRepo repo = FixtureRepo.of("analysis/repos/express-react", dir)) {
            repo.write(FixPrompts.OVERRIDE, "# Fix\n\nCreate {{what}} in {{wher}}.\n").commit("typo");

            assertThatThrownBy(() -> GapRun.analyze(repo.tree())).isInstanceOf(AnalysisConfigException.class)
                    .hasMessageStartingWith(".buildrunner/gap-fix-prompt.md:3: wher: unknown placeholder {{wher}}; known: ")
                    .satisfies(e -> {
                        AnalysisConfigException c = (AnalysisConfigException) e;
                        assertThat(c.line()).isEqualTo(3);
                        assertThat(c.key()).isEqualTo("wher");
                    });
        }
        assertThatThrownBy(() -> FixPrompts.of("ok\n{{what", "t.md")).isInstanceOf(AnalysisConfigException.class)
                .hasMessage("t.md:2: unclosed placeholder: '{{' without '}}'");
    }
}
