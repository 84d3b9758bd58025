package dev.buildrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when" in a real git repository driven by the git CLI: commit a real spec,
 * {@code br sync}, move tasks, edit one feature, sync again, and read the {@code buildrunner}
 * branch with git itself.
 */
class SyncWorkflowTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final CliRunner br = new CliRunner();

    @TempDir
    Path dir;

    private JsonNode json(String... args) throws Exception {
        String[] all = new String[args.length + 3];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--json";
        all[args.length + 1] = "-C";
        all[args.length + 2] = dir.toString();
        CliRunner.Result r = br.run(all);
        assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isZero();
        return JSON.readTree(r.out());
    }

    private static Map<String, JsonNode> byId(JsonNode tasks) {
        Map<String, JsonNode> m = new HashMap<>();
        tasks.forEach(t -> m.put(t.get("id").asText(), t));
        return m;
    }

    @Test
    void syncEditSyncKeepsDoneWorkAndRegeneratesOnlyTheEditedFeature() throws Exception {
        String original = TestRepos.resource("project-spec/br3-examples-SAMPLE_SPEC.md");
        TestRepos.initWithSpec(dir, original);
        String head1 = TestRepos.git(dir, "rev-parse", "HEAD").strip();

        JsonNode first = json("sync");
        assertThat(first.get("outcome").asText()).isEqualTo("applied");

        // The branch reads as the plan's history, with the trailers, via git itself.
        String log = TestRepos.git(dir, "log", "--format=%B", "buildrunner");
        assertThat(log).contains("BuildRunner-Event: sync").contains("Source-Commit: " + head1)
                .contains("Author: Test <test@example.com>");
        assertThat(TestRepos.git(dir, "cat-file", "-p", "buildrunner:spec/PROJECT_SPEC.md")).isEqualTo(original);
        assertThat(TestRepos.git(dir, "rev-list", "--count", "buildrunner").strip()).isEqualTo("1");

        // Work on the plan: start one task, finish another, both of the auth feature.
        Map<String, JsonNode> before = byId(json("task", "list"));
        String[] auth = before.values().stream().filter(t -> t.get("featureId").asText().equals("user-authentication"))
                .map(t -> t.get("id").asText()).sorted().toArray(String[]::new);
        assertThat(auth.length).isGreaterThanOrEqualTo(2);
        json("task", "done", auth[0]);
        json("task", "start", auth[1]);
        Map<String, JsonNode> worked = byId(json("task", "list"));
        assertThat(worked.get(auth[0]).get("status").asText()).isEqualTo("done");

        // Edit one feature (a new profile requirement), commit, sync.
        TestRepos.writeSpec(dir, original.replace("- Privacy settings\n", "- Privacy settings\n- Profile export as JSON\n"));
        TestRepos.git(dir, "commit", "-q", "-am", "Profiles can be exported");
        String head2 = TestRepos.git(dir, "rev-parse", "HEAD").strip();
        JsonNode second = json("sync");
        assertThat(second.get("outcome").asText()).isEqualTo("applied");
        assertThat(second.get("changedFeatures").toString()).isEqualTo("[\"user-profile-management\"]");
        assertThat(TestRepos.git(dir, "log", "-1", "--format=%B", "buildrunner")).contains("Source-Commit: " + head2);

        Map<String, JsonNode> after = byId(json("task", "list"));
        // No task disappeared; every task of another feature is exactly as it was.
        assertThat(after.keySet()).containsAll(worked.keySet());
        for (Map.Entry<String, JsonNode> e : worked.entrySet()) {
            if (!e.getValue().get("featureId").asText().equals("user-profile-management")) {
                assertThat(after.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
            }
        }
        assertThat(after.get(auth[0]).get("status").asText()).isEqualTo("done");
        assertThat(after.get(auth[1]).get("status").asText()).isEqualTo("in_progress");
        assertThat(after.values().stream().filter(t -> t.get("title").asText().contains("Profile export"))).hasSize(1);

        // A second sync of the same HEAD writes nothing.
        assertThat(json("sync").get("outcome").asText()).isEqualTo("unchanged");

        // Versions: sync, done, start, sync = 4, newest first.
        JsonNode versions = json("spec", "versions");
        assertThat(versions).hasSize(4);
        assertThat(versions.get(0).get("number").asInt()).isEqualTo(4);
        assertThat(versions.get(3).get("event").asText()).isEqualTo("sync");

        // Checkpoint, then spec rollback to version 1: the new requirement's task is cancelled,
        // done work stays done; then restore the checkpoint.
        json("checkpoint", "create", "before-rollback");
        JsonNode rolled = json("spec", "rollback", "1");
        assertThat(rolled.get("outcome").asText()).isEqualTo("applied");
        Map<String, JsonNode> afterRollback = byId(json("task", "list"));
        assertThat(afterRollback.values().stream().filter(t -> t.get("title").asText().contains("Profile export")))
                .allSatisfy(t -> assertThat(t.get("status").asText()).isEqualTo("cancelled"));
        assertThat(afterRollback.get(auth[0]).get("status").asText()).isEqualTo("done");
        assertThat(json("checkpoint", "list").get(0).get("name").asText()).isEqualTo("before-rollback");
        json("rollback", "before-rollback");
        assertThat(byId(json("task", "list"))).isEqualTo(after);
        assertThat(TestRepos.git(dir, "rev-list", "--count", "buildrunner").strip()).isEqualTo("6");
        TestRepos.git(dir, "fsck", "--strict");
    }

    @Test
    void aSpecWithErrorsIsRejectedAndThePlanStaysIntact() throws Exception {
        TestRepos.initWithSpec(dir, TestRepos.resource("project-spec/br3-examples-SAMPLE_SPEC.md"));
        json("sync");
        String planBefore = TestRepos.git(dir, "rev-parse", "buildrunner").strip();
        TestRepos.writeSpec(dir, "# Broken\n\nNo features at all.\n");
        TestRepos.git(dir, "commit", "-q", "-am", "Break the spec");

        CliRunner.Result r = br.run("sync", "-C", dir.toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).contains("errors");
        assertThat(TestRepos.git(dir, "rev-parse", "buildrunner").strip()).isEqualTo(planBefore);
    }

    @Test
    void movingADoneTaskOrAnUnknownTaskIsAUsageError() throws Exception {
        TestRepos.initWithSpec(dir, TestRepos.resource("project-spec/br3-examples-SAMPLE_SPEC.md"));
        json("sync");
        String id = json("task", "next").get("tasks").get(0).get("id").asText();
        json("task", "done", id);

        CliRunner.Result again = br.run("task", "start", id, "-C", dir.toString());
        CliRunner.Result unknown = br.run("task", "done", "no-such-task", "-C", dir.toString());

        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains(id).contains("done");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no-such-task");
    }

    @Test
    void stateCommandsOutsideARepositoryNameTheDirectory() {
        CliRunner.Result r = br.run("task", "list", "-C", dir.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(dir.toString());
    }
}
