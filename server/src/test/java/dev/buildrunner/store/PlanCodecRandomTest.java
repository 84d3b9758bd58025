package dev.buildrunner.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buildrunner.plan.Batch;
import dev.buildrunner.plan.Domain;
import dev.buildrunner.plan.Plan;
import dev.buildrunner.plan.Task;
import dev.buildrunner.plan.TaskEvent;
import dev.buildrunner.plan.TaskStatus;
import dev.buildrunner.spec.Diagnostic;
import dev.buildrunner.spec.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every plan the records allow encodes to JSON that any reader accepts and decodes back to an
 * equal plan, whatever its strings hold (quotes, backslashes, control characters, emoji, unpaired
 * surrogates, U+2028). Seeded, so a failure names a reproducible seed.
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
            byte[] bytes = codec.encode(plan);

            assertThat(codec.decode(bytes, "seed " + seed)).as("seed %d", seed).isEqualTo(plan);
            assertThat(codec.encode(codec.decode(bytes, "seed " + seed))).as("seed %d", seed).isEqualTo(bytes);
            assertThat(json.readTree(bytes).get("tasks").size()).as("seed %d", seed).isEqualTo(plan.tasks().size());
        }
    }

    private static Plan randomPlan(Random r) {
        List<Task> tasks = new ArrayList<>();
        int n = r.nextInt(8);
        for (int i = 0; i < n; i++) {
            List<TaskEvent> history = new ArrayList<>();
            for (int h = r.nextInt(4); h > 0; h--) {
                history.add(new TaskEvent(Instant.ofEpochSecond(r.nextInt(2_000_000_000), r.nextInt(1_000_000_000)),
                        pick(r, TaskStatus.values()), text(r), text(r)));
            }
            tasks.add(new Task(text(r), text(r), text(r), pick(r, Domain.values()), r.nextBoolean(),
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
