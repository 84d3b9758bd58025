package dev.buildrunner.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buildrunner.plan.Batch;
import dev.buildrunner.plan.Domain;
import dev.buildrunner.plan.Plan;
import dev.buildrunner.plan.Task;
import dev.buildrunner.plan.TaskEvent;
import dev.buildrunner.plan.TaskStatus;
import dev.buildrunner.spec.Diagnostic;
import dev.buildrunner.spec.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;

/**
 * Every plan the records allow encodes to files of JSON that any reader accepts and decodes back
 * to an equal plan, whatever its strings hold (quotes, backslashes, control characters, emoji,
 * unpaired surrogates, U+2028) and however its features interleave; feature ids of any content get
 * distinct file names that git accepts. Seeded, so a failure names a reproducible seed.
 */
class PlanCodecRandomTest {
    private static final String[] ATOMS = {"a", "T-7", " ", "\"", "\\", "\n", "\r\n", "\t", "\u0000", "\u001f",
        "\u007f", "é", "≥", "中文", "😀", "\ud83d", "\ude00", "\u2028", "/", "</script>", "{\"x\": 1}", ""};
    private final PlanCodec codec = new PlanCodec();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void randomPlansRoundTripAndAreValidJson() throws Exception {
        for (long seed = 1; seed <= 300; seed++) {
            Random r = new Random(seed);
            Plan plan = randomPlan(r);
            Map<String, byte[]> files = codec.encode(plan);

            assertThat(codec.decode(files, "seed " + seed)).as("seed %d", seed).isEqualTo(plan);
            Map<String, byte[]> again = codec.encode(codec.decode(files, "seed " + seed));
            assertThat(again.keySet()).as("seed %d", seed).containsExactlyElementsOf(files.keySet());
            for (Map.Entry<String, byte[]> f : again.entrySet()) {
                assertThat(f.getValue()).as("seed %d %s", seed, f.getKey()).isEqualTo(files.get(f.getKey()));
            }
            int tasks = 0;
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                JsonNode node = json.readTree(f.getValue());
                tasks += f.getKey().equals(StateFormat.PLAN_PATH) ? 0 : node.get("tasks").size();
            }
            assertThat(tasks).as("seed %d", seed).isEqualTo(plan.tasks().size());
            long features = plan.tasks().stream().map(Task::featureId).distinct().count();
            assertThat(files).as("seed %d", seed).hasSize((int) features + 1);
        }
    }

    @Test
    void distinctFeatureIdsGetDistinctFileNamesThatGitAccepts() throws Exception {
        Random r = new Random(42);
        Map<String, String> idByName = new HashMap<>();
        Map<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < 20_000; i++) {
            String id = text(r) + text(r);
            String name = StateFormat.featureFileName(id);
            String other = idByName.putIfAbsent(name, id);
            assertThat(other == null || other.equals(id)).as("'%s' and '%s' share %s", id, other, name).isTrue();
            assertThat(name).doesNotContain("/", "\u0000", ":", "\\").doesNotStartWith(".").endsWith(".json");
            if (files.size() < 300) {
                files.put(StateFormat.TASKS_DIR + "/" + name, id.getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(idByName).hasSizeGreaterThan(5_000);
        // the names survive a real tree: UTF-8 in, the same names out
        InMemoryRepository repo = new InMemoryRepository(new DfsRepositoryDescription("names"));
        try (ObjectInserter ins = repo.newObjectInserter(); ObjectReader reader = repo.newObjectReader()) {
            ObjectId tree = TreeEditor.write(reader, ins, null, files);
            ins.flush();
            List<String> names = new ArrayList<>();
            try (TreeWalk tw = new TreeWalk(reader)) {
                tw.addTree(tree);
                tw.setRecursive(true);
                while (tw.next()) {
                    names.add(tw.getPathString());
                }
            }
            assertThat(names).containsExactlyInAnyOrderElementsOf(files.keySet());
        }
    }

    private static Plan randomPlan(Random r) {
        List<Task> tasks = new ArrayList<>();
        int n = r.nextInt(8);
        String[] features = {text(r), text(r), text(r)};   // few ids: their tasks interleave
        for (int i = 0; i < n; i++) {
            List<TaskEvent> history = new ArrayList<>();
            for (int h = r.nextInt(4); h > 0; h--) {
                history.add(new TaskEvent(Instant.ofEpochSecond(r.nextInt(2_000_000_000), r.nextInt(1_000_000_000)),
                        pick(r, TaskStatus.values()), text(r), text(r)));
            }
            tasks.add(new Task(text(r), pick(r, features), text(r), pick(r, Domain.values()), r.nextBoolean(),
                    1 + r.nextInt(Integer.MAX_VALUE - 1), pick(r, TaskStatus.values()), texts(r), texts(r), text(r),
                    text(r), history));
        }
        List<Batch> batches = new ArrayList<>();
        for (int b = r.nextInt(4); b > 0; b--) {
            batches.add(new Batch(text(r), pick(r, Domain.values()), texts(r, 1 + r.nextInt(3))));
        }
        List<List<String>> waves = new ArrayList<>();
        for (int w = r.nextInt(4); w > 0; w--) {
            waves.add(texts(r));
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (int d = r.nextInt(3); d > 0; d--) {
            diagnostics.add(new Diagnostic(r.nextInt(5000), pick(r, Severity.values()), text(r), text(r)));
        }
        return new Plan(tasks, batches, waves, new Plan.CriticalPath(texts(r), r.nextInt(100_000)), diagnostics);
    }

    private static List<String> texts(Random r) {
        return texts(r, r.nextInt(4));
    }

    private static List<String> texts(Random r, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(text(r));
        }
        return out;
    }

    private static String text(Random r) {
        StringBuilder s = new StringBuilder();
        for (int i = r.nextInt(6); i > 0; i--) {
            s.append(ATOMS[r.nextInt(ATOMS.length)]);
        }
        return s.toString();
    }

    private static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }
}
