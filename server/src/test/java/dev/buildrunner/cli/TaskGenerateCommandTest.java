package dev.buildrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code br task generate --json} on the real Build 3A spec: the JSON contract, and every batch
 * rule of seed 003 checked on the output (not on internal objects).
 */
class TaskGenerateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void build3aPlanObeysEveryBatchAndDagRule() throws Exception {
        Path spec = dir.resolve("PROJECT_SPEC.md");
        Files.writeString(spec, TestRepos.resource("project-spec/br3-PROJECT_SPEC_BUILD_3A.md"));

        CliRunner.Result r = new CliRunner().run("task", "generate", "--json", spec.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode plan = JSON.readTree(r.out());
        Map<String, JsonNode> tasks = new HashMap<>();
        plan.get("tasks").forEach(t -> tasks.put(t.get("id").asText(), t));
        assertThat(tasks).hasSize(plan.get("tasks").size()); // ids unique
        // 4 features, each with at least one task per requirement (BUILD_3A: 5, 5, 7, 5 requirements)
        Set<String> features = new HashSet<>();
        tasks.values().forEach(t -> features.add(t.get("featureId").asText()));
        assertThat(features).hasSize(4);
        assertThat(tasks.size()).isGreaterThanOrEqualTo(22);
        for (JsonNode t : tasks.values()) {
            for (String field : List.of("id", "featureId", "title", "domain", "estimateMinutes", "status", "dependsOn")) {
                assertThat(t.has(field)).as("task field " + field).isTrue();
            }
            assertThat(t.get("estimateMinutes").asInt()).as("1-2 hour tasks").isBetween(60, 120);
            assertThat(t.get("status").asText()).isEqualTo("pending");
            t.get("dependsOn").forEach(d -> assertThat(tasks).containsKey(d.asText()));
        }

        // Batches: 1-3 tasks, one domain, a complex task alone, every dependency in an earlier batch,
        // every open task in exactly one batch.
        Map<String, Integer> batchOf = new HashMap<>();
        int index = 0;
        for (JsonNode b : plan.get("batches")) {
            JsonNode ids = b.get("taskIds");
            assertThat(ids.size()).isBetween(1, 3);
            for (JsonNode id : ids) {
                JsonNode t = tasks.get(id.asText());
                assertThat(t.get("domain").asText()).isEqualTo(b.get("domain").asText());
                if (t.get("complex").asBoolean()) {
                    assertThat(ids.size()).as("complex task %s batched alone", id).isEqualTo(1);
                }
                assertThat(batchOf.put(id.asText(), index)).as("task in one batch only").isNull();
            }
            index++;
        }
        assertThat(batchOf.keySet()).isEqualTo(tasks.keySet());
        for (JsonNode t : tasks.values()) {
            for (JsonNode d : t.get("dependsOn")) {
                assertThat(batchOf.get(d.asText())).as("%s depends on %s", t.get("id"), d)
                        .isLessThan(batchOf.get(t.get("id").asText()));
            }
        }
        // Most batches hold 2-3 tasks (seed 003: "2-3 tasks maximum").
        long small = 0;
        for (JsonNode b : plan.get("batches")) {
            if (b.get("taskIds").size() == 1 && !tasks.get(b.get("taskIds").get(0).asText()).get("complex").asBoolean()) {
                small++;
            }
        }
        assertThat(small).isLessThan(plan.get("batches").size() / 2);

        // Waves: every task in one wave, each dependency in an earlier wave.
        Map<String, Integer> waveOf = new HashMap<>();
        int w = 0;
        for (JsonNode wave : plan.get("waves")) {
            for (JsonNode id : wave) {
                waveOf.put(id.asText(), w);
            }
            w++;
        }
        assertThat(waveOf.keySet()).isEqualTo(tasks.keySet());
        tasks.values().forEach(t -> t.get("dependsOn").forEach(d ->
                assertThat(waveOf.get(d.asText())).isLessThan(waveOf.get(t.get("id").asText()))));

        // Critical path: a dependency chain whose minutes add up.
        JsonNode cp = plan.get("criticalPath");
        int minutes = 0;
        String previous = null;
        for (JsonNode id : cp.get("taskIds")) {
            JsonNode t = tasks.get(id.asText());
            minutes += t.get("estimateMinutes").asInt();
            if (previous != null) {
                List<String> deps = JSON.convertValue(t.get("dependsOn"), List.class);
                assertThat(deps).contains(previous);
            }
            previous = id.asText();
        }
        assertThat(cp.get("minutes").asInt()).isEqualTo(minutes);
        // Drift Prevention depends on the Gap Analyzer: the path runs through both features.
        assertThat(cp.get("taskIds").size()).isGreaterThan(1);
    }
}
