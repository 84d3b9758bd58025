package dev.buildrunner.analysis.drift;

import static dev.buildrunner.analysis.drift.DriftFixtures.SPEC;
import static dev.buildrunner.analysis.drift.DriftFixtures.compact;
import static dev.buildrunner.analysis.drift.DriftFixtures.input;
import static org.assertj.core.api.Assertions.assertThat;

import dev.buildrunner.analysis.FixtureRepo;
import dev.buildrunner.analysis.Finding;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drift analyser on the real-shaped repositories of {@code analysis/drift/} (see its README):
 * exact findings (rule, path, line) on whole trees and on changes, and what it must not report.
 */
class DriftAnalyzerTest {
    private static final String JAVA = "src/main/java/com/acme/shop/";
    private final DriftAnalyzer drift = new DriftAnalyzer(new FrameworkRoutes());

    @TempDir
    Path tmp;

    @Test
    void layeredJavaAppWithoutABaseChecksEveryFileAgainstTheRules() {
        try (FixtureRepo repo = FixtureRepo.of("analysis/drift/layered-java", tmp)) {
            DriftReport report = drift.analyze(input(repo));

            // Not reported: the imports in OrderController's comments and string, the test importing the store.
            assertThat(compact(report.findings())).containsExactly(
                    "WARNING " + JAVA + "service/OrderService.java:5 drift/rules/no-commons-lang",
                    "ERROR " + JAVA + "web/OrderController.java:4 drift/rules/web-not-store",
                    "ERROR " + JAVA + "web/PriceFormat.java:1 drift/rules/controllers-named",
                    "ERROR " + JAVA + "web/ReportController.java:12 drift/rules/web-not-store",
                    "ERROR " + JAVA + "web/ReportController.java:14 drift/rules/web-not-store");
            assertThat(report.findings().get(1).message()).isEqualTo("imports com.acme.shop.store.Order (matches"
                    + " com.acme.shop.store..), which rule 'web-not-store' forbids (controllers reach the store through a"
                    + " service)");
            assertThat(report.findings().get(2).message()).isEqualTo("file name 'PriceFormat.java' does not match"
                    + " [A-Z]\\w*Controller\\.java|package-info\\.java, as rule 'controllers-named' requires (classes in web"
                    + " end with Controller)");
            assertThat(report.passed()).isFalse();
            assertThat(report.diffAnalysed()).isFalse();
            assertThat(report.filesChecked()).isEqualTo(7);
            assertThat(report.counts()).isEqualTo(new DriftReport.Counts(0, 0, 5, 4, 1, 0));
            assertThat(report.summary()).isEqualTo(
                    "4 errors, 1 warnings: spec 0, no diff (no base), rules 5 (3 rules on 7 files)");
            assertThat(report.rulesFile()).isEqualTo(".buildrunner/architecture-rules.yaml");
            assertThat(report.rules()).extracting(r -> r.id()).contains("drift/rules/web-not-store",
                    "drift/diff/undocumented-change", "drift/spec/dependency-cycle");
        }
    }

    @Test
    void tsAppForbiddenModulesAndALayerBoundaryByPath() {
        try (FixtureRepo repo = FixtureRepo.of("analysis/drift/ts-app", tmp)) {
            DriftReport report = drift.analyze(input(repo));

            // Not reported: comments, the template literal and the regex in OrderList, the test, format.ts's comment.
            assertThat(compact(report.findings())).containsExactly(
                    "ERROR src/components/Clock.tsx:1 drift/rules/no-legacy-libs",
                    "ERROR src/components/OrderList.tsx:2 drift/rules/no-legacy-libs",
                    "ERROR src/components/OrderList.tsx:3 drift/rules/ui-not-db");
            assertThat(report.findings().get(1).message()).startsWith("imports module lodash/debounce (matches lodash)");
            assertThat(report.findings().get(2).message()).startsWith(
                    "imports ../db/client, src/db/client.ts (matches src/db/**)");
        }
    }

    @Test
    void pythonAppRelativeImportIntoTheStore() {
        try (FixtureRepo repo = FixtureRepo.of("analysis/drift/python-app", tmp)) {
            DriftReport report = drift.analyze(input(repo));

            assertThat(compact(report.findings())).containsExactly("ERROR app/web/routes.py:5 drift/rules/web-not-store");
            assertThat(report.findings().get(0).message())
                    .isEqualTo("imports app.store.db.NOTES (matches app.store..), which rule 'web-not-store' forbids");
        }
    }

