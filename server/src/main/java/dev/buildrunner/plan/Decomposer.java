package dev.buildrunner.plan;

import dev.buildrunner.plan.TaskDraft.Kind;
import dev.buildrunner.spec.Complexity;
import dev.buildrunner.spec.Endpoint;
import dev.buildrunner.spec.Feature;
import dev.buildrunner.spec.SpecFormat;
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
 *       (4 requirements -> 12 tasks including unit tests, integration tests and docs). Not where it
 *       makes no sense: a documentation feature (its name's words say docs) gets neither, a
 *       testing feature no tests task, and a task list (spec-kit or Kiro {@code tasks.md}, which
 *       lists its own test and docs tasks) neither; their test and doc files then go to the
 *       requirement they match like any file;
 *   <li>a task's domain comes from its files, else from its words, else from the words of the
 *       feature's name ({@link DomainClassifier}), else backend;
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

    /** A Decomposer; it holds no state, so one instance serves any number of plans and threads. */
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
        return decompose(feature, SpecFormat.BUILDRUNNER);
    }

    /**
     * Decomposes one feature of a spec of the given format. A task list
     * ({@link #isTaskList(SpecFormat)}) already names its test and documentation work, so its
     * features get no generated tests, integration-tests or docs task.
     *
     * @param feature the feature
     * @param format the format of the spec the feature comes from
     * @return as {@link #decompose(Feature)}
     */
    public List<Task> decompose(Feature feature, SpecFormat format) {
        List<TaskDraft> drafts = drafts(feature, isTaskList(format));
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

    /** True for the formats whose features are lists of tasks: spec-kit and Kiro {@code tasks.md}. */
    public static boolean isTaskList(SpecFormat format) {
        return format == SpecFormat.SPEC_KIT_TASKS || format == SpecFormat.KIRO_TASKS;
    }

    /**
     * Decomposes one feature, keeping what each task was generated from.
     *
     * @param taskList true when the feature comes from a task list: no generated tests or docs tasks
     */
    List<TaskDraft> drafts(Feature feature, boolean taskList) {
        String fid = feature.id();
        int base = minutes(feature.complexity());
        boolean complexWork = feature.complexity() == Complexity.COMPLEX;
        // The feature's own domain: what its requirements default to. A documentation or testing
        // feature ("Documentation", "Comprehensive Testing", BUILD_4A) gets no docs or tests task of
        // its own: its requirements are that work.
        Domain featureDomain = DomainClassifier.ofWords(feature.name()).orElse(Domain.BACKEND);
        boolean docsTask = !taskList && featureDomain != Domain.DOCS;
        boolean testsTask = docsTask && featureDomain != Domain.TESTS;

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
            if (domain == Domain.TESTS && testsTask) {
                testFiles.add(file);
            } else if (domain == Domain.DOCS && docsTask) {
                docFiles.add(file);
            } else {
                workFiles.add(file);
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
            Task t = task(ids.allocate(fid + "-" + Hashes.shortId(text)), fid, title(text),
                    DomainClassifier.of(domains, text, featureDomain), complexWork, base, files,
                    Hashes.fingerprint(parts));
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
                    verb + fileList(files) + " (" + title(feature.name()) + ")", d, complexWork, base,
                    files, Hashes.fingerprint(parts));
            drafts.add(new TaskDraft(t, Kind.FILES, -1, ""));
        }

        if (requirements.isEmpty() && unmatched.isEmpty()) {
            Domain domain = DomainClassifier.ofWords(feature.name())
                    .or(() -> DomainClassifier.ofWords(feature.description()).filter(Decomposer::isWork))
                    .orElse(Domain.BACKEND);
            Task t = task(ids.allocate(fid + "-impl"), fid, "Implement " + title(feature.name()), domain, complexWork,
                    base, List.of(), Hashes.fingerprint(List.of("implementation", feature.description())));
            drafts.add(new TaskDraft(t, Kind.IMPLEMENTATION, -1, ""));
        }

        String name = title(feature.name());
        if (testsTask) {
            addTestsTasks(drafts, ids, feature, name, base, complexWork, testFiles);
        }
        if (docsTask) {
            addDocsTask(drafts, ids, feature, name, docFiles);
        }
        drafts.sort(Comparator.comparing(d -> d.task().domain()));
        return drafts;
    }

    private static void addTestsTasks(List<TaskDraft> drafts, IdAllocator ids, Feature feature, String name, int base,
            boolean complexWork, List<String> testFiles) {
        String fid = feature.id();
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
    }

    private static void addDocsTask(List<TaskDraft> drafts, IdAllocator ids, Feature feature, String name,
            List<String> docFiles) {
        String fid = feature.id();
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
    }

    /** A one-line title: white space collapsed, Markdown bold markers ({@code **}, {@code __}) dropped. */
    private static String title(String text) {
        return Hashes.oneLine(text.replace("**", "").replace("__", ""));
    }

    private static boolean isWork(Domain d) {
        return d != Domain.TESTS && d != Domain.DOCS;
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
