package dev.buildrunner.analysis.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.buildrunner.analysis.AnalysisConfigException;
import dev.buildrunner.analysis.Level;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Reading architecture-rules.yaml: the fixtures' and the template's files, and bad files named by line and key. */
class RulesFileTest {
    private static final String PATH = ".buildrunner/architecture-rules.yaml";

    @Test
    void readsEveryKindOfRule() {
        ArchitectureRules rules = RulesFile.parse(PATH,
                DriftFixtures.resource("analysis/drift/layered-java/.buildrunner/architecture-rules.yaml"));

        assertThat(rules.path()).isEqualTo(PATH);
        assertThat(rules.rules()).extracting(ArchitectureRule::id)
                .containsExactly("web-not-store", "no-commons-lang", "controllers-named");
        assertThat(rules.rules()).extracting(ArchitectureRule::level).containsExactly(Level.ERROR, Level.WARNING, Level.ERROR);
        assertThat(rules.rules()).extracting(ArchitectureRule::line).containsExactly(4, 10, 17);
        ArchitectureRule.Forbid forbid = (ArchitectureRule.Forbid) rules.rules().get(0);
        assertThat(forbid.appliesTo("src/main/java/com/acme/shop/web/OrderController.java")).isTrue();
        assertThat(forbid.appliesTo("src/test/java/com/acme/shop/web/OrderControllerTest.java")).isFalse();
        ArchitectureRule.Naming naming = (ArchitectureRule.Naming) rules.rules().get(2);
        assertThat(naming.name().matcher("OrderController.java").matches()).isTrue();
    }

    @Test
    void theTemplateParsesAndAnEmptyFileHasNoRules() {
        ArchitectureRules template = RulesFile.parse(PATH, DriftFixtures.resource("templates/architecture-rules.yaml"));
        assertThat(template.rules()).isNotEmpty();
        assertThat(RulesFile.parse(PATH, "").rules()).isEmpty();
        assertThat(RulesFile.parse(PATH, "# only a comment\n").rules()).isEmpty();
        assertThat(RulesFile.parse(PATH, "rules:\n").rules()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "unknown-key.yaml | 4 | rules[0].forbid.form | unknown key; expected one of [allow, except, from, imports, modules, paths]",
        "missing-from.yaml | 9 | rules[1].forbid.from | missing (required)",
        "bad-pattern.yaml | 7 | rules[0].forbid.imports | 'com/acme/legacy' is not a name pattern such as com.acme.store.. or org.slf4j.Logger (letters, digits, _, $, '.', '..' and '*')",
        "bad-regex.yaml | 5 | rules[0].naming.name | not a regular expression: Unclosed character class near index 22 of [A-Z\\w*Controller\\.java",
        "duplicate-id.yaml | 6 | rules[1].id | 'layers' is already the id of the rule at line 2",
        "bad-level.yaml | 3 | rules[0].level | expected error, warning or note",
        "both-kinds.yaml | 2 | rules[0] | a rule has exactly one of 'forbid' (a dependency rule) or 'naming' (a naming rule); found both",
        "duplicate-key.yaml | 6 | from | key given twice in one mapping (first at line 4)",
        "rules-not-a-list.yaml | 2 | rules | expected a list of rules (each item starting with '- id:')",
        "nothing-forbidden.yaml | 4 | rules[0].forbid | say what is forbidden: at least one of 'imports', 'modules' or 'paths'",
        "bad-glob.yaml | 4 | rules[0].forbid.from | '../outside/**': '..' cannot name a path in the repository",
        "wrong-version.yaml | 1 | version | expected 1, the only version of this format",
    })
    void aBadFileIsRefusedNamingLineAndKey(String file, int line, String key, String problem) {
        String text = DriftFixtures.resource("analysis/drift/bad-rules/" + file);

        assertThatThrownBy(() -> RulesFile.parse(PATH, text))
                .isInstanceOfSatisfying(AnalysisConfigException.class, e -> {
                    assertThat(e.path()).isEqualTo(PATH);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.key()).isEqualTo(key);
                    assertThat(e.getMessage()).isEqualTo(PATH + ":" + line + ": " + key + ": " + problem);
                });
    }

    @Test
    void invalidYamlNamesItsLine() {
        String text = DriftFixtures.resource("analysis/drift/bad-rules/not-yaml.yaml");

        assertThatThrownBy(() -> RulesFile.parse(PATH, text))
                .isInstanceOfSatisfying(AnalysisConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.key()).isEmpty();
                    assertThat(e.getMessage()).startsWith(PATH + ":5: not valid YAML: ");
                });
    }
}
