package dev.buildrunner.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.buildrunner.plan.Plan;
import dev.buildrunner.plan.Task;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Converts a {@link Plan} to and from the plan files of a state tree ({@link StateFormat}):
 * {@code plan/plan.json} with the {@code "schema"} version, the task order as feature runs
 * ({@code {"featureId": "auth", "tasks": 7}}), batches, waves, criticalPath and diagnostics; and one
 * {@code plan/tasks/<feature>.json} per feature with its {@code featureId} and its tasks, each with
 * its fields in a fixed order (id, featureId, title, domain, complex, estimateMinutes, status,
 * dependsOn, files, fingerprint, followUpOf, history). UTF-8 JSON; enums as their lower-case
 * labels; times as ISO-8601 UTC.
 *
 * <p>Encoding is deterministic: equal inputs give equal bytes, and one task's status change is a
 * three-line diff of one feature file. Decoding accepts what any schema-{@value #SCHEMA} writer
 * wrote (unknown fields ignored, optional fields defaulted), and every plan that encodes decodes
 * back to an equal plan, in the same task order. Schema 1 (one {@code plan/tasks.json}) never
 * shipped and is not read. Thread-safe and stateless apart from an immutable Jackson mapper.
 */
public final class PlanCodec {
    /** The schema this version writes and the only one it reads (2: one file per feature). */
    public static final int SCHEMA = 2;

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    /** Creates a codec. */
    public PlanCodec() {
    }

    /**
     * Encodes a whole plan.
     *
     * @return tree path ({@link StateFormat#PLAN_PATH}, then {@link StateFormat#featurePath} of
     *     each feature in plan order) to the file's UTF-8 bytes
     */
    public Map<String, byte[]> encode(Plan plan) {
        Objects.requireNonNull(plan, "plan");
        PlanParts parts = PlanParts.of(plan);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(StateFormat.PLAN_PATH, encodeIndex(plan, parts));
        parts.byFeature().forEach((id, tasks) -> files.put(StateFormat.featurePath(id), encodeFeature(id, tasks)));
        return files;
    }

    /**
     * Encodes {@code plan/plan.json}.
     *
     * @return the UTF-8 bytes of the JSON document, ending with a newline
     */
    public byte[] encodeIndex(Plan plan) {
        Objects.requireNonNull(plan, "plan");
        return encodeIndex(plan, PlanParts.of(plan));
    }

    byte[] encodeIndex(Plan plan, PlanParts parts) {
        return PlanJsonWriter.index(plan, parts.runs(), SCHEMA).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Encodes the file of one feature.
     *
     * @param featureId the feature, the {@code featureId} of every task given
     * @param tasks its tasks in plan order, at least one
     * @return the UTF-8 bytes of the JSON document, ending with a newline
     * @throws IllegalArgumentException when a task belongs to another feature or there is none
     */
    public byte[] encodeFeature(String featureId, List<Task> tasks) {
        Objects.requireNonNull(featureId, "featureId");
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("feature " + featureId + ": a feature file needs at least one task");
        }
        for (Task t : tasks) {
            if (!t.featureId().equals(featureId)) {
                throw new IllegalArgumentException("task " + t.id() + " belongs to feature " + t.featureId()
                        + ", not " + featureId);
            }
        }
        return PlanJsonWriter.feature(featureId, tasks).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Decodes a plan from its files. Linear in their size: each file is parsed once.
     *
     * @param files tree path to bytes, as {@link #encode} gives them: {@link StateFormat#PLAN_PATH}
     *     and the files under {@link StateFormat#TASKS_DIR}; other paths are ignored
     * @param revision where the files were read, named in every error after the path, for
     *     example a short commit id: {@code plan/tasks/auth.json at 1a2b3c4: ...}
     * @return the plan, its tasks in the order {@code plan/plan.json} gives
     * @throws CorruptStateException when a file is missing, is not JSON, has another schema, or a
     *     field is missing or invalid; when a feature file holds another feature or a count other
     *     than {@code plan/plan.json} says; or when a file under {@code plan/tasks} is not listed.
     *     The message names file, revision, object and field, for example {@code
     *     plan/tasks/auth.json at 1a2b3c4: task T-7: invalid status: foo}
     */
    public Plan decode(Map<String, byte[]> files, String revision) {
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(revision, "revision");
        String indexOrigin = StateFormat.PLAN_PATH + " at " + revision;
        byte[] indexBytes = files.get(StateFormat.PLAN_PATH);
        if (indexBytes == null) {
            throw new CorruptStateException(indexOrigin + ": missing from the state commit");
        }
        PlanJsonReader.Index index = new PlanJsonReader(indexOrigin).readIndex(parse(indexBytes, indexOrigin), SCHEMA);
        Map<String, Instant> times = new HashMap<>();

        Map<String, Integer> counts = new LinkedHashMap<>();
        for (PlanParts.Run r : index.runs()) {
            counts.merge(r.featureId(), r.tasks(), Integer::sum);
        }
        Map<String, List<Task>> byFeature = new HashMap<>(counts.size() * 2);
        Set<String> listed = new HashSet<>(counts.size() * 2);
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            String path = StateFormat.featurePath(e.getKey());
            listed.add(path);
            String origin = path + " at " + revision;
            byte[] bytes = files.get(path);
            if (bytes == null) {
                throw new CorruptStateException(origin + ": missing from the state commit (" + StateFormat.PLAN_PATH
                        + " lists feature '" + e.getKey() + "')");
            }
            List<Task> tasks = new PlanJsonReader(origin, times).readFeature(parse(bytes, origin), e.getKey());
            if (tasks.size() != e.getValue()) {
                throw new CorruptStateException(origin + ": holds " + tasks.size() + " tasks, " + StateFormat.PLAN_PATH
                        + " lists " + e.getValue());
            }
            byFeature.put(e.getKey(), tasks);
        }
        String prefix = StateFormat.TASKS_DIR + "/";
        for (String path : files.keySet()) {
            if (path.startsWith(prefix) && !listed.contains(path)) {
                throw new CorruptStateException(path + " at " + revision + ": not listed in " + StateFormat.PLAN_PATH);
            }
        }
        return new Plan(PlanParts.join(index.runs(), byFeature), index.batches(), index.waves(),
                index.criticalPath(), index.diagnostics());
    }

    private JsonNode parse(byte[] json, String origin) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new CorruptStateException(origin + ": not valid JSON: " + e.getOriginalMessage() + where, e);
        } catch (IOException e) {
            throw new CorruptStateException(origin + ": unreadable: " + e.getMessage(), e);
        }
    }
}
