package dev.buildrunner.store;

import dev.buildrunner.plan.Batch;
import dev.buildrunner.plan.Plan;
import dev.buildrunner.plan.Task;
import dev.buildrunner.plan.TaskEvent;
import dev.buildrunner.spec.Diagnostic;
import java.util.List;
import java.util.Locale;

/**
 * Writes the layout of the plan files by hand, so that they are byte-for-byte deterministic and
 * read well in a git diff: one field per line inside a task, lists of ids on one line, one line
 * per history event, feature run, batch, wave and diagnostic. A status change with its history
 * event is then a three-line diff of one feature file: the status line, the previous event's line
 * (which gains a comma) and the new event's line. Stateless.
 */
final class PlanJsonWriter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private PlanJsonWriter() {
    }

    /** {@code plan/plan.json}: schema, feature runs, batches, waves, critical path, diagnostics. */
    static String index(Plan plan, List<PlanParts.Run> runs, int schema) {
        StringBuilder o = new StringBuilder(512 + runs.size() * 48 + plan.batches().size() * 96
                + plan.tasks().size() * 48);
        o.append("{\n  \"schema\": ").append(schema).append(",\n");
        o.append("  \"features\": [");
        String sep = "\n";
        for (PlanParts.Run r : runs) {
            o.append(sep).append("    {\"featureId\": ");
            str(o, r.featureId());
            o.append(", \"tasks\": ").append(r.tasks()).append('}');
            sep = ",\n";
        }
        o.append(runs.isEmpty() ? "],\n" : "\n  ],\n");

        o.append("  \"batches\": [");
        sep = "\n";
        for (Batch b : plan.batches()) {
            o.append(sep).append("    {\"id\": ");
            str(o, b.id());
            o.append(", \"domain\": ");
            str(o, b.domain().label());
            o.append(", \"taskIds\": ");
            strings(o, b.taskIds());
            o.append('}');
            sep = ",\n";
        }
        o.append(plan.batches().isEmpty() ? "],\n" : "\n  ],\n");

        o.append("  \"waves\": [");
        sep = "\n";
        for (List<String> wave : plan.waves()) {
            o.append(sep).append("    ");
            strings(o, wave);
            sep = ",\n";
        }
        o.append(plan.waves().isEmpty() ? "],\n" : "\n  ],\n");

        o.append("  \"criticalPath\": {\"taskIds\": ");
        strings(o, plan.criticalPath().taskIds());
        o.append(", \"minutes\": ").append(plan.criticalPath().minutes()).append("},\n");

        o.append("  \"diagnostics\": [");
        sep = "\n";
        for (Diagnostic d : plan.diagnostics()) {
            o.append(sep).append("    {\"line\": ").append(d.line()).append(", \"severity\": ");
            str(o, d.severity().name().toLowerCase(Locale.ROOT));
            o.append(", \"code\": ");
            str(o, d.code());
            o.append(", \"message\": ");
            str(o, d.message());
            o.append('}');
            sep = ",\n";
        }
        o.append(plan.diagnostics().isEmpty() ? "]\n" : "\n  ]\n");
        o.append("}\n");
        return o.toString();
    }

    /** A feature file {@code plan/tasks/<feature>.json}: the feature id and its tasks in plan order. */
    static String feature(String featureId, List<Task> tasks) {
        StringBuilder o = new StringBuilder(64 + tasks.size() * 640);
        o.append("{\n  \"featureId\": ");
        str(o, featureId);
        o.append(",\n  \"tasks\": [");
        String sep = "\n";
        for (Task t : tasks) {
            o.append(sep);
            task(o, t);
            sep = ",\n";
        }
        o.append(tasks.isEmpty() ? "]\n" : "\n  ]\n");
        o.append("}\n");
        return o.toString();
    }

    private static void task(StringBuilder o, Task t) {
        o.append("    {\n");
        field(o, "id");
        str(o, t.id());
        next(o, "featureId");
        str(o, t.featureId());
        next(o, "title");
        str(o, t.title());
        next(o, "domain");
        str(o, t.domain().label());
        next(o, "complex");
        o.append(t.complex());
        next(o, "estimateMinutes");
        o.append(t.estimateMinutes());
        next(o, "status");
        str(o, t.status().label());
        next(o, "dependsOn");
        strings(o, t.dependsOn());
        next(o, "files");
        strings(o, t.files());
        next(o, "fingerprint");
        str(o, t.fingerprint());
        next(o, "followUpOf");
        str(o, t.followUpOf());
        next(o, "history");
        if (t.history().isEmpty()) {
            o.append("[]");
        } else {
            o.append('[');
            String sep = "\n";
            for (TaskEvent e : t.history()) {
                o.append(sep).append("        {\"at\": ");
                str(o, e.at().toString());
                o.append(", \"status\": ");
                str(o, e.status().label());
                o.append(", \"by\": ");
                str(o, e.by());
                o.append(", \"note\": ");
                str(o, e.note());
                o.append('}');
                sep = ",\n";
            }
            o.append("\n      ]");
        }
        o.append("\n    }");
    }

    private static void field(StringBuilder o, String name) {
        o.append("      \"").append(name).append("\": ");
    }

    private static void next(StringBuilder o, String name) {
        o.append(",\n");
        field(o, name);
    }

    private static void strings(StringBuilder o, List<String> values) {
        o.append('[');
        String sep = "";
        for (String v : values) {
            o.append(sep);
            str(o, v);
            sep = ", ";
        }
        o.append(']');
    }

    /**
     * Appends a JSON string (RFC 8259): escapes '"', '\\', control characters and unpaired
     * surrogates (as {@code \}{@code uXXXX}, so that the text survives UTF-8 and reads back as
     * the same Java string); everything else is written as is.
     */
    static void str(StringBuilder o, String s) {
        o.append('"');
        int n = s.length();
        int plain = 0;
        while (plain < n && isPlain(s.charAt(plain))) {
            plain++;
        }
        o.append(s, 0, plain);   // most strings need no escape at all: one bulk copy
        for (int i = plain; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> o.append("\\\"");
                case '\\' -> o.append("\\\\");
                case '\n' -> o.append("\\n");
                case '\r' -> o.append("\\r");
                case '\t' -> o.append("\\t");
                case '\b' -> o.append("\\b");
                case '\f' -> o.append("\\f");
                default -> {
                    if (c < 0x20) {
                        unicodeEscape(o, c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                        o.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        unicodeEscape(o, c);
                    } else {
                        o.append(c);
                    }
                }
            }
        }
        o.append('"');
    }

    private static boolean isPlain(char c) {
        return c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c);
    }

    private static void unicodeEscape(StringBuilder o, char c) {
        o.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF])
                .append(HEX[c & 0xF]);
    }
}
