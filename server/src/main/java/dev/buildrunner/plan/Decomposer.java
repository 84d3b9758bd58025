package dev.buildrunner.plan;

import dev.buildrunner.plan.TaskDraft.Kind;
import dev.buildrunner.spec.Complexity;
import dev.buildrunner.spec.Endpoint;
import dev.buildrunner.spec.Feature;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Breaks a feature into atomic tasks of 1-2 hours (seeds 001 and 003).
 *
 * <p>Rules:
 * <ul>
 *   <li>one task per requirement; each of the feature's files goes to the requirement whose words
 *       it matches best ({@link FileAssignment}); test files go to the tests task, documentation
 *       files to the docs task;
 *   <li>files that match no requirement form one task per domain ({@code <feature>-files-<domain>});
 *       a feature with neither requirements nor such files gets one task {@code <feature>-impl};
 *   <li>every feature gets a unit-tests task ({@code <feature>-tests}) and a docs task
 *       ({@code <feature>-docs}); a complex feature or one defining endpoints also gets an
 *       integration-tests task ({@code <feature>-integration-tests}), as in seed 003's example
 *       (4 requirements -> 12 tasks including unit tests, integration tests and docs);
 *   <li>a task's domain comes from its files, else from its words ({@link DomainClassifier});
 *   <li>estimates follow the feature's complexity: simple 60, medium 90, complex 120 minutes
 *       (seed 001: 1-2 hour tasks, complexity scoring simple/medium/complex); docs 60 minutes;
 *   <li>{@code complex} is true for the work tasks (requirement, files, implementation) of a
 *       {@link Complexity#COMPLEX} feature: they are what makes the feature complex, so each is
 *       batched alone (seed 003); tests and docs tasks are never complex.
 * </ul>
 *
 * <p>Ids are stable: a requirement's task id is {@code <featureId>-<6 hex digits of SHA-256 of the
 * normalized requirement text>} ({@link Hashes#normalize}), independent of its position; a second
 * requirement with the same normalized text (or the same hash) gets {@code -2}, {@code -3}, ... in
 * spec order. The fingerprint hashes what the task was generated from (requirement text as written
 * and its files; acceptance criteria and test files for tests; description, endpoints and doc
 * files for docs), never the feature's id or name, so a rename leaves fingerprints alone, and never
 * its complexity: re-estimating a feature rewrites its pending tasks' estimates but does not make
 * done work stale.
 *
 * <p>Stateless and thread-safe.
 */
public final class Decomposer {

    /** Minutes of a work or tests task of a simple feature (seed 001: 1-hour lower bound). */
    public static final int SIMPLE_MINUTES = 60;
    /** Minutes of a work or tests task of a medium feature (seed 001's 90-minute tasks). */
    public static final int MEDIUM_MINUTES = 90;
    /** Minutes of a work or tests task of a complex feature (seed 001: 2-hour upper bound). */
    public static final int COMPLEX_MINUTES = 120;
    /** Minutes of a docs task (seed 003: "Update documentation (60 min)"). */
    public static final int DOCS_MINUTES = 60;

    /** Files named in a work task's title before "and N more". */
    private static final int TITLE_FILES = 3;

    public Decomposer() {
    }

    /**
     * Decomposes one feature.
     *
     * @param feature the feature
     * @return its tasks in domain order (infra, database, backend, frontend, tests, docs), spec
     *     order within a domain; each PENDING, with no dependencies, no follow-up and no history;
     *     ids unique within the feature
     */
    public List<Task> decompose(Feature feature) {
        List<TaskDraft> drafts = drafts(feature);
        List<Task> tasks = new ArrayList<>(drafts.size());
        for (TaskDraft d : drafts) {
            tasks.add(d.task());
        }
        return tasks;
    }

    /** The minutes of a work task of a feature of this complexity. */
    public static int minutes(Complexity complexity) {
        return switch (complexity) {
            case SIMPLE -> SIMPLE_MINUTES;
            case MEDIUM -> MEDIUM_MINUTES;
            case COMPLEX -> COMPLEX_MINUTES;
        };
    }

    /** Decomposes one feature, keeping what each task was generated from. */
    List<TaskDraft> drafts(Feature feature) {
        String fid = feature.id();
        int base = minutes(feature.complexity());
        boolean complexWork = feature.complexity() == Complexity.COMPLEX;

        List<String> requirements = new ArrayList<>();
        List<Integer> requirementIndex = new ArrayList<>();
        for (int i = 0; i < feature.requirements().size(); i++) {
            String r = feature.requirements().get(i);
            if (!Hashes.normalize(r).isEmpty()) {
                requirements.add(r);
                requirementIndex.add(i);
            }
        }

        List<String> testFiles = new ArrayList<>();
        List<String> docFiles = new ArrayList<>();
        List<String> workFiles = new ArrayList<>();
        Map<String, Domain> fileDomain = new HashMap<>();
        for (String file : feature.files()) {
            Domain domain = DomainClassifier.ofFile(file);
            fileDomain.put(file, domain);
            switch (domain) {
                case TESTS -> testFiles.add(file);
                case DOCS -> docFiles.add(file);
                default -> workFiles.add(file);
            }
        }
        FileAssignment assignment = FileAssignment.assign(requirements, workFiles);

        IdAllocator ids = new IdAllocator();
        List<TaskDraft> drafts = new ArrayList<>();
        for (int r = 0; r < requirements.size(); r++) {
            String text = requirements.get(r);
            List<String> files = assignment.filesOf(r);
            List<String> parts = new ArrayList<>();
            parts.add("requirement");
            parts.add(text);
            parts.addAll(files);
            List<Domain> domains = new ArrayList<>(files.size());
            files.forEach(file -> domains.add(fileDomain.get(file)));
            Task t = task(ids.allocate(fid + "-" + Hashes.shortId(text)), fid, Hashes.oneLine(text),
                    DomainClassifier.of(domains, text), complexWork, base, files, Hashes.fingerprint(parts));
            drafts.add(new TaskDraft(t, Kind.REQUIREMENT, requirementIndex.get(r), text));
        }

        Map<Domain, List<String>> unmatched = new EnumMap<>(Domain.class);
        for (String file : assignment.unmatched()) {
            unmatched.computeIfAbsent(fileDomain.get(file), d -> new ArrayList<>()).add(file);
        }
        for (Map.Entry<Domain, List<String>> e : unmatched.entrySet()) {
            Domain d = e.getKey();
            List<String> files = e.getValue();
            List<String> parts = new ArrayList<>();
            parts.add("files");
            parts.add(d.label());
            parts.addAll(files);
            String verb = d == Domain.INFRA ? "Configure " : "Implement ";
            Task t = task(ids.allocate(fid + "-files-" + d.label()), fid,
                    verb + fileList(files) + " (" + Hashes.oneLine(feature.name()) + ")", d, complexWork, base,
                    files, Hashes.fingerprint(parts));
            drafts.add(new TaskDraft(t, Kind.FILES, -1, ""));
        }

        if (requirements.isEmpty() && unmatched.isEmpty()) {
            String words = feature.name() + " " + feature.description();
            Task t = task(ids.allocate(fid + "-impl"), fid, "Implement " + Hashes.oneLine(feature.name()),
                    DomainClassifier.ofWords(words).orElse(Domain.BACKEND), complexWork, base, List.of(),
                    Hashes.fingerprint(List.of("implementation", feature.description())));
            drafts.add(new TaskDraft(t, Kind.IMPLEMENTATION, -1, ""));
        }

        String name = Hashes.oneLine(feature.name());
        List<String> testParts = new ArrayList<>();
        testParts.add("tests");
        testParts.add(Integer.toString(feature.acceptanceCriteria().size()));
        testParts.addAll(feature.acceptanceCriteria());
        testParts.addAll(testFiles);
        drafts.add(new TaskDraft(task(ids.allocate(fid + "-tests"), fid, "Write unit tests for " + name, Domain.TESTS,
                false, base, testFiles, Hashes.fingerprint(testParts)), Kind.TESTS, -1, ""));

        if (complexWork || !feature.endpoints().isEmpty()) {
            List<String> parts = new ArrayList<>();
            parts.add("integration-tests");
            parts.add(Integer.toString(feature.acceptanceCriteria().size()));
            parts.addAll(feature.acceptanceCriteria());
            feature.endpoints().forEach(ep -> parts.add(ep.toString()));
            drafts.add(new TaskDraft(task(ids.allocate(fid + "-integration-tests"), fid,
                    "Write integration tests for " + name, Domain.TESTS, false, base, List.of(),
                    Hashes.fingerprint(parts)), Kind.INTEGRATION_TESTS, -1, ""));
        }

        List<String> docParts = new ArrayList<>();
        docParts.add("docs");
        docParts.add(feature.description());
        docParts.add(Integer.toString(feature.endpoints().size()));
        for (Endpoint ep : feature.endpoints()) {
            docParts.add(ep.toString());
        }
        docParts.addAll(docFiles);
        drafts.add(new TaskDraft(task(ids.allocate(fid + "-docs"), fid, "Document " + name, Domain.DOCS, false,
                DOCS_MINUTES, docFiles, Hashes.fingerprint(docParts)), Kind.DOCS, -1, ""));

        drafts.sort(Comparator.comparing(d -> d.task().domain()));
        return drafts;
    }

    private static Task task(String id, String featureId, String title, Domain domain, boolean complex, int minutes,
            List<String> files, String fingerprint) {
        return new Task(id, featureId, title, domain, complex, minutes, TaskStatus.PENDING, List.of(), files,
                fingerprint, "", List.of());
    }

    private static String fileList(List<String> files) {
        if (files.size() <= TITLE_FILES) {
            return String.join(", ", files);
        }
        return String.join(", ", files.subList(0, TITLE_FILES)) + " and " + (files.size() - TITLE_FILES) + " more";
    }
}
