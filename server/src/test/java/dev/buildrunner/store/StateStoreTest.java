package dev.buildrunner.store;

import dev.buildrunner.support.RetryPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.buildrunner.plan.Plan;
import dev.buildrunner.plan.Task;
import dev.buildrunner.plan.TaskEvent;
import dev.buildrunner.plan.TaskStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** StateStore on in-memory repositories: history, versions, rollback, checkpoints, errors. */
class StateStoreTest {
    private static final Instant START = Instant.parse("2026-11-23T08:00:00Z");

    private final String spec3a = PlanFixtures.spec(PlanFixtures.BUILD_3A);
    private final String spec4a = PlanFixtures.spec("br3-PROJECT_SPEC_BUILD_4A.md");
    private final String spec32 = PlanFixtures.spec("br3-PROJECT_SPEC-v3.2.md");
    private InMemoryRepository repo;
    private StateStore store;

    @BeforeEach
    void setUp() {
        repo = new InMemoryRepository(new DfsRepositoryDescription("state-test"));
        store = new StateStore(repo, new WriterLanes(), new SteppingClock(START), RetryPolicy.immediate(5));
    }

    @Test
    void anEmptyRepositoryHasNoStateAndNoVersions() {
        assertThat(store.read()).isEmpty();
        assertThat(store.versions()).isEmpty();
        assertThat(store.readVersion(1)).isEmpty();
        assertThat(store.listCheckpoints()).isEmpty();
    }

    @Test
    void theFirstCommitIsAnOrphanAndEachNextHasTheHeadAsParent() throws IOException {
        Committed first = store.update(put(spec3a, "sync", "4 features added"));
        Committed second = store.update(put(spec4a, "sync", "spec rewritten for Build 4A"));

        assertThat(first.changed()).isTrue();
        assertThat(first.attempts()).isEqualTo(1);
        RevCommit c1 = commit(first.state().orElseThrow().commitId());
        RevCommit c2 = commit(second.state().orElseThrow().commitId());
        assertThat(c1.getParentCount()).isZero();
        assertThat(c2.getParents()).containsExactly(c1);
        assertThat(repo.exactRef(StateFormat.BRANCH).getObjectId()).isEqualTo(c2);
        // HEAD and other branches are untouched
        assertThat(repo.exactRef("refs/heads/master")).isNull();
        assertThat(c1.getCommitterIdent()).isEqualTo(c1.getAuthorIdent());
        assertThat(c1.getCommitterIdent().getName()).isEqualTo("BuildRunner");
        assertThat(c1.getCommitterIdent().getEmailAddress()).isEqualTo("buildrunner@localhost");
        assertThat(c1.getCommitterIdent().getWhenAsInstant()).isEqualTo(START);
    }

    @Test
    void readGivesBackWhatWasCommittedAndTheChangeSeesTheCurrentState() {
        Plan plan3a = PlanFixtures.fromSpec(spec3a);
        store.update(current -> {
            assertThat(current).isEmpty();
            return Optional.of(new Proposal(spec3a, plan3a, "sync", "first", "9fceb02d0ae598e95dc970b74767f19372d61af8",
                    "alice"));
        });
        AtomicReference<State> seen = new AtomicReference<>();
        Committed done = store.update(current -> {
            seen.set(current.orElseThrow());
            Plan next = markDone(current.get().plan(), "gap-analyzer-and-completion-assurance-r1");
            return Optional.of(new Proposal(current.get().specText(), next, "task-done", "gap-analyzer r1", "", "bob"));
        });

        assertThat(seen.get().specText()).isEqualTo(spec3a);
        assertThat(seen.get().plan()).isEqualTo(plan3a);
        assertThat(seen.get().sourceCommit()).isEqualTo("9fceb02d0ae598e95dc970b74767f19372d61af8");
        assertThat(seen.get().author()).isEqualTo("alice");
        State head = store.read().orElseThrow();
        assertThat(head).isEqualTo(done.state().orElseThrow());
        assertThat(head.event()).isEqualTo("task-done");
        assertThat(head.summary()).isEqualTo("gap-analyzer r1");
        assertThat(head.sourceCommit()).isEmpty();
        assertThat(head.plan().task("gap-analyzer-and-completion-assurance-r1").orElseThrow().status())
                .isEqualTo(TaskStatus.DONE);
        // a second store (no shared cache) parses the same state from the commit
        StateStore fresh = new StateStore(repo, new WriterLanes());
        assertThat(fresh.read()).contains(head);
    }

