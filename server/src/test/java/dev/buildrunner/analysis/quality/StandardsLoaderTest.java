package dev.buildrunner.analysis.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.buildrunner.analysis.AnalysisConfigException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StandardsLoaderTest {
    private final StandardsLoader loader = new StandardsLoader();

    @Test
    void withoutAFileTheTemplateIsTheStandard() {
        QualityStandards s = loader.load(Optional.empty());
        assertThat(s.source()).isEqualTo(StandardsLoader.TEMPLATE);
        assertThat(s.gate().minScore()).isEqualTo(70);
        assertThat(s.gate().maxCritical()).isZero();
        assertThat(s.pmd().rulesets()).containsExactly("rulesets/java/quickstart.xml");
        assertThat(s.checkstyle().config()).isEqualTo("/sun_checks.xml");
        assertThat(s.score().devMinutesPerLine()).isEqualTo(30.0);
        assertThat(s.score().remediationMinutes()).containsEntry(QualitySeverity.CRITICAL, 60.0);
        assertThat(s.score().weight("checkstyle")).isEqualTo(0.5);
        assertThat(s.excluded("server/target/classes/A.class")).isTrue();
        assertThat(s.secrets().allowPaths()).anyMatch(g -> g.matches("web/package-lock.json"));
    }

    @Test
    void aFileOverridesOnlyTheKeysItGives() {
        QualityStandards s = loader.load(Optional.of("""
                gate:
                  min_score: 85
                score:
                  category_weights:
                    checkstyle: 0
                pmd:
                  rulesets: [category/java/errorprone.xml]
                rules:
                  ignore: [checkstyle/FinalParameters]
                  severity: {pmd/AvoidUsingHardCodedIP: high}
                """));
        assertThat(s.source()).isEqualTo(StandardsLoader.PATH);
        assertThat(s.gate().minScore()).isEqualTo(85);
        assertThat(s.gate().maxCritical()).isZero();
        assertThat(s.score().weight("checkstyle")).isZero();
        assertThat(s.score().weight("pmd")).isEqualTo(1.0);
        assertThat(s.pmd().rulesets()).containsExactly("category/java/errorprone.xml");
        assertThat(s.pmd().javaVersion()).isEqualTo("21");
        assertThat(s.rules().ignore()).containsExactly("checkstyle/FinalParameters");
        assertThat(s.rules().severity()).containsEntry("pmd/AvoidUsingHardCodedIP", QualitySeverity.HIGH);
    }

    @Test
    void anEmptyFileKeepsEveryDefault() {
        assertThat(loader.load(Optional.of("# nothing yet\n")).gate().minScore()).isEqualTo(70);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "min_score not a number | 'gate:\n  max_critical: 0\n  min_score: high\n' | "
                + ".buildrunner/quality-standards.yaml:3: gate.min_score: expected a whole number from 0 to 100, got \"high\"",
        "min_score out of range | 'gate:\n  min_score: 101\n' | "
                + ".buildrunner/quality-standards.yaml:2: gate.min_score: expected a whole number from 0 to 100, got 101",
        "unknown key | 'pmd:\n  enabled: true\n  rule_sets: []\n' | "
                + ".buildrunner/quality-standards.yaml:3: pmd.rule_sets: unknown key; expected one of [enabled, exclude, java_version, rulesets]",
        "unknown section | 'version: 1\nsonar: {}\n' | .buildrunner/quality-standards.yaml:2: sonar: unknown key;",
        "bad list item | 'exclude:\n  - \"**/gen/**\"\n  - \"/abs/**\"\n' | "
                + ".buildrunner/quality-standards.yaml:3: exclude[1]: a glob is repository-relative",
        "path outside the repository | 'spotbugs:\n  classes:\n    - ../other/classes\n' | "
                + ".buildrunner/quality-standards.yaml:3: spotbugs.classes[0]: expected a path inside the repository",
        "bad severity | 'rules:\n  severity:\n    pmd/Foo: severe\n' | "
                + ".buildrunner/quality-standards.yaml:3: rules.severity.pmd/Foo: expected critical, high, medium or low, got \"severe\"",
        "unknown tool in a rule id | 'rules:\n  ignore: [sonar/S101]\n' | "
                + ".buildrunner/quality-standards.yaml:2: rules.ignore[0]: expected a rule id tool/rule",
        "bad boolean | 'secrets:\n  enabled: yes please\n' | "
                + ".buildrunner/quality-standards.yaml:2: secrets.enabled: expected true or false, got \"yes please\"",
        "bad checkstyle built-in | 'checkstyle:\n  config: /my_checks.xml\n' | "
                + ".buildrunner/quality-standards.yaml:2: checkstyle.config: expected /sun_checks.xml, /google_checks.xml",
        "two rule sets in one entry | 'pmd:\n  rulesets:\n    - \"a.xml,b.xml\"\n' | "
                + ".buildrunner/quality-standards.yaml:3: pmd.rulesets[0]: one rule set per entry",
        "duplicate key | 'gate:\n  min_score: 60\n  min_score: 70\n' | "
                + ".buildrunner/quality-standards.yaml:3: not valid YAML: Duplicate field 'min_score'",
        "syntax error | 'gate:\n  min_score: [60\n' | .buildrunner/quality-standards.yaml:",
        "not a mapping | '- a\n- b\n' | .buildrunner/quality-standards.yaml:1: expected a mapping of keys",
    })
    void badValuesNameTheFileTheLineAndTheKey(String what, String yaml, String message) {
        assertThatThrownBy(() -> loader.load(Optional.of(yaml)))
                .isInstanceOf(AnalysisConfigException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void theExceptionCarriesPathLineAndKey() {
        AnalysisConfigException e = (AnalysisConfigException) org.assertj.core.api.Assertions.catchThrowable(
                () -> loader.load(Optional.of("version: 1\ncomplexity:\n  cyclomatic: 0\n")));
        assertThat(e.path()).isEqualTo(StandardsLoader.PATH);
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.key()).isEqualTo("complexity.cyclomatic");
    }

    @Test
    void toolErrorsAreLocatedWhereTheValueWasWritten() {
        QualityStandards s = loader.load(Optional.of("pmd:\n  rulesets:\n    - a/b.xml\n    - rulesets/java/nope.xml\n"));
        assertThat(s.error("pmd.rulesets[1]", "cannot load")).hasMessage(
                ".buildrunner/quality-standards.yaml:4: pmd.rulesets[1]: cannot load");
        assertThat(s.error("gate.min_score", "x").getMessage()).startsWith("templates/quality-standards.yaml:");
    }
}
