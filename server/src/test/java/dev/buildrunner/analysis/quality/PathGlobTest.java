package dev.buildrunner.analysis.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathGlobTest {
    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
        "**/target/**, server/target/classes/A.class, true",
        "**/target/**, target/x, true",
        "**/target/**, server/targets/x, false",
        "src/test/resources/fixtures/**, src/test/resources/fixtures/tokens.txt, true",
        "src/test/resources/fixtures/**, src/test/resources/other/tokens.txt, false",
        "**/*.lock, yarn.lock, true",
        "**/*.lock, a/b/Cargo.lock, true",
        "*.lock, deep/dir/poetry.lock, true",
        "**/package-lock.json, ui/package-lock.json, true",
        "**/package-lock.json, package-lock.json.bak, false",
        "src/*/Main.java, src/a/Main.java, true",
        "src/*/Main.java, src/a/b/Main.java, false",
        "src/**/Main.java, src/a/b/Main.java, true",
        "src/**/Main.java, src/Main.java, true",
        "file?.txt, dir/file1.txt, true",
        "file?.txt, dir/file12.txt, false",
        "a.b+c/(x)/**, a.b+c/(x)/y, true",
    })
    void matchesWholePaths(String glob, String path, boolean expected) {
        assertThat(PathGlob.of(glob).matches(path)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"/etc/passwd", "' '"})
    void rejectsAbsoluteAndEmptyGlobs(String glob) {
        assertThatThrownBy(() -> PathGlob.of(glob)).isInstanceOf(IllegalArgumentException.class);
    }
}
