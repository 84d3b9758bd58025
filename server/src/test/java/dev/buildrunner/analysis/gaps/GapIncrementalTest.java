package dev.buildrunner.analysis.gaps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buildrunner.analysis.BlobCache;
import dev.buildrunner.analysis.FixtureRepo;
import dev.buildrunner.analysis.SourceFile;
import dev.buildrunner.analysis.SourceTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 5: with a previous run's cache, a run reads only the files that changed, and finds the same. */
class GapIncrementalTest {
    @TempDir
    Path dir;

    /** A tree that records every read. */
    private static final class CountingTree implements SourceTree {
        private final SourceTree tree;
        final List<String> reads = new ArrayList<>();

        CountingTree(SourceTree tree) {
            this.tree = tree;
        }

        @Override
        public String revision() {
            return tree.revision();
        }

        @Override
        public List<SourceFile> files() {
            return tree.files();
        }

        @Override
        public java.util.Map<String, SourceFile> byPath() {
            return tree.byPath();
        }

        @Override
        public Optional<byte[]> read(String path) {
            reads.add(path);
            return tree.read(path);
        }
    }

    @Test
    void aSecondRunReadsOnlyTheChangedFile() {
        try (FixtureRepo repo = FixtureRepo.of("analysis/repos/fastapi-vue", dir.resolve("repo"))) {
            BlobCache cache = BlobCache.at(dir.resolve("cache"), new ObjectMapper());
            CountingTree first = new CountingTree(repo.tree());
            GapReport before = GapRun.analyze(first, cache);
            // the spec, then each code blob once: 6 Python files outside tests (the two empty __init__.py
            // are one blob: the second is a cache hit), 2 .js files, 1 .vue file; no test code, no docs
            assertThat(first.reads).startsWith(GapRun.SPEC).doesNotHaveDuplicates()
                    .doesNotContain("backend/tests/test_users.py", "README.md");
            assertThat(before.scan()).isEqualTo(new ScanStats(9, 8, 1));
            assertThat(first.reads).hasSize(1 + 8);

            repo.write("backend/app/routers/admin.py", """
                    from fastapi import APIRouter

                    router = APIRouter()


                    @router.get("/stats")
                    def stats():
                        return {}


                    @router.delete("/users/{user_id}")
                    def delete_user(user_id: int):
                        return None
                    """);
            repo.commit("admin can delete users");
            CountingTree second = new CountingTree(repo.tree());
            GapReport after = GapRun.analyze(second, cache);

            assertThat(second.reads).containsExactly(GapRun.SPEC, "backend/app/routers/admin.py");
            assertThat(after.scan()).isEqualTo(new ScanStats(before.scan().candidates(), 1, before.scan().candidates() - 1));
            // the new route, mounted under /api/admin by main.py (read from the cache), is seen
            assertThat(after.routes()).extracting(r -> r.signature()).contains("DELETE /api/admin/users/{user_id}");
            // and a run without a cache finds exactly the same
            assertThat(GapRun.briefs(after)).isEqualTo(GapRun.briefs(GapRun.analyze(repo.tree())));
        }
    }

    @Test
    void aPushThatRemovesAFileAFeatureNeedsFailsNamingTheFeatureAndTheFile() {
        try (FixtureRepo repo = FixtureRepo.of("analysis/repos/express-react", dir.resolve("repo"))) {
            repo.write(".buildrunner/PROJECT_SPEC.md", """
                    # PROJECT_SPEC: Todo App

                    ## Features

                    ### Feature: Todos

                    **Files:**
                    - `server/routes/todos.js`
                    - `client/src/components/TodoList.jsx`

                    **Endpoints:**
                    - GET /api/todos
                    - PATCH /api/todos/{id}

                    **Acceptance Criteria:**
                    - A todo can be ticked off
                    """);
            repo.commit("only what exists");
            assertThat(GapRun.analyze(repo.tree()).passed()).isTrue();
            repo.delete("client/src/components/TodoList.jsx");
            repo.commit("remove the todo list");

            GapReport r = GapRun.analyze(repo.tree());

            assertThat(r.passed()).isFalse();
            // the todo routes lost their only caller too
            assertThat(GapRun.briefs(r)).containsExactly(
                    "gaps/missing-file error .buildrunner/PROJECT_SPEC.md:9 todos client/src/components/TodoList.jsx",
                    "gaps/ui-call-without-route warning client/src/api.js:22  DELETE /api/users/${id}",
                    "gaps/route-without-ui-call note server/index.js:10  GET /healthz",
                    "gaps/route-without-ui-call warning server/routes/todos.js:7 todos GET /api/todos",
                    "gaps/route-without-ui-call note server/routes/todos.js:8  POST /api/todos",
                    "gaps/route-without-ui-call warning server/routes/todos.js:13 todos PATCH /api/todos/:id");
            // the commit status description names the feature and the file (the UI counts do not fit)
            assertThat(r.summary()).isEqualTo("0/1 features complete (0%); 1 missing file; "
                    + "first: Todos needs client/src/components/TodoList.jsx");
            assertThat(r.findings().get(0).message()).isEqualTo(
                    "Feature \"Todos\" names the file client/src/components/TodoList.jsx, which does not exist.");
        }
    }
}