    @Test
    void aChangeIsComparedWithTheSpecAndOnlyChangedFilesMeetTheRules() {
        try (FixtureRepo repo = FixtureRepo.of("analysis/drift/layered-java", tmp)) {
            String base = repo.head();
            String controller = JAVA + "web/OrderController.java";
            String text = repo.tree().readText(controller).orElseThrow();
            repo.write(controller, text.replace("    // @DeleteMapping", """
                        @GetMapping
                        public java.util.List<Order> all() {
                            return java.util.List.of();
                        }

                        // @DeleteMapping"""));
            repo.delete(JAVA + "service/OrderService.java");
            repo.write(JAVA + "admin/AdminController.java", """
                    package com.acme.shop.admin;

                    import com.acme.shop.store.OrderStore;
                    import org.springframework.web.bind.annotation.DeleteMapping;
                    import org.springframework.web.bind.annotation.RequestMapping;
                    import org.springframework.web.bind.annotation.RestController;

                    @RestController
                    @RequestMapping("/api/admin")
                    public class AdminController {
                        private final OrderStore store = new OrderStore();

                        @DeleteMapping("/orders/{id}")
                        public void delete(long id) {
                        }
                    }
                    """);
            repo.write("src/test/java/com/acme/shop/web/OrderControllerTest.java", "package com.acme.shop.web;\n\nclass"
                    + " OrderControllerTest {\n}\n");
            repo.write("README.md", "# Acme Shop\n");
            repo.commit("Admin screen");

            DriftReport report = drift.analyze(input(repo, base, Set.of("orders")));

            assertThat(compact(report.findings())).containsExactly(
                    "ERROR " + SPEC + ":24 drift/diff/feature-file-removed",
                    "WARNING " + JAVA + "admin/AdminController.java:0 drift/diff/undocumented-change",
                    "WARNING " + JAVA + "admin/AdminController.java:13 drift/diff/undocumented-endpoint",
                    "ERROR " + JAVA + "web/OrderController.java:4 drift/rules/web-not-store",
                    "WARNING " + JAVA + "web/OrderController.java:36 drift/diff/undocumented-endpoint");
            Finding removed = report.findings().get(0);
            assertThat(removed.message()).isEqualTo("feature 'orders' names"
                    + " src/main/java/com/acme/shop/service/OrderService.java, which this change deletes"
                    + " (src/main/java/com/acme/shop/service/OrderService.java); restore it, or update the feature's Files");
            assertThat(removed.featureId()).isEqualTo("orders");
            assertThat(report.findings().get(2).message()).isEqualTo("route DELETE /api/admin/orders/{id} is new in this"
                    + " change and no feature of the spec defines it; add it to the feature it belongs to");
            assertThat(report.findings().get(4).properties()).containsEntry("endpoint", "GET /api/orders");
            assertThat(report.counts()).isEqualTo(new DriftReport.Counts(0, 4, 1, 2, 3, 0));
            assertThat(report.filesChecked()).isEqualTo(2);
            assertThat(report.passed()).isFalse();
        }
    }

    @Test
    void aDirectoryEntryIsRemovedOnlyWhenNothingIsLeftUnderIt() {
        try (FixtureRepo repo = FixtureRepo.of("analysis/drift/layered-java", tmp)) {
            String base = repo.head();
            repo.delete(JAVA + "store/Order.java");
            repo.commit("Drop the order record");
            assertThat(drift.analyze(input(repo, base, Set.of())).findings()).isEmpty();

            repo.delete(JAVA + "store/OrderStore.java");
            repo.commit("Drop the store");
            DriftReport report = drift.analyze(input(repo, base, Set.of()));
            assertThat(compact(report.findings())).containsExactly("ERROR " + SPEC + ":25 drift/diff/feature-file-removed");
            assertThat(report.findings().get(0).message()).isEqualTo("feature 'orders' names src/main/java/com/acme/shop/"
                    + "store/ (nothing is left under it), which this change deletes (src/main/java/com/acme/shop/store/"
                    + "Order.java); restore it, or update the feature's Files");
        }
    }

