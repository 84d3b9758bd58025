package dev.buildrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spec input from git's index ({@code :PATH}, {@code :N:PATH}) and from standard input
 * ({@code -}), as the pre-commit hook and pipes use them; exit codes and one-line errors as for
 * files.
 */
class SpecInputIndexTest {
    private static final String SPEC = ".buildrunner/PROJECT_SPEC.md";

    private final CliRunner br = new CliRunner();

    @TempDir
    Path dir;

    @Test
    void indexSyntaxReadsTheStagedContentNotTheWorkTree() throws Exception {
        String sample = TestRepos.resource("project-spec/br3-examples-SAMPLE_SPEC.md");
        TestRepos.initWithSpec(dir, sample);
        TestRepos.writeSpec(dir, TestRepos.resource("traps/no-features.md"));
        TestRepos.git(dir, "add", SPEC);
        TestRepos.writeSpec(dir, sample);

        CliRunner.Result staged = br.run("spec", "analyze", "-C", dir.toString(), ":" + SPEC);
        CliRunner.Result workTree = br.run("spec", "analyze", "-C", dir.toString());

        assertThat(staged.exitCode()).as(staged.err()).isEqualTo(1);
        assertThat(staged.out()).startsWith(":" + SPEC + ": markdown format, 0 features, 1 errors")
                .contains(":" + SPEC + ":1: error: no features found");
        assertThat(workTree.exitCode()).as(workTree.err()).isZero();
    }

    @Test
    void dotSlashPathsAreRelativeToTheDirectoryAsInGit() throws Exception {
        TestRepos.initWithSpec(dir, TestRepos.resource("project-spec/br3-examples-SAMPLE_SPEC.md"));

        CliRunner.Result r = br.run("spec", "analyze", "-C", dir.resolve(".buildrunner").toString(),
                ":./PROJECT_SPEC.md");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith(":" + SPEC + ": buildrunner format, 3 features");
    }

    @Test
    void aPathThatIsNotStagedIsOneLineNamingIt() throws Exception {
        TestRepos.initWithSpec(dir, TestRepos.resource("project-spec/br3-examples-SAMPLE_SPEC.md"));

        CliRunner.Result r = br.run("spec", "analyze", "-C", dir.toString(), ":docs/SPEC.md");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("br: :docs/SPEC.md: not in the index (not staged)");
    }

    @Test
    void indexSyntaxOutsideARepositorySaysSo() {
        CliRunner.Result r = br.run("spec", "analyze", "-C", dir.toString(), ":" + SPEC);

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
        assertThat(r.err()).contains(":" + SPEC, "not inside a git repository");
    }

    @Test
    void duringAMergeConflictEachStageCanBeRead() throws Exception {
        String sample = TestRepos.resource("project-spec/br3-examples-SAMPLE_SPEC.md");
        TestRepos.initWithSpec(dir, sample);
        TestRepos.git(dir, "checkout", "-q", "-b", "theirs");
        TestRepos.writeSpec(dir, sample.replace("### Role-Based Access Control", "### Access Control"));
        TestRepos.git(dir, "commit", "-q", "-am", "Rename RBAC");
        TestRepos.git(dir, "checkout", "-q", "-");
        TestRepos.writeSpec(dir, sample.replace("### Role-Based Access Control", "### Permissions"));
        TestRepos.git(dir, "commit", "-q", "-am", "Rename RBAC differently");
        Process merge = new ProcessBuilder("git", "-c", "user.name=T", "-c", "user.email=t@example.com", "merge", "-q",
                "theirs").directory(dir.toFile()).redirectErrorStream(true).start();
        merge.getInputStream().readAllBytes();
        assertThat(merge.waitFor()).as("the merge conflicts").isEqualTo(1);

        CliRunner.Result unmerged = br.run("spec", "analyze", "-C", dir.toString(), ":" + SPEC);
        CliRunner.Result ours = br.run("spec", "analyze", "-C", dir.toString(), ":2:" + SPEC);
        CliRunner.Result theirs = br.run("spec", "analyze", "-C", dir.toString(), ":3:" + SPEC);

        assertThat(unmerged.exitCode()).isEqualTo(2);
        assertThat(unmerged.err()).contains("not at stage 0", "unmerged");
        assertThat(ours.out()).startsWith(":2:" + SPEC + ":").contains("permissions").doesNotContain("access-control");
        assertThat(theirs.out()).startsWith(":3:" + SPEC + ":").contains("access-control");
    }

    @Test
    void dashReadsStandardInput() throws Exception {
        String sample = TestRepos.resource("project-spec/br3-examples-SAMPLE_SPEC.md");
        Path other = dir.resolve("other.md");
        Files.writeString(other, sample.replace("- Privacy settings\n", "- Privacy settings\n- Export as JSON\n"));

        CliRunner.Result analyze = br.runWithInput(sample, "spec", "analyze", "-");
        CliRunner.Result diff = br.runWithInput(sample, "spec", "diff", "-", other.toString());
        CliRunner.Result twice = br.runWithInput(sample, "spec", "diff", "-", "-");

        assertThat(analyze.exitCode()).as(analyze.err()).isZero();
        assertThat(analyze.out()).startsWith("<stdin>: buildrunner format, 3 features, 0 errors, 0 warnings");
        assertThat(diff.out().strip()).isEqualTo("modified  user-profile-management (requirements)");
        assertThat(twice.exitCode()).isEqualTo(2);
        assertThat(twice.err()).contains("standard input can be read only once");
    }

    @Test
    void quietLeavesOutTheFeatures() throws Exception {
        String broken = TestRepos.resource("project-spec/br3-examples-SAMPLE_SPEC.md")
                .replace("Depends on: User Authentication", "Depends on: Billing");

        CliRunner.Result full = br.runWithInput(broken, "spec", "analyze", "-");
        CliRunner.Result quiet = br.runWithInput(broken, "spec", "analyze", "--quiet", "-");

        assertThat(full.out()).contains("user-profile-management");
        assertThat(quiet.out().lines()).hasSize(3).first().asString().startsWith("<stdin>: buildrunner format, 3 features,"
                + " 0 errors, 2 warnings");
        assertThat(quiet.out().lines().skip(1)).allSatisfy(l -> assertThat(l).contains("warning:", "Billing"));
        assertThat(quiet.exitCode()).isZero();
    }
}
