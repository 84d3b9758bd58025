package dev.buildrunner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buildrunner.plan.Domain;
import dev.buildrunner.plan.Plan;
import dev.buildrunner.plan.Task;
import dev.buildrunner.plan.TaskEvent;
import dev.buildrunner.plan.TaskStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlanCodecTest {
    private static final String REV = "1a2b3c4";
    private static final String BOE = "build-orchestrator-enhancement";
    private final PlanCodec codec = new PlanCodec();

    @Test
    void roundTripKeepsEveryFieldOfTheBuild3aPlan() {
        Plan plan = PlanFixtures.build3a();
        Plan back = codec.decode(codec.encode(plan), REV);

        assertThat(back).isEqualTo(plan);
        // the fixture really exercises every field and status, so the equality above means something
        assertThat(plan.tasks()).extracting(Task::status).contains(TaskStatus.values());
        assertThat(plan.tasks()).anyMatch(Task::complex).anyMatch(t -> !t.followUpOf().isEmpty())
                .anyMatch(t -> t.history().size() == 3).anyMatch(t -> t.dependsOn().size() > 1);
        assertThat(plan.batches()).isNotEmpty();
        assertThat(plan.waves()).hasSizeGreaterThan(1);
        assertThat(plan.criticalPath().taskIds()).isNotEmpty();
        assertThat(plan.diagnostics()).hasSize(1);
        Task followUp = back.task(BOE + "-r1-f1").orElseThrow();
        assertThat(followUp.history().get(0).at().getNano()).isEqualTo(123_000_000);
        assertThat(followUp.history().get(0).note()).contains("\"Dependency graph", "\n", "\t");
    }

    @Test
    void thePlanIsOneIndexAndOneFilePerFeatureWhoseTasksKeepThePlanOrder() throws IOException {
        Plan plan = PlanFixtures.build3a();
        Map<String, byte[]> files = codec.encode(plan);

        List<String> features = plan.tasks().stream().map(Task::featureId).distinct().toList();
        assertThat(features).hasSize(4);
        assertThat(files.keySet()).containsExactly(Stream.concat(Stream.of("plan/plan.json"),
                features.stream().map(f -> "plan/tasks/" + f + ".json")).toArray(String[]::new));
        // the follow-up of the first feature comes last in the plan: that feature has two runs
        var index = new ObjectMapper().readTree(files.get(StateFormat.PLAN_PATH));
        assertThat(index.get("schema").asInt()).isEqualTo(2);
        assertThat(index.get("features")).hasSize(5);
        assertThat(index.get("features").get(0).get("featureId").asText()).isEqualTo(BOE);
        assertThat(index.get("features").get(4).toString()).isEqualTo("{\"featureId\":\"" + BOE + "\",\"tasks\":1}");
        var boe = new ObjectMapper().readTree(files.get("plan/tasks/" + BOE + ".json"));
        assertThat(boe.get("featureId").asText()).isEqualTo(BOE);
        assertThat(boe.get("tasks")).hasSize((int) plan.tasks().stream().filter(t -> t.featureId().equals(BOE)).count());
        assertThat(boe.get("tasks").get(boe.get("tasks").size() - 1).get("id").asText()).isEqualTo(BOE + "-r1-f1");
    }

    @Test
    void encodingIsTheRecordedSchema2FilesByteForByte() throws Exception {
        Map<String, byte[]> recorded = recordedSchema2();

        Map<String, byte[]> encoded = codec.encode(PlanFixtures.build3a());
        assertThat(encoded.keySet()).containsExactlyInAnyOrderElementsOf(recorded.keySet());
        for (Map.Entry<String, byte[]> e : encoded.entrySet()) {
            assertThat(new String(e.getValue(), StandardCharsets.UTF_8)).as(e.getKey())
                    .isEqualTo(new String(recorded.get(e.getKey()), StandardCharsets.UTF_8));
        }
        assertThat(codec.decode(recorded, REV)).isEqualTo(PlanFixtures.build3a());
        // any JSON reader accepts the files, not just ours
        int tasks = 0;
        for (Map.Entry<String, byte[]> e : recorded.entrySet()) {
            if (e.getKey().startsWith("plan/tasks/")) {
                tasks += new ObjectMapper().readTree(e.getValue()).get("tasks").size();
            }
        }
        assertThat(tasks).isEqualTo(PlanFixtures.build3a().tasks().size());
    }

    @Test
    void aStatusChangeIsAThreeLineDiffOfOneFeatureFile() {
        Plan plan = PlanFixtures.build3a();
        Task t = plan.tasks().get(6);
        Task started = t.withStatus(TaskStatus.IN_PROGRESS,
                new TaskEvent(PlanFixtures.T0.plusSeconds(99_000), TaskStatus.IN_PROGRESS, "bob", "picked up"));
        List<Task> tasks = new ArrayList<>(plan.tasks());
        tasks.set(6, started);
        Plan next = new Plan(tasks, plan.batches(), plan.waves(), plan.criticalPath(), plan.diagnostics());

        Map<String, byte[]> before = codec.encode(plan);
        Map<String, byte[]> after = codec.encode(next);

        String file = "plan/tasks/" + BOE + ".json";
        assertThat(t.id()).isEqualTo(BOE + "-docs");
        for (String path : before.keySet()) {
            if (!path.equals(file)) {
                assertThat(after.get(path)).as(path).isEqualTo(before.get(path));
            }
        }
        List<List<String>> diff = lineDiff(lines(before.get(file)), lines(after.get(file)));
        String lastEvent = "        {\"at\": \"2026-11-20T09:00:00Z\", \"status\": \"pending\", \"by\": \"planner\","
                + " \"note\": \"created from requirement 0\"}";
        String event = "        {\"at\": \"2026-11-21T12:30:00Z\", \"status\": \"in_progress\", \"by\": \"bob\","
                + " \"note\": \"picked up\"}";
        assertThat(diff.get(0)).containsExactly("      \"status\": \"pending\",", lastEvent);
        assertThat(diff.get(1)).containsExactly("      \"status\": \"in_progress\",", lastEvent + ",", event);
    }

    @Test
    void anEmptyPlanIsTheIndexAloneAndReadsBack() {
        Plan empty = new Plan(List.of(), List.of(), List.of(), new Plan.CriticalPath(List.of(), 0), List.of());
        Map<String, byte[]> files = codec.encode(empty);

        assertThat(files).containsOnlyKeys(StateFormat.PLAN_PATH);
        assertThat(new String(files.get(StateFormat.PLAN_PATH), StandardCharsets.UTF_8)).isEqualTo("{\n  \"schema\": 2,\n"
                + "  \"features\": [],\n  \"batches\": [],\n  \"waves\": [],\n"
                + "  \"criticalPath\": {\"taskIds\": [], \"minutes\": 0},\n  \"diagnostics\": []\n}\n");
        assertThat(codec.decode(files, REV)).isEqualTo(empty);
    }

    @Test
    void interleavedFeaturesReadBackInThePlansOwnOrder() {
        Task a1 = task("a-1", "a");
        Task b1 = task("b-1", "b");
        Task a2 = task("a-2", "a");
        Task a3 = task("a-3", "a");
        Task c1 = task("c-1", "c");
        Task b2 = task("b-2", "b");
        Plan plan = new Plan(List.of(a1, b1, a2, a3, c1, b2), List.of(), List.of(), new Plan.CriticalPath(List.of(), 0),
                List.of());

        Map<String, byte[]> files = codec.encode(plan);

        assertThat(text(files, StateFormat.PLAN_PATH)).contains("""
                  "features": [
                    {"featureId": "a", "tasks": 1},
                    {"featureId": "b", "tasks": 1},
                    {"featureId": "a", "tasks": 2},
                    {"featureId": "c", "tasks": 1},
                    {"featureId": "b", "tasks": 1}
                  ],
                """);
        assertThat(files).containsOnlyKeys(StateFormat.PLAN_PATH, "plan/tasks/a.json", "plan/tasks/b.json",
                "plan/tasks/c.json");
        assertThat(codec.decode(files, REV).tasks()).containsExactly(a1, b1, a2, a3, c1, b2);
    }

    @Test
    void schema2FilesWithOnlyRequiredFieldsAndUnknownFieldsStillParse() {
        // what an early or a newer schema-2 writer may produce: optional fields absent, extra ones present
        Map<String, byte[]> files = files(
                StateFormat.PLAN_PATH, "{\"schema\": 2, \"writtenBy\": \"br 0.9\", \"features\": ["
                        + "{\"featureId\": \"auth\", \"tasks\": 1, \"file\": \"auth.json\"}]}",
                "plan/tasks/auth.json", """
                {"featureId": "auth", "owner": "alice", "tasks": [
                  {"id": "T-1", "featureId": "auth", "title": "Add login", "domain": "backend",
                   "estimateMinutes": 90, "status": "in-progress", "owner": "alice",
                   "history": [{"at": "2026-11-20T09:00:00Z", "status": "pending"}]}
                ]}
                """);
        Plan plan = codec.decode(files, REV);

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
        String index = "{\"schema\": 2, \"features\": [{\"featureId\": \"f\", \"tasks\": 1}]}";
        String task = "{\"id\": \"T-7\", \"featureId\": \"f\", \"title\": \"t\", \"domain\": \"backend\", "
                + "\"estimateMinutes\": 60, \"status\": \"pending\"";
        String feature = "{\"featureId\": \"f\", \"tasks\": [" + task + "}]}";
        String f = "plan/tasks/f.json";
        String empty = "{\"schema\": 2, \"features\": []";
        return Stream.of(
                Arguments.of(index, feature.replace("\"pending\"", "\"foo\""), f, "task T-7: invalid status: foo"),
                Arguments.of(index, feature.replace("\"backend\"", "\"kitchen\""), f, "task T-7: invalid domain: kitchen"),
                Arguments.of(index, feature.replace("60", "0"), f, "task T-7: expected estimateMinutes > 0, got: 0"),
                Arguments.of(index, feature.replace("60", "\"60\""), f,
                        "task T-7: invalid estimateMinutes: \"60\" (expected an integer)"),
                Arguments.of(index, feature.replace("60", "1.5"), f,
                        "task T-7: invalid estimateMinutes: 1.5 (expected an integer)"),
                Arguments.of(index, feature.replace("\"id\": \"T-7\", ", ""), f, "tasks[0]: missing field: id"),
                Arguments.of(index, feature.replace("}]}", ", \"dependsOn\": [\"T-1\", 2]}]}"), f,
                        "task T-7: dependsOn: invalid element [1]: 2 (expected a string)"),
                Arguments.of(index, feature.replace("}]}", ", \"complex\": \"yes\"}]}"), f,
                        "task T-7: invalid complex: \"yes\" (expected true or false)"),
                Arguments.of(index, feature.replace("}]}", ", \"history\": [{\"at\": \"yesterday\", \"status\": \"done\"}]}]}"),
                        f, "task T-7: history[0]: invalid at: yesterday"),
                Arguments.of(index, feature.replace("\"featureId\": \"f\", \"title\"", "\"featureId\": \"g\", \"title\""), f,
                        "task T-7: featureId 'g' does not match the file's feature 'f'"),
                Arguments.of(index, feature.replaceFirst("\"featureId\": \"f\"", "\"featureId\": \"g\""), f,
                        "featureId 'g' does not match the file's feature 'f'"),
                Arguments.of(index, "{\"featureId\": \"f\"}", f, "missing field: tasks"),
                Arguments.of(index, "{\"featureId\": \"f\", \"tasks\": {}}", f, "invalid tasks: {} (expected an array)"),
                Arguments.of(index, "[1, 2]", f, "expected a JSON object, got: [1,2]"),
                Arguments.of(index, "{\"featureId\": \"f\", \"tasks\": [\n  {\"id\": }\n]}", f,
                        "not valid JSON: Unexpected character"),
                Arguments.of(index, "{\"featureId\": \"f\", \"tasks\": [" + task + "}, " + task.replace("T-7", "T-8")
                        + "}]}", f, "holds 2 tasks, plan/plan.json lists 1"),
                Arguments.of(index.replace("\"f\"", "\"g\""), feature, "plan/tasks/g.json",
                        "missing from the state commit (plan/plan.json lists feature 'g')"),
                Arguments.of(empty + "}", feature, f, "not listed in plan/plan.json"),
                Arguments.of(empty + ", \"batches\": [{\"id\": \"B3\", \"domain\": \"docs\", "
                        + "\"taskIds\": [\"a\", \"b\", \"c\", \"d\"]}]}", null, "plan/plan.json",
                        "batch B3: expected 1-3 tasks, got: 4"),
                Arguments.of(empty + ", \"diagnostics\": [{\"line\": 3, \"severity\": \"fatal\", "
                        + "\"code\": \"x\", \"message\": \"m\"}]}", null, "plan/plan.json",
                        "diagnostics[0]: invalid severity: fatal"),
                Arguments.of(empty + ", \"waves\": [[\"a\"], \"b\"]}", null, "plan/plan.json",
                        "waves[1]: expected an array of strings, got: \"b\""),
                Arguments.of("{\"schema\": 2, \"features\": [{\"featureId\": \"f\", \"tasks\": 0}]}", null,
                        "plan/plan.json", "features[0]: invalid tasks: 0 (expected a count of at least 1)"),
                Arguments.of("{\"schema\": 2, \"features\": [{\"tasks\": 1}]}", null, "plan/plan.json",
                        "features[0]: missing field: featureId"),
                Arguments.of("{\"schema\": 2, \"features\": {}}", null, "plan/plan.json",
                        "invalid features: {} (expected an array)"),
                Arguments.of("{\"schema\": 2}", null, "plan/plan.json", "missing field: features"),
                Arguments.of("{\"features\": []}", null, "plan/plan.json", "missing field: schema"),
                Arguments.of("{\"schema\": 3, \"features\": []}", null, "plan/plan.json",
                        "unsupported schema 3 (this version reads up to 2)"),
                Arguments.of("{\"schema\": 1, \"tasks\": []}", null, "plan/plan.json",
                        "unsupported schema 1 (this version reads schema 2 only)"),
                Arguments.of("", null, "plan/plan.json", "expected a JSON object, got: nothing"),
                Arguments.of("{\"schema\": 2, \"schema\": 2, \"features\": []}", null, "plan/plan.json",
                        "not valid JSON: Duplicate field 'schema'"),
                Arguments.of(null, null, "plan/plan.json", "missing from the state commit"));
    }

    @ParameterizedTest
    @MethodSource("garbage")
    void garbageIsAnErrorNamingFileRevisionAndField(String index, String feature, String file, String expected) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (index != null) {
            files.put(StateFormat.PLAN_PATH, index.getBytes(StandardCharsets.UTF_8));
        }
        if (feature != null) {
            files.put("plan/tasks/f.json", feature.getBytes(StandardCharsets.UTF_8));
        }

        assertThatThrownBy(() -> codec.decode(files, REV))
                .isInstanceOf(CorruptStateException.class)
                .hasMessageStartingWith(file + " at " + REV + ": " + expected);
    }

    @Test
    void invalidJsonNamesLineAndColumn() {
        assertThatThrownBy(() -> codec.decode(files(StateFormat.PLAN_PATH,
                "{\"schema\": 2, \"features\": [\n  {\"featureId\": }\n]}"), REV))
                .hasMessageContaining("at line 2, column 17");
    }

    @Test
    void aFeatureFileHoldsTasksOfThatFeatureOnly() {
        assertThatThrownBy(() -> codec.encodeFeature("b", List.of(task("a-1", "a"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("task a-1 belongs to feature a, not b");
        assertThatThrownBy(() -> codec.encodeFeature("b", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("feature b: a feature file needs at least one task");
    }

    static Task task(String id, String featureId) {
        return new Task(id, featureId, "Do " + id, Domain.BACKEND, false, 60, TaskStatus.PENDING, List.of(), List.of(),
                "", "", List.of());
    }

    /** The files under {@code resources/store/schema2}, keyed by their path in a state tree. */
    static Map<String, byte[]> recordedSchema2() throws IOException, URISyntaxException {
        Path root = Path.of(PlanCodecTest.class.getResource("/store/schema2").toURI());
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.filter(Files::isRegularFile).sorted().toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private static Map<String, byte[]> files(String... pathsAndContents) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            m.put(pathsAndContents[i], pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return m;
    }

    private static String text(Map<String, byte[]> files, String path) {
        return new String(files.get(path), StandardCharsets.UTF_8);
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