    @Test
    void anEmptyProposalWritesNoCommit() throws IOException {
        store.update(put(spec3a, "sync", "first"));
        ObjectId before = repo.exactRef(StateFormat.BRANCH).getObjectId();

        Committed nothing = store.update(current -> Optional.empty());

        assertThat(nothing.changed()).isFalse();
        assertThat(nothing.state()).isEqualTo(store.read());
        assertThat(repo.exactRef(StateFormat.BRANCH).getObjectId()).isEqualTo(before);
        assertThat(new StateStore(new InMemoryRepository(new DfsRepositoryDescription("other")), new WriterLanes())
                .update(current -> Optional.empty())).isEqualTo(new Committed(false, Optional.empty(), 1));
    }

    @Test
    void versionsAreTheFirstParentHistoryNumberedFromTheOldest() {
        store.update(put(spec3a, "sync", "build 3a"));
        store.update(put(spec4a, "sync", "build 4a"));
        store.update(put(spec32, "sync", "v3.2"));

        List<Version> versions = store.versions();

        assertThat(versions).extracting(Version::number).containsExactly(3, 2, 1);
        assertThat(versions).extracting(Version::summary).containsExactly("v3.2", "build 4a", "build 3a");
        assertThat(versions).extracting(Version::event).containsOnly("sync");
        assertThat(versions).extracting(Version::author).containsOnly("alice");
        assertThat(versions.get(2).time()).isBefore(versions.get(0).time());
        assertThat(store.readVersion(1).orElseThrow().specText()).isEqualTo(spec3a);
        assertThat(store.readVersion(2).orElseThrow().specText()).isEqualTo(spec4a);
        assertThat(store.readVersion(0)).isEmpty();
        assertThat(store.readVersion(4)).isEmpty();
        // numbers stay as the history grows; the list grows at the front
        store.update(put(spec3a, "sync", "back to 3a"));
        assertThat(store.versions()).extracting(Version::number).containsExactly(4, 3, 2, 1);
        assertThat(store.versions().subList(1, 4)).isEqualTo(versions);
    }

    @Test
    void restoreWritesANewCommitWithTheOldTree() throws IOException {
        store.update(put(spec3a, "sync", "build 3a"));
        store.update(put(spec4a, "sync", "build 4a"));
        Version v1 = store.versions().get(1);

        Committed restored = store.restore(1, "carol");

        State s = restored.state().orElseThrow();
        RevCommit c = commit(s.commitId());
        assertThat(c.getTree()).isEqualTo(commit(v1.commitId()).getTree());
        assertThat(c.getParent(0).name()).isEqualTo(store.versions().get(1).commitId());
        assertThat(s.event()).isEqualTo("rollback");
        assertThat(s.summary()).isEqualTo("restored version 1 (" + v1.commitId().substring(0, 7) + ")");
        assertThat(s.author()).isEqualTo("carol");
        assertThat(s.specText()).isEqualTo(spec3a);
        assertThat(store.read()).contains(s);
        assertThat(store.versions()).extracting(Version::number).containsExactly(3, 2, 1);
        assertThatThrownBy(() -> store.restore(9, "carol")).isInstanceOf(NotFoundException.class)
                .hasMessage("no version 9 on refs/heads/buildrunner (it has 3)");
    }

    @Test
    void checkpointsAreAnnotatedTagsThatCanBeListedAndRestored() throws IOException {
        store.update(put(spec3a, "sync", "build 3a"));
        String v1 = store.read().orElseThrow().commitId();
        Checkpoint cp = store.createCheckpoint("before-4a", "dave");
        store.update(put(spec4a, "sync", "build 4a"));

        assertThat(cp.commitId()).isEqualTo(v1);
        assertThat(cp.message()).isEqualTo("checkpoint before-4a at " + v1.substring(0, 7));
        assertThat(store.listCheckpoints()).containsExactly(cp);
        var tagRef = repo.exactRef("refs/tags/buildrunner/checkpoints/before-4a");
        assertThat(repo.getRefDatabase().peel(tagRef).getPeeledObjectId().name()).isEqualTo(v1);
        assertThat(tagRef.getObjectId().name()).isNotEqualTo(v1);   // annotated: the ref names a tag object

        Committed restored = store.restoreCheckpoint("before-4a", "dave");

        State s = restored.state().orElseThrow();
        assertThat(commit(s.commitId()).getTree()).isEqualTo(commit(v1).getTree());
        assertThat(s.event()).isEqualTo("checkpoint-restore");
        assertThat(s.summary()).isEqualTo("restored checkpoint before-4a (" + v1.substring(0, 7) + ")");
        assertThat(store.versions()).hasSize(3);
    }