    @Test
    void aDoneFeatureChangedOnlyInTheSpecIsReported() {
        try (FixtureRepo repo = FixtureRepo.of("analysis/drift/layered-java", tmp)) {
            String base = repo.head();
            String spec = repo.tree().readText(SPEC).orElseThrow();
            repo.write(SPEC, spec.replace("- A posted order can be read back by its id",
                    "- A posted order can be read back by its id and cancelled")
                    .replace("- Serve `GET /api/reports/daily`", "- Serve `GET /api/reports/daily` as CSV"));
            repo.commit("Orders can be cancelled");

            DriftReport report = drift.analyze(input(repo, base, Set.of("orders")));

            // Reports changed too, but it is not done.
            assertThat(compact(report.findings())).containsExactly("WARNING " + SPEC + ":9 drift/diff/done-feature-spec-only");
            assertThat(report.findings().get(0).message()).isEqualTo("feature 'orders' is done, but this change edits its"
                    + " acceptanceCriteria in the spec and none of its files: change the code too, or reopen the feature");
            assertThat(report.passed()).isTrue();

            String controller = JAVA + "web/OrderController.java";
            repo.write(controller, repo.tree().readText(controller).orElseThrow() + "\n");
            repo.commit("Cancel orders");
            assertThat(drift.analyze(input(repo, base, Set.of("orders"))).findings())
                    .extracting(Finding::ruleId).doesNotContain(DriftRules.DONE_FEATURE_SPEC_ONLY);
        }
    }

    @Test
    void changingTheRulesFileChecksEveryFile() {
        try (FixtureRepo repo = FixtureRepo.of("analysis/drift/layered-java", tmp)) {
            String base = repo.head();
            repo.write(JAVA + "report/DailyReport.java", repo.tree().readText(JAVA + "report/DailyReport.java")
                    .orElseThrow().replace("return 0;", "return 1;"));
            repo.commit("Touch a clean file");
            assertThat(drift.analyze(input(repo, base, Set.of())).findings()).isEmpty();

            String rules = ".buildrunner/architecture-rules.yaml";
            repo.write(rules, repo.tree().readText(rules).orElseThrow() + """

                      - id: report-not-web
                        forbid:
                          from: "src/main/java/**/report/**"
                          imports: ["com.acme.shop.service.."]
                    """);
            repo.commit("A new rule");

            DriftReport report = drift.analyze(input(repo, base, Set.of()));
            assertThat(compact(report.findings())).containsExactly(
                    "ERROR " + JAVA + "report/DailyReport.java:3 drift/rules/report-not-web",
                    "WARNING " + JAVA + "service/OrderService.java:5 drift/rules/no-commons-lang",
                    "ERROR " + JAVA + "web/OrderController.java:4 drift/rules/web-not-store",
                    "ERROR " + JAVA + "web/PriceFormat.java:1 drift/rules/controllers-named",
                    "ERROR " + JAVA + "web/ReportController.java:12 drift/rules/web-not-store",
                    "ERROR " + JAVA + "web/ReportController.java:14 drift/rules/web-not-store");
        }
    }

    @Test
    void newExpressRoutesAreComparedWithTheSpecsEndpoints() {
        try (FixtureRepo repo = FixtureRepo.of("analysis/drift/ts-app", tmp)) {
            String base = repo.head();
            String api = "src/api/orders.ts";
            repo.write(api, repo.tree().readText(api).orElseThrow() + """

                    router.delete("/api/orders/:id", (req, res) => res.sendStatus(204));
                    // router.put("/api/orders/:id", (req, res) => res.sendStatus(204));
                    """);
            repo.write("src/api/v2.ts", """
                    import express from "express";

                    export const v2Router = express.Router();

                    // mounted under /api elsewhere
                    v2Router.get("/orders/:orderId", (req, res) => res.json({}));
                    """);
            repo.write("src/api/orders.test.ts", """
                    import express from "express";
                    const app = express();
                    app.get("/api/test-only", (req, res) => res.json({}));
                    """);
            repo.commit("Delete orders");

            DriftReport report = drift.analyze(input(repo, base, Set.of()));

            assertThat(compact(report.findings())).containsExactly("WARNING src/api/orders.ts:15 drift/diff/undocumented-endpoint");
            assertThat(report.findings().get(0).properties()).containsEntry("endpoint", "DELETE /api/orders/:id");
        }
    }

    @Test
    void withoutARulesFileThereAreNoRules() {
        try (FixtureRepo repo = FixtureRepo.of("analysis/drift/layered-java", tmp)) {
            repo.delete(".buildrunner/architecture-rules.yaml");
            repo.commit("No rules");

            DriftReport report = drift.analyze(input(repo));

            assertThat(report.findings()).isEmpty();
            assertThat(report.rulesFile()).isEmpty();
            assertThat(report.passed()).isTrue();
            assertThat(report.summary()).isEqualTo("0 errors, 0 warnings: spec 0, no diff (no base), rules 0 (0 rules on 0 files)");
        }
    }
}
