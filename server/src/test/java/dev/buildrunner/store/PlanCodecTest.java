package dev.buildrunner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buildrunner.plan.Plan;
import dev.buildrunner.plan.Task;
import dev.buildrunner.plan.TaskEvent;
import dev.buildrunner.plan.TaskStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlanCodecTest {
    private static final String ORIGIN = "plan/tasks.json at 1a2b3c4";
    private final PlanCodec codec = new PlanCodec();

    @Test
    void roundTripKeepsEveryFieldOfTheBuild3aPlan() {
        Plan plan = PlanFixtures.build3a();
        Plan back = codec.decode(codec.encode(plan), ORIGIN);

        assertThat(back).isEqualTo(plan);
        // the fixture really exercises every field and status, so the equality above means something
        assertThat(plan.tasks()).extracting(Task::status).contains(TaskStatus.values());
        assertThat(plan.tasks()).anyMatch(Task::complex).anyMatch(t -> !t.followUpOf().isEmpty())
                .anyMatch(t -> t.history().size() == 3).anyMatch(t -> t.dependsOn().size() > 1);
        assertThat(plan.batches()).isNotEmpty();
        assertThat(plan.waves()).hasSizeGreaterThan(1);
        assertThat(plan.criticalPath().taskIds()).isNotEmpty();
        assertThat(plan.diagnostics()).hasSize(1);
        Task followUp = back.task("build-orchestrator-enhancement-r1-f1").orElseThrow();
        assertThat(followUp.history().get(0).at().getNano()).isEqualTo(123_000_000);
        assertThat(followUp.history().get(0).note()).contains("\"Dependency graph", "\n", "\t");
    }

    @Test
    void encodingIsTheRecordedSchema1DocumentByteForByte() throws IOException {
        byte[] recorded = resource("/store/tasks-schema1.json");

        assertThat(new String(codec.encode(PlanFixtures.build3a()), StandardCharsets.UTF_8))
                .isEqualTo(new String(recorded, StandardCharsets.UTF_8));
        assertThat(codec.decode(recorded, ORIGIN)).isEqualTo(PlanFixtures.build3a());
        // any JSON reader accepts it, not just ours
        assertThat(new ObjectMapper().readTree(recorded).get("tasks").size())
                .isEqualTo(PlanFixtures.build3a().tasks().size());
    }

    @Test
    void aStatusChangeIsAOneLineDiffAndAnEventAOneLineAddition() {
        Plan plan = PlanFixtures.build3a();
        Task t = plan.tasks().get(6);
        Task started = t.withStatus(TaskStatus.IN_PROGRESS,
                new TaskEvent(PlanFixtures.T0.plusSeconds(99_000), TaskStatus.IN_PROGRESS, "bob", "picked up"));
        List<Task> tasks = new ArrayList<>(plan.tasks());
        tasks.set(6, started);
        Plan next = new Plan(tasks, plan.batches(), plan.waves(), plan.criticalPath(), plan.diagnostics());

        List<String> before = lines(codec.encode(plan));
        List<String> after = lines(codec.encode(next));

        List<List<String>> diff = lineDiff(before, after);
        assertThat(t.id()).isEqualTo("build-orchestrator-enhancement-docs");
        String lastEvent = "        {\"at\": \"2026-11-20T09:00:00Z\", \"status\": \"pending\", \"by\": \"planner\","
                + " \"note\": \"created from requirement 0\"}";
        String event = "        {\"at\": \"2026-11-21T12:30:00Z\", \"status\": \"in_progress\", \"by\": \"bob\","
                + " \"note\": \"picked up\"}";
        assertThat(diff.get(0)).containsExactly("      \"status\": \"pending\",", lastEvent);
        assertThat(diff.get(1)).containsExactly("      \"status\": \"in_progress\",", lastEvent + ",", event);
    }

    @Test
    void anEmptyPlanEncodesCompactlyAndReadsBack() {
        Plan empty = new Plan(List.of(), List.of(), List.of(), new Plan.CriticalPath(List.of(), 0), List.of());
        String json = new String(codec.encode(empty), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\n  \"schema\": 1,\n  \"tasks\": [],\n  \"batches\": [],\n  \"waves\": [],\n"
                + "  \"criticalPath\": {\"taskIds\": [], \"minutes\": 0},\n  \"diagnostics\": []\n}\n");
        assertThat(codec.decode(json.getBytes(StandardCharsets.UTF_8), ORIGIN)).isEqualTo(empty);
    }

    @Test
    void schema1DocumentsWithOnlyRequiredFieldsAndUnknownFieldsStillParse() {
        // what an early or a newer schema-1 writer may produce: optional fields absent, extra ones present
        String json = """
                {"schema": 1, "writtenBy": "br 0.9", "tasks": [
                  {"id": "T-1", "featureId": "auth", "title": "Add login", "domain": "backend",
                   "estimateMinutes": 90, "status": "in-progress", "owner": "alice",
                   "history": [{"at": "2026-11-20T09:00:00Z", "status": "pending"}]}
                ]}
                """;
        Plan plan = codec.decode(json.getBytes(StandardCharsets.UTF_8), ORIGIN);

        Task t = plan.tasks().get(0);
        assertThat(t.status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(t.complex()).isFalse();
        assertThat(t.dependsOn()).isEmpty();
        assertThat(t.files()).isEmpty();
        assertThat(t.fingerprint()).isEmpty();
        assertThat(t.followUpOf()).isEmpty();
        assertThat(t.history()).singleElement().satisfies(e -> {
            assertThat(e.by()).isEmpty();
            assertThat(e.note()).isEmpty();
        });
        assertThat(plan.batches()).isEmpty();
        assertThat(plan.waves()).isEmpty();
        assertThat(plan.criticalPath()).isEqualTo(new Plan.CriticalPath(List.of(), 0));
        assertThat(plan.diagnostics()).isEmpty();
    }

    static Stream<Arguments> garbage() {
        String task = "{\"id\": \"T-7\", \"featureId\": \"f\", \"title\": \"t\", \"domain\": \"backend\", "
                + "\"estimateMinutes\": 60, \"status\": \"pending\"";
        return Stream.of(
                Arguments.of("{\"schema\": 1, \"tasks\": [" + task.replace("\"pending\"", "\"foo\"") + "}]}",
                        "task T-7: invalid status: foo"),
                Arguments.of("{\"schema\": 1, \"tasks\": [" + task.replace("\"backend\"", "\"kitchen\"") + "}]}",
                        "task T-7: invalid domain: kitchen"),
                Arguments.of("{\"schema\": 1, \"tasks\": [" + task.replace("60", "0") + "}]}",
                        "task T-7: expected estimateMinutes > 0, got: 0"),
                Arguments.of("{\"schema\": 1, \"tasks\": [" + task.replace("60", "\"60\"") + "}]}",
                        "task T-7: invalid estimateMinutes: \"60\" (expected an integer)"),
                Arguments.of("{\"schema\": 1, \"tasks\": [" + task.replace("60", "1.5") + "}]}",
                        "task T-7: invalid estimateMinutes: 1.5 (expected an integer)"),
                Arguments.of("{\"schema\": 1, \"tasks\": [" + task.replace("\"id\": \"T-7\", ", "") + "}]}",
                        "tasks[0]: missing field: id"),
                Arguments.of("{\"schema\": 1, \"tasks\": [" + task + ", \"dependsOn\": [\"T-1\", 2]}]}",
                        "task T-7: dependsOn: invalid element [1]: 2 (expected a string)"),
                Arguments.of("{\"schema\": 1, \"tasks\": [" + task + ", \"complex\": \"yes\"}]}",
                        "task T-7: invalid complex: \"yes\" (expected true or false)"),
                Arguments.of("{\"schema\": 1, \"tasks\": [" + task
                        + ", \"history\": [{\"at\": \"yesterday\", \"status\": \"done\"}]}]}",
                        "task T-7: history[0]: invalid at: yesterday"),
                Arguments.of("{\"schema\": 1, \"tasks\": [], \"batches\": [{\"id\": \"B3\", \"domain\": \"docs\", "
                        + "\"taskIds\": [\"a\", \"b\", \"c\", \"d\"]}]}",
                        "batch B3: expected 1-3 tasks, got: 4"),
                Arguments.of("{\"schema\": 1, \"tasks\": [], \"diagnostics\": [{\"line\": 3, \"severity\": \"fatal\", "
                        + "\"code\": \"x\", \"message\": \"m\"}]}",
                        "diagnostics[0]: invalid severity: fatal"),
                Arguments.of("{\"schema\": 1, \"tasks\": [], \"waves\": [[\"a\"], \"b\"]}",
                        "waves[1]: expected an array of strings, got: \"b\""),
                Arguments.of("{\"schema\": 1, \"tasks\": {}}", "invalid tasks: {} (expected an array)"),
                Arguments.of("{\"schema\": 1}", "missing field: tasks"),
                Arguments.of("{\"tasks\": []}", "missing field: schema"),
                Arguments.of("{\"schema\": 2, \"tasks\": []}", "unsupported schema 2 (this version reads up to 1)"),
                Arguments.of("[1, 2]", "expected a JSON object, got: [1,2]"),
                Arguments.of("", "expected a JSON object, got: nothing"),
                Arguments.of("{\"schema\": 1, \"schema\": 1, \"tasks\": []}", "not valid JSON: Duplicate field 'schema'"),
                Arguments.of("{\"schema\": 1, \"tasks\": [\n  {\"id\": }\n]}", "not valid JSON: Unexpected character"));
    }

    @ParameterizedTest
    @MethodSource("garbage")
    void garbageIsAnErrorNamingFileCommitAndField(String json, String expected) {
        assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8), ORIGIN))
                .isInstanceOf(CorruptStateException.class)
                .hasMessageStartingWith(ORIGIN + ": " + expected);
    }

    @Test
    void invalidJsonNamesLineAndColumn() {
        assertThatThrownBy(() -> codec.decode("{\"schema\": 1, \"tasks\": [\n  {\"id\": }\n]}"
                .getBytes(StandardCharsets.UTF_8), ORIGIN))
                .hasMessageContaining("at line 2, column 10");
    }

    /** Lines only in {@code a} and lines only in {@code b}, by longest common subsequence (as diff shows). */
    private static List<List<String>> lineDiff(List<String> a, List<String> b) {
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> onlyA = new ArrayList<>();
        List<String> onlyB = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                i++;
                j++;
            } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                onlyB.add(b.get(j++));
            } else {
                onlyA.add(a.get(i++));
            }
        }
        return List.of(onlyA, onlyB);
    }

    private static List<String> lines(byte[] json) {
        return Arrays.asList(new String(json, StandardCharsets.UTF_8).split("\n"));
    }

    static byte[] resource(String path) throws IOException {
        try (InputStream in = PlanCodecTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }
}
