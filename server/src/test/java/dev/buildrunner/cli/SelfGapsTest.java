package dev.buildrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Issue 5, "BuildRunner analyses itself": {@code br gaps} on this repository, with its own
 * {@code .buildrunner/PROJECT_SPEC.md}, passes its gate (every file a feature names exists, every
 * endpoint the spec defines has a route). Runs in {@code mvn verify}, hence in CI; skipped when
 * the sources are not a git work tree. Writes no cache into the repository ({@code --no-cache}).
 */
class SelfGapsTest {

    @Test
    void buildRunnerPassesItsOwnGapsGate() {
        Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
        assumeTrue(Files.exists(root.resolve(".git")) && Files.exists(root.resolve(".buildrunner/PROJECT_SPEC.md")),
                "not a BuildRunner work tree: " + root);

        CliRunner.Result r = new CliRunner().run("gaps", "--no-cache", "--max-findings", "200", "-C", root.toString());

        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).startsWith("gaps: PASSED: ").contains("features complete (100%)");
    }
}
