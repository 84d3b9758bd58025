package dev.buildrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.buildrunner.analysis.FixtureRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-commit hook's drift check run by the real {@code git commit} on the layered Java fixture
 * ({@code analysis/drift/layered-java}), with {@code BUILDRUNNER_BR} running this build's br: errors in
 * the staged change refuse the commit and are shown with file and line, warnings are shown, a clean
 * change prints nothing, and the index (not the work tree) is what is checked.
 */
class PreCommitDriftHookTest {
    private static final String WEB = "src/main/java/com/acme/shop/web/";
    private static final String AUDIT = """
            package com.acme.shop.web;

            import com.acme.shop.store.OrderStore;

            public class AuditController {
                private final OrderStore store = new OrderStore();
            }
            """;

    @TempDir
    Path tmp;

    private GitSandbox git;
    private FixtureRepo fixture;
    private Path repo;

    @BeforeEach
    void layeredAppWithHooks() throws Exception {
        git = new GitSandbox(tmp);
        fixture = FixtureRepo.of("analysis/drift/layered-java", tmp.resolve("repo"));
        repo = fixture.dir();
        git.with("BUILDRUNNER_BR", GitSandbox.brWrapper(tmp.resolve("bin/br-wrapper")).toString());
        CliRunner.Result r = new CliRunner().run("hooks", "install", "-C", repo.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aLayerViolationInTheStagedChangeIsRefusedWithItsFileAndLine() throws Exception {
        String head = git.ok(repo, "rev-parse", "HEAD");
        fixture.write(WEB + "AuditController.java", AUDIT);
        git.ok(repo, "add", WEB + "AuditController.java");

        GitSandbox.Result commit = git.git(repo, "commit", "-m", "Audit screen");

        assertThat(commit.exitCode()).as(commit.output()).isEqualTo(1);
        assertThat(commit.output())
                .contains("drift: FAILED: 1 errors, 1 warnings")
                .contains("  error " + WEB + "AuditController.java:3: imports com.acme.shop.store.OrderStore (matches"
                        + " com.acme.shop.store..), which rule 'web-not-store' forbids")
                .contains("  warning " + WEB + "AuditController.java: added code that no feature of the spec names")
                .contains("buildrunner: commit refused: br drift found errors in the staged change")
                .doesNotContain("PriceFormat"); // untouched files are not checked again
        assertThat(git.ok(repo, "rev-parse", "HEAD")).isEqualTo(head);
    }

    @Test
    void warningsAreShownAndDoNotBlock() throws Exception {
        String service = "src/main/java/com/acme/shop/service/OrderService.java";
        fixture.write(service, Files.readString(repo.resolve(service)) + "\n");
        git.ok(repo, "add", service);

        GitSandbox.Result commit = git.git(repo, "commit", "-m", "Touch the service");

        assertThat(commit.exitCode()).as(commit.output()).isZero();
        assertThat(commit.output()).contains("drift: PASSED: 0 errors, 1 warnings")
                .contains("  warning " + service + ":5: imports org.apache.commons.lang.StringUtils");
    }

    @Test
    void aCleanChangePrintsNothing() throws Exception {
        fixture.write("README.md", "# Acme Shop\n");
        git.ok(repo, "add", "README.md");

        GitSandbox.Result commit = git.git(repo, "commit", "-q", "-m", "Readme");

        assertThat(commit.exitCode()).as(commit.output()).isZero();
        assertThat(commit.output()).isEmpty();
    }

    @Test
    void theIndexIsCheckedNotTheWorkTree() throws Exception {
        fixture.write(WEB + "AuditController.java", AUDIT);
        git.ok(repo, "add", WEB + "AuditController.java");
        fixture.write(WEB + "AuditController.java", AUDIT.replace("import com.acme.shop.store.OrderStore;\n", "")
                .replace("OrderStore", "Object"));

        GitSandbox.Result commit = git.git(repo, "commit", "-m", "Fixed only in the work tree");

        assertThat(commit.exitCode()).as(commit.output()).isEqualTo(1);
        assertThat(commit.output()).contains(WEB + "AuditController.java:3: imports com.acme.shop.store.OrderStore");
    }

    @Test
    void commitAllChecksWhatItStagesOnTheFly() throws Exception {
        String controller = WEB + "ReportController.java";
        fixture.write(controller, Files.readString(repo.resolve(controller)).replace("import com.acme.shop.report.DailyReport;",
                "import com.acme.shop.report.DailyReport;\nimport com.acme.shop.store.Order;"));

        // git commit -a stages into .git/index.lock and hands the hook GIT_INDEX_FILE.
        GitSandbox.Result commit = git.git(repo, "commit", "-a", "-m", "Reports read orders");

        assertThat(commit.exitCode()).as(commit.output()).isEqualTo(1);
        assertThat(commit.output()).contains(controller + ":4: imports com.acme.shop.store.Order (matches");
    }

    @Test
    void aCommitInALinkedWorktreeIsCheckedWithThatWorktreesIndex() throws Exception {
        Path wt = tmp.resolve("wt");
        git.ok(repo, "worktree", "add", "-q", wt.toString());
        Files.createDirectories(wt.resolve(WEB));
        Files.writeString(wt.resolve(WEB + "AuditController.java"), AUDIT);
        git.ok(wt, "add", WEB + "AuditController.java");

        GitSandbox.Result commit = git.git(wt, "commit", "-m", "Audit in a worktree");

        assertThat(commit.exitCode()).as(commit.output()).isEqualTo(1);
        assertThat(commit.output()).contains(WEB + "AuditController.java:3: imports com.acme.shop.store.OrderStore");
    }

    @Test
    void skipLetsAViolationThrough() throws Exception {
        fixture.write(WEB + "AuditController.java", AUDIT);
        git.ok(repo, "add", WEB + "AuditController.java");

        GitSandbox.Result commit = git.with("BUILDRUNNER_SKIP", "1").git(repo, "commit", "-q", "-m", "WIP");

        assertThat(commit.exitCode()).as(commit.output()).isZero();
        assertThat(commit.output()).isEmpty();
    }

    @Test
    void aBadRulesFileIsShownAndTheCommitGoesAhead() throws Exception {
        fixture.copyResource("analysis/drift/bad-rules/unknown-key.yaml", ".buildrunner/architecture-rules.yaml");
        git.ok(repo, "add", ".buildrunner/architecture-rules.yaml");

        GitSandbox.Result commit = git.git(repo, "commit", "-m", "New rules");

        assertThat(commit.exitCode()).as(commit.output()).isZero();
        assertThat(commit.output()).contains("br: .buildrunner/architecture-rules.yaml:4: rules[0].forbid.form: unknown key")
                .contains("buildrunner: br failed (exit 2); drift not checked");
    }
}
