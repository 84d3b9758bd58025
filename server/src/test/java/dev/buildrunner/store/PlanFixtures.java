package dev.buildrunner.store;

import dev.buildrunner.plan.Batch;
import dev.buildrunner.plan.Domain;
import dev.buildrunner.plan.Plan;
import dev.buildrunner.plan.Task;
import dev.buildrunner.plan.TaskEvent;
import dev.buildrunner.plan.TaskStatus;
import dev.buildrunner.spec.Diagnostic;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Test plans derived from the real specs under {@code specs/project-spec/} without the planner
 * (which the store must not depend on): one task per requirement (backend, or database/frontend
 * when its words say so), one tests task and one docs task per feature, a spread of statuses and
 * history, batches of up to two same-domain tasks, waves by dependency level, and the longest
 * chain as critical path. Only the shape matters here; the planner's rules are the plan package's.
 */
final class PlanFixtures {
    static final String BUILD_3A = "br3-PROJECT_SPEC_BUILD_3A.md";
    static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    private PlanFixtures() {
    }

    static String spec(String name) {
        try (InputStream in = PlanFixtures.class.getResourceAsStream("/specs/project-spec/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The plan fixture of seed 002 / Build 3A, exercising every field of the format. */
    static Plan build3a() {
        return fromSpec(spec(BUILD_3A));
    }

    static Plan fromSpec(String specText) {
        Map<String, List<String>> requirements = new LinkedHashMap<>();
        Map<String, List<String>> files = new HashMap<>();
        Map<String, Integer> headingLine = new HashMap<>();
        String feature = null;
        String section = "";
        boolean inFeatures = false;
        String[] lines = specText.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("## ")) {
                inFeatures = line.substring(3).strip().toLowerCase(Locale.ROOT).endsWith("features");
                feature = null;
            } else if (inFeatures && line.startsWith("### ")) {
                feature = slug(line.substring(4).replaceFirst("^Feature( \\d+)?:\\s*", ""));
                requirements.put(feature, new ArrayList<>());
                files.put(feature, new ArrayList<>());
                headingLine.put(feature, i + 1);
                section = "";
            } else if (line.startsWith("**") && line.endsWith(":**")) {
                section = line.substring(2, line.length() - 3).toLowerCase(Locale.ROOT);
            } else if (feature != null && line.startsWith("- ")) {
                String item = line.substring(2).strip();
                if (section.equals("requirements")) {
                    requirements.get(feature).add(item);
                } else if (section.equals("files")) {
                    files.get(feature).add(item);
                }
            }
        }

        List<Task> tasks = new ArrayList<>();
        String previousDocs = null;
        int f = 0;
        for (Map.Entry<String, List<String>> e : requirements.entrySet()) {
            String fid = e.getKey();
            List<String> reqIds = new ArrayList<>();
            int r = 0;
            for (String req : e.getValue()) {
                r++;
                String id = fid + "-r" + r;
                List<String> deps = previousDocs == null || r > 1 ? List.of() : List.of(previousDocs);
                TaskStatus status = f == 0 ? TaskStatus.DONE : r == 1 ? TaskStatus.IN_PROGRESS : TaskStatus.PENDING;
                List<String> reqFiles = files.get(fid).isEmpty() ? List.of()
                        : List.of(files.get(fid).get((r - 1) % files.get(fid).size()));
                tasks.add(new Task(id, fid, req, domainOf(req), r == 1 && f == 1, 60 + 15 * (r % 3), status, deps,
                        reqFiles, fingerprint(fid + "/" + req), "", history(status, r)));
                reqIds.add(id);
            }
            String testsId = fid + "-tests";
            tasks.add(new Task(testsId, fid, "Write tests for " + fid, Domain.TESTS, false, 90, TaskStatus.PENDING,
                    reqIds, files.get(fid).stream().filter(p -> p.startsWith("tests/")).toList(),
                    fingerprint(fid + "/tests"), "", history(TaskStatus.PENDING, 0)));
            String docsId = fid + "-docs";
            tasks.add(new Task(docsId, fid, "Document " + fid + " in README", Domain.DOCS, false, 60,
                    f == 2 ? TaskStatus.CANCELLED : TaskStatus.PENDING, List.of(testsId), List.of("README.md"),
                    fingerprint(fid + "/docs"), "", history(f == 2 ? TaskStatus.CANCELLED : TaskStatus.PENDING, 0)));
            previousDocs = docsId;
            f++;
        }
        // a follow-up of a done task whose requirement changed (adaptive planner, BRIEF.md)
        Task done = tasks.get(0);
        tasks.add(new Task(done.id() + "-f1", done.featureId(), "Revise: " + done.title(), done.domain(), false, 60,
                TaskStatus.BLOCKED, List.of(done.id()), done.files(), fingerprint(done.title() + " v2"), done.id(),
                List.of(new TaskEvent(T0.plusSeconds(7200).plusNanos(123_000_000), TaskStatus.BLOCKED, "planner",
                        "requirement text changed: \"" + done.title() + "\"\nwaiting for a decision\t(see spec)"))));

        return derive(tasks, List.of(Diagnostic.warning(headingLine.getOrDefault("architecture-drift-prevention", 0),
                "unknown-dependency", "feature architecture-drift-prevention depends on unknown feature"
                        + " 'Requires Gap Analyzer (for spec parsing)'")));
    }

    /** Batches, waves and critical path of the live tasks (not done, not cancelled). */
    static Plan derive(List<Task> tasks, List<Diagnostic> diagnostics) {
        Map<String, Task> byId = new LinkedHashMap<>();
        tasks.forEach(t -> byId.put(t.id(), t));
        Map<String, Integer> level = new HashMap<>();
        Map<String, Integer> chain = new HashMap<>();
        Map<String, String> chainPrev = new HashMap<>();
        List<Task> live = tasks.stream().filter(t -> !t.status().isTerminal()).toList();
        for (Task t : live) {
            int lv = 0;
            int best = 0;
            for (String d : t.dependsOn()) {
                if (level.containsKey(d)) {
                    lv = Math.max(lv, level.get(d) + 1);
                    if (chain.get(d) > best) {
                        best = chain.get(d);
                        chainPrev.put(t.id(), d);
                    }
                }
            }
            level.put(t.id(), lv);
            chain.put(t.id(), best + t.estimateMinutes());
        }
        List<List<String>> waves = new ArrayList<>();
        for (Task t : live) {
            int lv = level.get(t.id());
            while (waves.size() <= lv) {
                waves.add(new ArrayList<>());
            }
            waves.get(lv).add(t.id());
        }
        List<Batch> batches = new ArrayList<>();
        for (List<String> wave : waves) {
            List<String> pending = new ArrayList<>();
            Domain domain = null;
            for (String id : wave) {
                Task t = byId.get(id);
                if (!pending.isEmpty() && (t.domain() != domain || pending.size() == 2 || t.complex())) {
                    batches.add(new Batch("B" + (batches.size() + 1), domain, pending));
                    pending = new ArrayList<>();
                }
                pending.add(id);
                domain = t.domain();
            }
            if (!pending.isEmpty()) {
                batches.add(new Batch("B" + (batches.size() + 1), domain, pending));
            }
        }
        String end = null;
        for (Task t : live) {
            if (end == null || chain.get(t.id()) > chain.get(end)) {
                end = t.id();
            }
        }
        List<String> path = new ArrayList<>();
        for (String id = end; id != null; id = chainPrev.get(id)) {
            path.add(0, id);
        }
        return new Plan(tasks, batches, waves, new Plan.CriticalPath(path, end == null ? 0 : chain.get(end)),
                diagnostics);
    }

    private static List<TaskEvent> history(TaskStatus status, int r) {
        List<TaskEvent> h = new ArrayList<>();
        h.add(new TaskEvent(T0, TaskStatus.PENDING, "planner", "created from requirement " + r));
        if (status == TaskStatus.IN_PROGRESS || status == TaskStatus.DONE) {
            h.add(new TaskEvent(T0.plusSeconds(600L * r), TaskStatus.IN_PROGRESS, "agent", ""));
        }
        if (status == TaskStatus.DONE) {
            h.add(new TaskEvent(T0.plusSeconds(3600L + 600L * r), TaskStatus.DONE, "alice", "verified: tests ≥ 85%"));
        }
        if (status == TaskStatus.CANCELLED) {
            h.add(new TaskEvent(T0.plusSeconds(86_400), TaskStatus.CANCELLED, "planner", "requirement left the spec"));
        }
        return h;
    }

    private static Domain domainOf(String requirement) {
        String r = requirement.toLowerCase(Locale.ROOT);
        if (r.contains("cli") || r.contains("ui ")) {
            return Domain.FRONTEND;
        }
        if (r.contains("config") || r.contains("hooks")) {
            return Domain.INFRA;
        }
        return Domain.BACKEND;
    }

    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    static String fingerprint(String text) {
        return String.format(Locale.ROOT, "%016x", (long) text.hashCode() * 0x9E3779B97F4A7C15L);
    }
}
