package dev.buildrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code br spec analyze} and {@code br spec diff}: JSON contract, exit codes, inputs. */
class SpecCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CliRunner br = new CliRunner();

    @TempDir
    Path dir;

    @Test
    void analyzeJsonFollowsTheContract() throws Exception {
        // BUILD_3A: 4 features under "## Features" (lines 13, 44, 75, 111 of the file).
        Path spec = dir.resolve("spec.md");
        Files.writeString(spec, TestRepos.resource("project-spec/br3-PROJECT_SPEC_BUILD_3A.md"));

        CliRunner.Result r = br.run("spec", "analyze", "--json", spec.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode root = JSON.readTree(r.out());
        assertThat(root.get("title").asText()).isEqualTo("PROJECT_SPEC: Build 3A - Advanced Orchestration + Quality Systems");
        assertThat(root.get("format").asText()).isEqualTo("buildrunner");
        assertThat(root.get("features")).hasSize(4);
        JsonNode first = root.get("features").get(0);
        for (String field : List.of("id", "name", "line", "complexity", "priority", "requirements", "files",
                "dependencies", "acceptanceCriteria", "endpoints")) {
            assertThat(first.has(field)).as("feature field " + field).isTrue();
        }
        assertThat(first.get("name").asText()).isEqualTo("Build Orchestrator Enhancement");
        assertThat(first.get("line").asInt()).isEqualTo(13);
        assertThat(first.get("complexity").asText()).isEqualTo("complex");
        assertThat(first.get("requirements")).hasSize(5);
        assertThat(first.get("files").get(0).asText()).isEqualTo("core/build_orchestrator.py");
        JsonNode drift = root.get("features").get(3);
        assertThat(drift.get("dependencies").get(0).asText()).isEqualTo(root.get("features").get(1).get("id").asText());
        assertThat(root.get("diagnostics").isArray()).isTrue();
    }

    @Test
    void analyzeReadsTheDefaultSpecOfTheRepository() throws Exception {
        TestRepos.initWithSpec(dir, TestRepos.resource("project-spec/br3-examples-SAMPLE_SPEC.md"));
        Files.createDirectories(dir.resolve("sub/dir"));

        CliRunner.Result r = br.run("spec", "analyze", "-C", dir.resolve("sub/dir").toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("3 features").contains("user-authentication");
    }

    @Test
    void missingFileExitsTwoWithOneLineNamingIt() {
        CliRunner.Result r = br.run("spec", "analyze", dir.resolve("nope.md").toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
        assertThat(r.err()).contains("nope.md");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(br.run("spec", "analyze", "--frobnicate").exitCode()).isEqualTo(2);
    }

    @Test
    void specWithErrorsExitsOne() throws Exception {
        Path spec = dir.resolve("empty.md");
        Files.writeString(spec, "# Nothing here\n\nJust prose, no features.\n");

        CliRunner.Result r = br.run("spec", "analyze", "--json", spec.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode diagnostics = JSON.readTree(r.out()).get("diagnostics");
        List<String> severities = new ArrayList<>();
        diagnostics.forEach(d -> severities.add(d.get("severity").asText()));
        assertThat(severities).contains("error");
        diagnostics.forEach(d -> assertThat(d.has("line") && d.has("message")).isTrue());
    }

    @Test
    void diffBetweenRevisionsNamesTheModifiedFeatureAndField() throws Exception {
        String original = TestRepos.resource("project-spec/br3-examples-SAMPLE_SPEC.md");
        TestRepos.initWithSpec(dir, original);
        TestRepos.writeSpec(dir, original.replace("- Privacy settings\n", "- Privacy settings\n- Profile export as JSON\n"));
        TestRepos.git(dir, "commit", "-q", "-am", "Profiles can be exported");

        CliRunner.Result r = br.run("spec", "diff", "--json", "-C", dir.toString(), "HEAD~1",
                "HEAD:.buildrunner/PROJECT_SPEC.md");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode diff = JSON.readTree(r.out());
        assertThat(diff.get("added")).isEmpty();
        assertThat(diff.get("removed")).isEmpty();
        assertThat(diff.get("renamed")).isEmpty();
        assertThat(diff.get("modified")).hasSize(1);
        assertThat(diff.get("modified").get(0).get("id").asText()).isEqualTo("user-profile-management");
        assertThat(diff.get("modified").get(0).get("fields").toString()).isEqualTo("[\"requirements\"]");
    }

    @Test
    void diffDetectsRenamesByTheirUnchangedBody() throws Exception {
        String original = TestRepos.resource("project-spec/br3-examples-SAMPLE_SPEC.md");
        Path a = dir.resolve("a.md");
        Path b = dir.resolve("b.md");
        Files.writeString(a, original);
        String renamed = original.replace("### Role-Based Access Control", "### Access Control")
                .replace("### User Profile Management", "### Audit Log");
        Files.writeString(b, renamed);

        JsonNode diff = JSON.readTree(br.run("spec", "diff", "--json", a.toString(), b.toString()).out());

        // renames are listed in new spec order
        assertThat(diff.get("renamed").get(0).get("from").asText()).isEqualTo("user-profile-management");
        assertThat(diff.get("renamed").get(0).get("to").asText()).isEqualTo("audit-log");
        assertThat(diff.get("renamed").get(1).get("from").asText()).isEqualTo("role-based-access-control");
        assertThat(diff.get("renamed").get(1).get("to").asText()).isEqualTo("access-control");
        assertThat(diff.get("added")).isEmpty();
        assertThat(diff.get("removed")).isEmpty();
        assertThat(diff.get("modified")).isEmpty();
    }

    @Test
    void unknownRevisionIsAUsageError() throws Exception {
        TestRepos.initWithSpec(dir, TestRepos.resource("project-spec/br3-examples-SAMPLE_SPEC.md"));

        CliRunner.Result r = br.run("spec", "diff", "-C", dir.toString(), "nosuchrev:x.md", "HEAD");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("nosuchrev");
    }
}
