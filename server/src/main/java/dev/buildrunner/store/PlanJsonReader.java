package dev.buildrunner.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.buildrunner.plan.Batch;
import dev.buildrunner.plan.Domain;
import dev.buildrunner.plan.Plan;
import dev.buildrunner.plan.Task;
import dev.buildrunner.plan.TaskEvent;
import dev.buildrunner.plan.TaskStatus;
import dev.buildrunner.spec.Diagnostic;
import dev.buildrunner.spec.Severity;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a parsed plan file into records, field by field, so that every error names the origin,
 * the object and the field: {@code plan/tasks/auth.json at 1a2b3c4: task T-7: invalid status:
 * foo}. Unknown fields are ignored (a newer writer of the same schema may add some); fields added
 * after a schema's first release must be optional with a default.
 *
 * <p>{@code plan/plan.json} requires {@code schema} and {@code features} (each run's
 * {@code featureId} and {@code tasks}); batches, waves, critical path and diagnostics default to
 * empty, but a batch or diagnostic present needs all its fields. A feature file requires {@code
 * featureId} and {@code tasks}; per task {@code id, featureId, title, domain, estimateMinutes,
 * status}; per event {@code at, status}. Everything else defaults to false, 0, "" or an empty
 * list. One instance per document.
 */
final class PlanJsonReader {
    private static final int MAX_SHOWN = 80;

    private final String origin;
    private final Map<String, Instant> times;

    /** What {@code plan/plan.json} holds besides the schema. */
    record Index(List<PlanParts.Run> runs, List<Batch> batches, List<List<String>> waves,
            Plan.CriticalPath criticalPath, List<Diagnostic> diagnostics) {
    }

    /** @param origin where the document was read, the prefix of every error message */
    PlanJsonReader(String origin) {
        this(origin, new HashMap<>());
    }

    /**
     * @param origin where the document was read, the prefix of every error message
     * @param times event times already parsed, shared by the readers of one plan: a planning run
     *     stamps all its events with one instant, and {@link Instant#parse} is the costliest step
     *     of reading a task
     */
    PlanJsonReader(String origin, Map<String, Instant> times) {
        this.origin = origin;
        this.times = times;
    }

    /** Reads {@code plan/plan.json} of exactly schema {@code schema}. */
    Index readIndex(JsonNode root, int schema) {
        requireRoot(root);
        JsonNode schemaNode = root.get("schema");
        if (schemaNode == null || schemaNode.isNull()) {
            throw fail("", "missing field: schema");
        }
        if (!schemaNode.isIntegralNumber() || !schemaNode.canConvertToInt() || schemaNode.intValue() < 1) {
            throw fail("", "invalid schema: " + show(schemaNode));
        }
        if (schemaNode.intValue() > schema) {
            throw fail("", "unsupported schema " + schemaNode.intValue() + " (this version reads up to "
                    + schema + ")");
        }
        if (schemaNode.intValue() < schema) {
            throw fail("", "unsupported schema " + schemaNode.intValue() + " (this version reads schema "
                    + schema + " only)");
        }
        List<PlanParts.Run> runs = list(root, "features", "", true, (n, i) -> run(n, i));
        List<Batch> batches = list(root, "batches", "", false, (n, i) -> batch(n, i));
        List<List<String>> waves = list(root, "waves", "", false,
                (n, i) -> stringList(n, "waves[" + i + "]"));
        Plan.CriticalPath path = criticalPath(root.get("criticalPath"));
        List<Diagnostic> diagnostics = list(root, "diagnostics", "", false, (n, i) -> diagnostic(n, i));
        return new Index(runs, batches, waves, path, diagnostics);
    }

    /**
     * Reads a feature file, which must be the file of {@code featureId} and hold only tasks of
     * that feature.
     */
    List<Task> readFeature(JsonNode root, String featureId) {
        requireRoot(root);
        String id = text(root, "featureId", "", null);
        if (!id.equals(featureId)) {
            throw fail("", "featureId " + quote(id) + " does not match the file's feature " + quote(featureId));
        }
        List<Task> tasks = list(root, "tasks", "", true, (n, i) -> task(n, i));
        for (Task t : tasks) {
            if (!t.featureId().equals(featureId)) {
                throw fail("task " + t.id(), "featureId " + quote(t.featureId()) + " does not match the file's feature "
                        + quote(featureId));
            }
        }
        return tasks;
    }

    private PlanParts.Run run(JsonNode n, int index) {
        String ctx = "features[" + index + "]";
        requireObject(n, ctx);
        String featureId = text(n, "featureId", ctx, null);
        int tasks = integer(n, "tasks", ctx, true);
        if (tasks < 1) {
            throw fail(ctx, "invalid tasks: " + tasks + " (expected a count of at least 1)");
        }
        return new PlanParts.Run(featureId, tasks);
    }

    private Task task(JsonNode n, int index) {
        String ctx = "tasks[" + index + "]";
        requireObject(n, ctx);
        String id = text(n, "id", ctx, null);
        ctx = "task " + id;
        String featureId = text(n, "featureId", ctx, null);
        String title = text(n, "title", ctx, null);
        Domain domain = label(n, "domain", ctx, Domain::fromLabel);
        boolean complex = bool(n, "complex", ctx);
        int estimate = integer(n, "estimateMinutes", ctx, true);
        TaskStatus status = label(n, "status", ctx, TaskStatus::fromLabel);
        List<String> dependsOn = optionalStrings(n, "dependsOn", ctx);
        List<String> files = optionalStrings(n, "files", ctx);
        String fingerprint = text(n, "fingerprint", ctx, "");
        String followUpOf = text(n, "followUpOf", ctx, "");
        String taskCtx = ctx;
        List<TaskEvent> history = list(n, "history", ctx, false, (e, i) -> event(e, taskCtx + ": history[" + i + "]"));
        try {
            return new Task(id, featureId, title, domain, complex, estimate, status, dependsOn, files, fingerprint,
                    followUpOf, history);
        } catch (IllegalArgumentException e) {
            throw fail(ctx, e.getMessage());
        }
    }