    @Test
    void anExistingCheckpointIsKeptUnlessForced() {
        store.update(put(spec3a, "sync", "a"));
        Checkpoint first = store.createCheckpoint("release/1.0", "erin");
        store.update(put(spec4a, "sync", "b"));

        assertThatThrownBy(() -> store.createCheckpoint("release/1.0", "erin"))
                .isInstanceOf(CheckpointExistsException.class)
                .hasMessage("checkpoint release/1.0 exists at " + first.commitId().substring(0, 7)
                        + " (use force to replace it)");
        assertThat(store.listCheckpoints()).containsExactly(first);

        Checkpoint moved = store.createCheckpoint("release/1.0", "erin", true);
        assertThat(moved.commitId()).isEqualTo(store.read().orElseThrow().commitId());
        assertThat(store.listCheckpoints()).containsExactly(moved);
        Checkpoint other = store.createCheckpoint("other", "erin");
        assertThat(store.listCheckpoints()).containsExactly(moved, other);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "with space", "a..b", "x.lock", "a:b", "tilde~1", "caret^", "q?", "star*", "br[", "end/",
        "/start", "a//b", "back\\slash", "@{x"})
    void invalidCheckpointNamesAreRejected(String name) {
        store.update(put(spec3a, "sync", "a"));

        assertThatThrownBy(() -> store.createCheckpoint(name, "erin"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid checkpoint name: '" + name + "'");
        assertThatThrownBy(() -> store.restoreCheckpoint(name, "erin")).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.listCheckpoints()).isEmpty();
    }

    @Test
    void checkpointsNeedAStateAndRestoreNeedsAnExistingOne() {
        assertThatThrownBy(() -> store.createCheckpoint("x", "erin")).isInstanceOf(NotFoundException.class)
                .hasMessage("no state on refs/heads/buildrunner yet: nothing to checkpoint");
        store.update(put(spec3a, "sync", "a"));
        assertThatThrownBy(() -> store.restoreCheckpoint("nope", "erin")).isInstanceOf(NotFoundException.class)
                .hasMessage("no checkpoint nope (refs/tags/buildrunner/checkpoints/nope)");
    }

    @Test
    void aGarbagePlanIsAnErrorNamingFileCommitAndFieldAndRollbackStillWorks() throws IOException {
        store.update(put(spec3a, "sync", "good"));
        Map<String, byte[]> files = new PlanCodec().encode(PlanFixtures.build3a());
        String boe = "plan/tasks/build-orchestrator-enhancement.json";
        files.put(boe, new String(files.get(boe), StandardCharsets.UTF_8)
                .replaceFirst("\"status\": \"done\"", "\"status\": \"foo\"").getBytes(StandardCharsets.UTF_8));
        files.put(StateFormat.SPEC_PATH, spec3a.getBytes(StandardCharsets.UTF_8));
        ObjectId bad = commitFiles(repo.exactRef(StateFormat.BRANCH).getObjectId(), files);
        String shortId = bad.abbreviate(7).name();

        assertThatThrownBy(() -> store.read()).isInstanceOf(CorruptStateException.class)
                .hasMessage(boe + " at " + shortId + ": task build-orchestrator-enhancement-r1: invalid status: foo");
        assertThatThrownBy(() -> store.update(put(spec4a, "sync", "x"))).isInstanceOf(CorruptStateException.class);

        Committed restored = store.restore(1, "frank");
        assertThat(store.read()).isEqualTo(restored.state());
        assertThat(store.versions()).hasSize(3);
    }

    @Test
    void aCommitWithoutThePlanIsCorrupt() throws IOException {
        ObjectId bad = commitFiles(null, List.of(StateFormat.SPEC_PATH, spec3a));

        assertThatThrownBy(() -> store.read()).isInstanceOf(CorruptStateException.class)
                .hasMessage("plan/plan.json at " + bad.abbreviate(7).name() + ": missing from the state commit");
        // its version metadata is still listed, without trailers
        assertThat(store.versions()).singleElement().satisfies(v -> {
            assertThat(v.event()).isEmpty();
            assertThat(v.summary()).isEqualTo("hand-made");
        });
    }

    @Test
    void aSchema1CommitIsNamedAsSuchAndAFeatureFileMissingOrExtraIsCorrupt() throws IOException {
        ObjectId old = commitFiles(null, List.of(StateFormat.SPEC_PATH, spec3a, "plan/tasks.json", "{\"schema\": 1}"));
        assertThatThrownBy(() -> store.read()).isInstanceOf(CorruptStateException.class)
                .hasMessage("plan/plan.json at " + old.abbreviate(7).name() + ": missing from the state commit (the"
                        + " commit has plan/tasks.json of schema 1, which this version does not read)");

        Map<String, byte[]> files = new PlanCodec().encode(PlanFixtures.build3a());
        files.put(StateFormat.SPEC_PATH, spec3a.getBytes(StandardCharsets.UTF_8));
        files.remove("plan/tasks/code-quality-system.json");
        ObjectId missing = commitFiles(old, files);
        assertThatThrownBy(() -> store.read()).hasMessage("plan/tasks/code-quality-system.json at "
                + missing.abbreviate(7).name() + ": missing from the state commit (plan/plan.json lists feature"
                + " 'code-quality-system')");

        files = new PlanCodec().encode(PlanFixtures.build3a());
        files.put(StateFormat.SPEC_PATH, spec3a.getBytes(StandardCharsets.UTF_8));
        files.put("plan/tasks/stray.json", "{}".getBytes(StandardCharsets.UTF_8));
        ObjectId extra = commitFiles(missing, files);
        assertThatThrownBy(() -> store.read()).hasMessage("plan/tasks/stray.json at " + extra.abbreviate(7).name()
                + ": not listed in plan/plan.json");

        files.remove("plan/tasks/stray.json");
        files.put("plan/tasks/sub/x.json", "{}".getBytes(StandardCharsets.UTF_8));
        ObjectId tree = commitFiles(extra, files);
        assertThatThrownBy(() -> store.read()).hasMessage("plan/tasks/sub at " + tree.abbreviate(7).name()
                + ": expected a file, found a tree");
    }

    @Test
    void unchangedContentReusesBlobsAndSubtreesAndOtherFilesAreKept() throws IOException {
        store.update(put(spec3a, "sync", "a"));
        // something else (a later part of BuildRunner) added a file to the state tree
        Map<String, byte[]> files = new PlanCodec().encode(PlanFixtures.fromSpec(spec3a));
        files.put(StateFormat.SPEC_PATH, spec3a.getBytes(StandardCharsets.UTF_8));
        files.put("reports/gaps.json", "{\"gaps\": []}\n".getBytes(StandardCharsets.UTF_8));
        ObjectId withReport = commitFiles(repo.exactRef(StateFormat.BRANCH).getObjectId(), files);

        Committed next = store.update(current -> Optional.of(new Proposal(current.orElseThrow().specText(),
                markDone(current.get().plan(), "code-quality-system-r1"), "task-done", "r1", "", "gina")));

        RevCommit before = commit(withReport.name());
        RevCommit after = commit(next.state().orElseThrow().commitId());
        assertThat(entry(after, "spec")).isEqualTo(entry(before, "spec"));
        assertThat(entry(after, "reports")).isEqualTo(entry(before, "reports"));
        assertThat(entry(after, StateFormat.PLAN_PATH)).isEqualTo(entry(before, StateFormat.PLAN_PATH));
        for (String path : files.keySet()) {
            if (path.startsWith("plan/tasks/")) {
                boolean same = entry(after, path).equals(entry(before, path));
                assertThat(same).as(path).isEqualTo(!path.equals("plan/tasks/code-quality-system.json"));
            }
        }
    }

    @Test
    void featuresThatLeaveThePlanLoseTheirFileAndAnEmptyPlanHasNoTasksDirectory() throws IOException {
        Plan plan = PlanFixtures.fromSpec(spec3a);
        store.update(put(spec3a, "sync", "a"));
        List<Task> fewer = plan.tasks().stream().filter(t -> !t.featureId().equals("code-quality-system")).toList();
        Plan without = new Plan(fewer, List.of(), List.of(), new Plan.CriticalPath(List.of(), 0), List.of());
        Committed c = store.update(current -> Optional.of(new Proposal(spec3a, without, "sync", "b", "", "h")));

        RevCommit head = commit(c.state().orElseThrow().commitId());
        assertThat(entry(head, "plan/tasks/code-quality-system.json")).isNull();
        assertThat(entry(head, "plan/tasks/gap-analyzer-and-completion-assurance.json")).isNotNull();
        assertThat(new StateStore(repo, new WriterLanes()).read().orElseThrow().plan()).isEqualTo(without);

        Plan empty = new Plan(List.of(), List.of(), List.of(), new Plan.CriticalPath(List.of(), 0), List.of());
        Committed e = store.update(current -> Optional.of(new Proposal(spec3a, empty, "sync", "c", "", "h")));
        RevCommit emptyHead = commit(e.state().orElseThrow().commitId());
        assertThat(entry(emptyHead, StateFormat.TASKS_DIR)).isNull();
        assertThat(entry(emptyHead, StateFormat.PLAN_PATH)).isNotNull();
        assertThat(new StateStore(repo, new WriterLanes()).read().orElseThrow().plan()).isEqualTo(empty);
    }

    @Test
    void readCommitTakesFullOrAbbreviatedIdsAndCachesParsedStates() {
        State s = store.update(put(spec3a, "sync", "a")).state().orElseThrow();

        assertThat(store.readCommit(s.commitId())).contains(s);
        assertThat(store.readCommit(s.commitId().substring(0, 10))).contains(s);
        assertThat(store.readCommit("0000000000000000000000000000000000000001")).isEmpty();
        assertThatThrownBy(() -> store.readCommit("HEAD~1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a hex commit id (4-40 digits), got: HEAD~1");
        // a commit id names immutable content: the second read is the cached object
        assertThat(store.read().orElseThrow()).isSameAs(store.read().orElseThrow());
    }

    @Test
    void proposalsAreValidatedAndFoldedOntoOneLine() {
        Plan plan = PlanFixtures.build3a();
        assertThatThrownBy(() -> new Proposal(spec3a, plan, "Sync!", "", "", "a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected an event like 'sync' ([a-z][a-z0-9-]*), got: Sync!");
        assertThatThrownBy(() -> new Proposal(spec3a, plan, "sync", "", "not-a-sha", "a"))
                .hasMessage("expected a hex commit id or empty sourceCommit, got: not-a-sha");
        assertThatThrownBy(() -> new Proposal(spec3a, plan, "sync", "", "", " \n "))
                .hasMessage("expected a non-blank author, got: ''");
        Proposal p = new Proposal(spec3a, plan, "sync", " two\nlines ", "NONE", "Ann\r\nLee");
        assertThat(p.summary()).isEqualTo("two lines");
        assertThat(p.sourceCommit()).isEmpty();
        assertThat(p.author()).isEqualTo("Ann Lee");
    }

    private StateChange put(String spec, String event, String summary) {
        Plan plan = PlanFixtures.fromSpec(spec);
        return current -> Optional.of(new Proposal(spec, plan, event, summary, "", "alice"));
    }

    static Plan markDone(Plan plan, String taskId) {
        List<Task> tasks = new ArrayList<>();
        for (Task t : plan.tasks()) {
            tasks.add(t.id().equals(taskId) ? t.withStatus(TaskStatus.DONE,
                    new TaskEvent(Instant.parse("2026-11-23T10:00:00Z"), TaskStatus.DONE, "bob", "")) : t);
        }
        return new Plan(tasks, plan.batches(), plan.waves(), plan.criticalPath(), plan.diagnostics());
    }

    private RevCommit commit(String id) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            return walk.parseCommit(ObjectId.fromString(id));
        }
    }

    /** The id of a path in a commit's tree, null when it has none. */
    private ObjectId entry(RevCommit c, String path) throws IOException {
        try (TreeWalk tw = TreeWalk.forPath(repo, path, c.getTree())) {
            return tw == null ? null : tw.getObjectId(0);
        }
    }

    /** Commits files (path, content, path, content...) on the branch by hand, as something else might. */
    private ObjectId commitFiles(ObjectId parent, List<String> pathsAndContents) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < pathsAndContents.size(); i += 2) {
            files.put(pathsAndContents.get(i), pathsAndContents.get(i + 1).getBytes(StandardCharsets.UTF_8));
        }
        return commitFiles(parent, files);
    }

    /** Commits files (path to content) on the branch by hand, as something else might. */
    private ObjectId commitFiles(ObjectId parent, Map<String, byte[]> files) throws IOException {
        try (ObjectInserter ins = repo.newObjectInserter(); RevWalk walk = new RevWalk(repo)) {
            ObjectId tree = TreeEditor.write(walk.getObjectReader(), ins, null, files);
            CommitBuilder cb = new CommitBuilder();
            cb.setTreeId(tree);
            if (parent != null) {
                cb.setParentId(parent);
            }
            PersonIdent who = new PersonIdent("Someone", "someone@example.com", START, java.time.ZoneOffset.UTC);
            cb.setAuthor(who);
            cb.setCommitter(who);
            cb.setMessage("hand-made\n");
            ObjectId id = ins.insert(cb);
            ins.flush();
            RefUpdate ru = repo.updateRef(StateFormat.BRANCH);
            ru.setExpectedOldObjectId(parent == null ? ObjectId.zeroId() : parent);
            ru.setNewObjectId(id);
            assertThat(ru.update()).isIn(RefUpdate.Result.NEW, RefUpdate.Result.FAST_FORWARD);
            return id;
        }
    }
}
