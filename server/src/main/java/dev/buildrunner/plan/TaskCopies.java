package dev.buildrunner.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Copies of a {@link Task} with some fields replaced; the record itself stays a plain value. */
final class TaskCopies {

    private TaskCopies() {
    }

    static Task withDependsOn(Task t, List<String> dependsOn) {
        return new Task(t.id(), t.featureId(), t.title(), t.domain(), t.complex(), t.estimateMinutes(), t.status(),
                dependsOn, t.files(), t.fingerprint(), t.followUpOf(), t.history());
    }

    /**
     * The task with the content of a freshly generated one (title given, domain, complex, estimate,
     * files, fingerprint), its own id, feature, dependencies and follow-up link, and the event
     * appended; the event's status becomes the task's status.
     */
    static Task rewritten(Task t, Task fresh, String title, TaskEvent event) {
        return new Task(t.id(), t.featureId(), title, fresh.domain(), fresh.complex(), fresh.estimateMinutes(),
                event.status(), t.dependsOn(), fresh.files(), fresh.fingerprint(), t.followUpOf(),
                appended(t.history(), event));
    }

    /** The task moved to another feature id: id, feature, follow-up link and dependencies mapped. */
    static Task moved(Task t, String featureId, Map<String, String> idMap, List<TaskEvent> history) {
        List<String> deps = new ArrayList<>(t.dependsOn().size());
        for (String d : t.dependsOn()) {
            deps.add(idMap.getOrDefault(d, d));
        }
        return new Task(idMap.getOrDefault(t.id(), t.id()), featureId, t.title(), t.domain(), t.complex(),
                t.estimateMinutes(), t.status(), deps, t.files(), t.fingerprint(),
                idMap.getOrDefault(t.followUpOf(), t.followUpOf()), history);
    }

    /** True when the task already has this content: title, domain, complex, estimate, files, fingerprint. */
    static boolean sameContent(Task t, Task fresh, String title) {
        return t.title().equals(title) && t.domain() == fresh.domain() && t.complex() == fresh.complex()
                && t.estimateMinutes() == fresh.estimateMinutes() && t.files().equals(fresh.files())
                && t.fingerprint().equals(fresh.fingerprint());
    }

    /**
     * Names the fields in which a task differs from a fresh one, for a history note, for example
     * {@code "title, files"}.
     */
    static String changedFields(Task t, Task fresh, String title) {
        List<String> fields = new ArrayList<>();
        if (!t.title().equals(title)) {
            fields.add("title");
        }
        if (t.domain() != fresh.domain()) {
            fields.add("domain " + t.domain().label() + " -> " + fresh.domain().label());
        }
        if (t.estimateMinutes() != fresh.estimateMinutes()) {
            fields.add("estimate " + t.estimateMinutes() + " -> " + fresh.estimateMinutes() + " min");
        }
        if (t.complex() != fresh.complex()) {
            fields.add(fresh.complex() ? "now complex" : "no longer complex");
        }
        if (!t.files().equals(fresh.files())) {
            fields.add("files");
        }
        if (!t.fingerprint().equals(fresh.fingerprint())) {
            fields.add("source");
        }
        return String.join(", ", fields);
    }

    static List<TaskEvent> appended(List<TaskEvent> history, TaskEvent event) {
        List<TaskEvent> h = new ArrayList<>(history.size() + 1);
        h.addAll(history);
        h.add(event);
        return h;
    }
}