    private TaskEvent event(JsonNode n, String ctx) {
        requireObject(n, ctx);
        String at = text(n, "at", ctx, null);
        Instant time = times.get(at);
        if (time == null) {
            try {
                time = Instant.parse(at);
            } catch (DateTimeParseException e) {
                throw fail(ctx, "invalid at: " + cut(at));
            }
            times.put(at, time);
        }
        TaskStatus status = label(n, "status", ctx, TaskStatus::fromLabel);
        return new TaskEvent(time, status, text(n, "by", ctx, ""), text(n, "note", ctx, ""));
    }

    private Batch batch(JsonNode n, int index) {
        String ctx = "batches[" + index + "]";
        requireObject(n, ctx);
        String id = text(n, "id", ctx, null);
        ctx = "batch " + id;
        Domain domain = label(n, "domain", ctx, Domain::fromLabel);
        JsonNode ids = n.get("taskIds");
        if (ids == null || ids.isNull()) {
            throw fail(ctx, "missing field: taskIds");
        }
        List<String> taskIds = stringList(ids, ctx + ": taskIds");
        try {
            return new Batch(id, domain, taskIds);
        } catch (IllegalArgumentException e) {
            throw fail(ctx, e.getMessage());
        }
    }

    private Plan.CriticalPath criticalPath(JsonNode n) {
        if (n == null || n.isNull()) {
            return new Plan.CriticalPath(List.of(), 0);
        }
        requireObject(n, "criticalPath");
        return new Plan.CriticalPath(optionalStrings(n, "taskIds", "criticalPath"),
                integer(n, "minutes", "criticalPath", false));
    }

    private Diagnostic diagnostic(JsonNode n, int index) {
        String ctx = "diagnostics[" + index + "]";
        requireObject(n, ctx);
        int line = integer(n, "line", ctx, true);
        Severity severity = label(n, "severity", ctx, s -> Severity.valueOf(s.toUpperCase(Locale.ROOT)));
        String code = text(n, "code", ctx, null);
        String message = text(n, "message", ctx, null);
        try {
            return new Diagnostic(line, severity, code, message);
        } catch (IllegalArgumentException e) {
            throw fail(ctx, e.getMessage());
        }
    }

    /** Reads an array field; {@code required} false gives an empty list when it is absent or null. */
    private <T> List<T> list(JsonNode parent, String field, String ctx, boolean required, Element<T> element) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw fail(ctx, "missing field: " + field);
            }
            return List.of();
        }
        if (!n.isArray()) {
            throw fail(ctx, "invalid " + field + ": " + show(n) + " (expected an array)");
        }
        List<T> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            out.add(element.read(n.get(i), i));
        }
        return out;
    }

    private List<String> optionalStrings(JsonNode parent, String field, String ctx) {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            return List.of();
        }
        return stringList(n, ctx + ": " + field);
    }

    private List<String> stringList(JsonNode n, String ctx) {
        if (!n.isArray()) {
            throw fail(ctx, "expected an array of strings, got: " + show(n));
        }
        List<String> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            JsonNode e = n.get(i);
            if (!e.isTextual()) {
                throw fail(ctx, "invalid element [" + i + "]: " + show(e) + " (expected a string)");
            }
            out.add(e.textValue());
        }
        return out;
    }

    /** A string field; {@code fallback} null means required. */
    private String text(JsonNode n, String field, String ctx, String fallback) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (fallback == null) {
                throw fail(ctx, "missing field: " + field);
            }
            return fallback;
        }
        if (!v.isTextual()) {
            throw fail(ctx, "invalid " + field + ": " + show(v) + " (expected a string)");
        }
        return v.textValue();
    }

    private int integer(JsonNode n, String field, String ctx, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw fail(ctx, "missing field: " + field);
            }
            return 0;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw fail(ctx, "invalid " + field + ": " + show(v) + " (expected an integer)");
        }
        return v.intValue();
    }

    private boolean bool(JsonNode n, String field, String ctx) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw fail(ctx, "invalid " + field + ": " + show(v) + " (expected true or false)");
        }
        return v.booleanValue();
    }

    private <E> E label(JsonNode n, String field, String ctx, Function<String, E> parse) {
        String text = text(n, field, ctx, null);
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            throw fail(ctx, "invalid " + field + ": " + cut(text));
        }
    }

    private void requireRoot(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw fail("", "expected a JSON object, got: " + show(root));
        }
    }

    private void requireObject(JsonNode n, String ctx) {
        if (!n.isObject()) {
            throw fail(ctx, "expected an object, got: " + show(n));
        }
    }

    private CorruptStateException fail(String ctx, String detail) {
        // the records' own messages already name their object ("task T-7: expected ...")
        boolean named = ctx.isEmpty() || detail.startsWith(ctx + ": ");
        return new CorruptStateException(origin + ": " + (named ? "" : ctx + ": ") + detail);
    }

    private static String show(JsonNode n) {
        return n == null || n.isMissingNode() ? "nothing" : cut(n.toString());
    }

    private static String quote(String s) {
        return "'" + cut(s) + "'";
    }

    private static String cut(String s) {
        return s.length() <= MAX_SHOWN ? s : s.substring(0, MAX_SHOWN) + "...";
    }

    @FunctionalInterface
    private interface Element<T> {
        T read(JsonNode node, int index);
    }
}
