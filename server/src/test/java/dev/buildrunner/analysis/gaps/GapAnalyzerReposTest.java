package dev.buildrunner.analysis.gaps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.buildrunner.analysis.Finding;
import dev.buildrunner.analysis.FixtureRepo;
import dev.buildrunner.analysis.gaps.scan.Route;
import dev.buildrunner.analysis.gaps.scan.UiCall;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gap analyser on the real-shaped repositories of {@code analysis/repos/} (written for these
 * tests, see the README there): the exact set of findings, and none of the traps (commented-out
 * routes and calls, routes and calls in test code, docstrings, strings in docs).
 */
class GapAnalyzerReposTest {
    private static final String SPEC = ".buildrunner/PROJECT_SPEC.md";

    @TempDir
    Path dir;

    @Test
    void springAngular() {
        try (FixtureRepo repo = FixtureRepo.of("analysis/repos/spring-angular", dir)) {
            GapReport r = GapRun.analyze(repo.tree());

            assertThat(GapRun.briefs(r)).containsExactly(
                    "gaps/missing-endpoint error " + SPEC + ":29 user-management DELETE /api/users/{id}",
                    "gaps/missing-file error " + SPEC + ":46 orders backend/src/main/java/com/example/orders/OrderRepository.java",
                    // the drawn tree's line (its root is a directory of the repository, so it is kept)
                    "gaps/missing-file error " + SPEC + ":68 reports backend/src/main/java/com/example/reports/ReportController.java",
                    // the Endpoints item, not the tree line whose comment names the endpoint too
                    "gaps/missing-endpoint error " + SPEC + ":72 reports GET /api/reports",
                    "gaps/route-without-ui-call warning backend/src/main/java/com/example/HealthController.java:8 health-check GET /health",
                    "gaps/route-without-ui-call note backend/src/main/java/com/example/orders/OrderController.java:32  POST /api/orders/{orderId}/refund",
                    "gaps/ui-call-without-route warning frontend/src/app/users/user.service.ts:26  DELETE ${environment.apiUrl}/users/${id}");
            assertThat(r.passed()).isFalse();
            // the status description names the first gap; the UI counts do not fit in its 140 characters
            assertThat(r.summary()).isEqualTo("1/4 features complete (25%); 2 missing files, 2 missing endpoints; "
                    + "first: User Management needs DELETE /api/users/{id}");
            assertThat(r.completeness()).isEqualTo(25);
            assertThat(r.features()).extracting(FeatureGaps::id, FeatureGaps::complete, FeatureGaps::done)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("user-management", false, true),
                            org.assertj.core.groups.Tuple.tuple("orders", false, false),
                            org.assertj.core.groups.Tuple.tuple("reports", false, false),
                            org.assertj.core.groups.Tuple.tuple("health-check", true, false));
            assertThat(r.routes()).extracting(Route::signature).containsExactly(
                    "GET /health", "GET /api/orders", "GET /api/orders/{orderId}", "POST /api/orders/{orderId}/refund",
                    "GET /api/orders/export", "GET /api/orders/export.csv", "GET /api/users", "GET /api/users/{id}",
                    "POST /api/users");
            assertThat(r.uiCalls()).extracting(UiCall::signature).containsExactly("GET /api/orders",
                    "GET /api/orders/${id}", "GET ${environment.apiUrl}/users", "GET ${environment.apiUrl}/users/${id}",
                    "POST ${environment.apiUrl}/users", "DELETE ${environment.apiUrl}/users/${id}");
            assertNoTraps(r);
            Finding done = r.findings().get(0);
            assertThat(done.message()).isEqualTo("Feature \"User Management\" defines DELETE /api/users/{id}, but no "
                    + "route in the code declares it. The feature is marked done.");
        }
    }

    @Test
    void fastapiVue() {
        try (FixtureRepo repo = FixtureRepo.of("analysis/repos/fastapi-vue", dir)) {
            GapReport r = GapRun.analyze(repo.tree());

            assertThat(GapRun.briefs(r)).containsExactly(
                    "gaps/missing-endpoint error " + SPEC + ":22 users DELETE /api/users/{id}",
                    "gaps/missing-file error " + SPEC + ":47 search backend/app/routers/search.py",
                    "gaps/unsafe-path error " + SPEC + ":48 search ../shared/schema.py",
                    "gaps/missing-endpoint error " + SPEC + ":51 search GET /api/search",
                    "gaps/route-without-ui-call note backend/app/main.py:17  GET /health",
                    "gaps/route-without-ui-call note backend/app/routers/admin.py:6  GET /api/admin/stats",
                    "gaps/ui-call-without-route warning frontend/src/api/users.js:9  DELETE /api/users/${id}");
            assertThat(r.summary()).isEqualTo("1/3 features complete (33%); 1 missing file, 2 missing endpoints, "
                    + "1 unsafe path; first: Users needs DELETE /api/users/{id}");
            // prefixes from include_router (absolute and relative imports) and APIRouter(prefix=...)
            assertThat(r.routes()).extracting(Route::signature).containsExactly("GET /health", "GET /api/admin/stats",
                    "GET /api/items", "POST /api/items", "GET /api/users", "GET /api/users/{user_id}", "POST /api/users");
            // the axios instance's baseURL, imported from another file
            assertThat(r.uiCalls()).extracting(UiCall::signature).containsExactly("GET /api/users",
                    "GET /api/users/${id}", "POST /api/users", "DELETE /api/users/${id}", "GET /api/items",
                    "POST /api/items");
            assertNoTraps(r);
        }
    }

    @Test
    void expressReact() {
        try (FixtureRepo repo = FixtureRepo.of("analysis/repos/express-react", dir)) {
            GapReport r = GapRun.analyze(repo.tree());

            assertThat(GapRun.briefs(r)).containsExactly(
                    "gaps/missing-endpoint error " + SPEC + ":19 accounts DELETE /api/users/:id",
                    "gaps/missing-file error " + SPEC + ":50 notifications server/routes/notifications.js",
                    "gaps/missing-file error " + SPEC + ":52 notifications server/services/mailer.js",
                    "gaps/missing-endpoint error " + SPEC + ":56 notifications GET /api/notifications",
                    "gaps/ui-call-without-route warning client/src/api.js:22  DELETE /api/users/${id}",
                    "gaps/route-without-ui-call note server/index.js:10  GET /healthz",
                    "gaps/route-without-ui-call warning server/routes/todos.js:8 todos POST /api/todos");
            assertThat(r.summary()).isEqualTo("1/3 features complete (33%); 2 missing files, 2 missing endpoints; "
                    + "first: Accounts needs DELETE /api/users/:id");
            // app.use prefixes through require(), inline require(), router.route() chains
            assertThat(r.routes()).extracting(Route::signature).containsExactly("GET /healthz", "GET /api/todos",
                    "POST /api/todos", "PATCH /api/todos/:id", "GET /api/users", "GET /api/users/:id", "POST /api/users");
            assertThat(r.uiCalls()).extracting(UiCall::signature).containsExactly("GET /api/users",
                    "GET /api/users/${id}", "POST /api/users", "DELETE /api/users/${id}", "GET /api/todos",
                    "PATCH /api/todos/${todo.id}");
            assertNoTraps(r);
        }
    }

    @Test
    void nextJs() {
        try (FixtureRepo repo = FixtureRepo.of("analysis/repos/nextjs", dir)) {
            GapReport r = GapRun.analyze(repo.tree());

            assertThat(GapRun.briefs(r)).containsExactly(
                    "gaps/missing-endpoint error " + SPEC + ":16 projects PUT /api/projects/{id}",
                    "gaps/ui-call-without-route warning src/app/(dashboard)/projects/page.tsx:12  PUT /api/projects/${id}",
                    "gaps/route-without-ui-call warning src/app/api/projects/[id]/route.ts:6 projects GET /api/projects/[id]",
                    "gaps/route-without-ui-call note src/app/api/projects/[id]/route.ts:14  DELETE /api/projects/[id]");
            assertThat(r.summary()).isEqualTo("1/2 features complete (50%); 1 missing endpoint; "
                    + "first: Projects needs PUT /api/projects/{id}");
            // file routes: [id] segments, a route group left out, pages/api for every method
            assertThat(r.routes()).extracting(Route::signature).containsExactly("GET /api/projects/[id]",
                    "DELETE /api/projects/[id]", "GET /api/projects", "POST /api/projects", "ANY /api/status");
            assertThat(r.uiCalls()).extracting(UiCall::signature).containsExactly("GET /api/projects",
                    "GET /api/status", "PUT /api/projects/${id}", "POST /api/projects");
            assertNoTraps(r);
        }
    }

    @Test
    void everyGapCarriesAFixPromptNamingWhatWhereAndTheCriteria() {
        try (FixtureRepo repo = FixtureRepo.of("analysis/repos/spring-angular", dir)) {
            GapReport r = GapRun.analyze(repo.tree());

            Finding missing = r.findings().stream().filter(f -> f.ruleId().equals(GapRules.MISSING_FILE)).findFirst()
                    .orElseThrow();
            String prompt = missing.properties().get("fixPrompt");
            assertThat(prompt).startsWith("# Fix a gap: missing file backend/src/main/java/com/example/orders/OrderRepository.java")
                    .contains("Feature: Orders (`orders`), defined in `.buildrunner/PROJECT_SPEC.md` at line 37.")
                    .contains("The file `backend/src/main/java/com/example/orders/OrderRepository.java`, which feature "
                            + "\"Orders\" names in its file list (spec line 46)")
                    .contains("`backend/src/main/java/com/example/orders/`, which exists.")
                    .contains("- Orders are listed newest first");
            FeatureGaps reports = r.features().get(2);
            assertThat(reports.gaps()).extracting(Gap::fixPrompt).allSatisfy(p -> assertThat(p)
                    .contains("- A report sums the month's orders").doesNotContain("{{"));
            assertThat(reports.gaps().get(1).fixPrompt()).contains("An HTTP route `GET /api/reports`")
                    .contains("Beside `GET /api/orders` in `backend/src/main/java/com/example/orders/OrderController.java` (line 22)");
            assertThat(r.uiDisconnects()).allSatisfy(g -> assertThat(g.fixPrompt()).isNotBlank());
            assertThat(r.findings()).allSatisfy(f -> assertThat(f.properties()).containsKeys("target", "fixPrompt"));
        }
    }

    @Test
    void aCompleteRepositoryPasses() {
        try (FixtureRepo repo = FixtureRepo.of("analysis/repos/express-react", dir)) {
            repo.write(".buildrunner/PROJECT_SPEC.md", """
                    # PROJECT_SPEC: Todo App

                    ## Features

                    ### Feature: Todos

                    **Files:**
                    - `server/routes/todos.js`

                    **Endpoints:**
                    - GET /api/todos
                    - PATCH /api/todos/{id}

                    **Acceptance Criteria:**
                    - A todo can be ticked off
                    """);
            repo.commit("only what exists");

            GapReport r = GapRun.analyze(repo.tree());

            assertThat(r.passed()).isTrue();
            assertThat(r.completeness()).isEqualTo(100);
            assertThat(r.findings()).noneMatch(f -> f.level() == dev.buildrunner.analysis.Level.ERROR);
            assertThat(r.summary()).startsWith("1/1 features complete (100%); ");
        }
    }

    @Test
    void theSummaryFitsACommitStatusAndSaysWhenThereIsNoGap() {
        List<Finding> many = new java.util.ArrayList<>();
        for (int i = 0; i < 120; i++) {
            many.add(Finding.of(GapRules.MISSING_FILE, dev.buildrunner.analysis.Level.ERROR, "m", "s.md", i + 1));
            many.add(Finding.of(GapRules.ROUTE_WITHOUT_UI_CALL, dev.buildrunner.analysis.Level.NOTE, "m", "a.js", i + 1));
        }
        String s = GapAnalyzer.summary(3, 9, 33, many, "A feature with a long name needs "
                + "src/main/java/com/example/some/deeply/nested/pkg/AndAVeryLongClassNameIndeed.java");
        assertThat(s).hasSize(GapAnalyzer.MAX_SUMMARY).startsWith("3/9 features complete (33%); 120 missing files; first: ")
                .endsWith("…");
        assertThat(GapAnalyzer.summary(2, 2, 100, List.of(), "")).isEqualTo("2/2 features complete (100%); no gaps");
        assertThat(GapAnalyzer.summary(2, 2, 100, many.subList(1, 2), "")).isEqualTo(
                "2/2 features complete (100%); 1 route without a UI call");
    }

    /** Nothing of the traps is seen: names that only commented-out code, tests, docstrings and docs hold. */
    private static void assertNoTraps(GapReport r) {
        List<String> seen = new java.util.ArrayList<>();
        r.routes().forEach(x -> seen.add(x.signature() + " " + x.file()));
        r.uiCalls().forEach(x -> seen.add(x.signature() + " " + x.file()));
        r.findings().forEach(f -> seen.add(f.message() + " " + f.path()));
        assertThat(seen).noneMatch(s -> s.matches(".*(test-only|readme-only|docstring-only|template-only|jsx-text|"
                + "legacy|old-|debug|ghost|PUT /api/users|/api/reports.*java|__tests__|\\.spec\\.ts|\\.test\\.|docs/|README).*"));
    }
}
