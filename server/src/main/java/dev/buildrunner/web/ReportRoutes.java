package dev.buildrunner.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buildrunner.pipeline.AnalysisJobs;
import dev.buildrunner.pipeline.ReportStore;
import dev.buildrunner.pipeline.RepositoryName;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;

/**
 * The analysers' reports a {@code buildrunner/gaps|quality|drift} status links to, per commit:
 * {@code GET .../commits/SHA/reports} (which exist), {@code .../reports/NAME} (the JSON report),
 * {@code .../reports/NAME/sarif} (SARIF 2.1.0, for upload to code scanning) and
 * {@code .../reports/NAME/html} (the readable page the status's {@code target_url} opens).
 * A report still being computed answers 202 {@code {"state": "pending"}}; an unknown one 404.
 */
final class ReportRoutes {
    private final ReportStore reports;
    private final AnalysisJobs jobs;
    private final ObjectMapper json;

    ReportRoutes(ReportStore reports, AnalysisJobs jobs, ObjectMapper json) {
        this.reports = Objects.requireNonNull(reports, "reports");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.json = Objects.requireNonNull(json, "json");
    }

    void register(RoutesConfig routes) {
        String base = "/api/repos/{owner}/{name}/commits/{sha}/reports";
        routes.get(base, ctx -> ctx.json(Map.of("commit", sha(ctx), "reports", reports.analysers(repo(ctx), sha(ctx)))));
        routes.get(base + "/{analyser}", ctx -> serve(ctx, ReportStore.Kind.JSON, "application/json"));
        routes.get(base + "/{analyser}/sarif", ctx -> serve(ctx, ReportStore.Kind.SARIF, "application/sarif+json"));
        routes.get(base + "/{analyser}/html", this::html);
    }

    private void serve(Context ctx, ReportStore.Kind kind, String type) {
        String analyser = analyser(ctx);
        var text = reports.get(repo(ctx), sha(ctx), analyser, kind);
        if (text.isEmpty()) {
            missing(ctx, analyser);
            return;
        }
        ctx.contentType(type).result(text.get());
    }

    private void html(Context ctx) throws IOException {
        String analyser = analyser(ctx);
        var text = reports.get(repo(ctx), sha(ctx), analyser, ReportStore.Kind.JSON);
        if (text.isEmpty()) {
            missing(ctx, analyser);
            return;
        }
        JsonNode report = json.readTree(text.get());
        ctx.contentType("text/html; charset=utf-8").result(ReportPage.render(repo(ctx).toString(), sha(ctx), analyser, report));
    }

    private void missing(Context ctx, String analyser) {
        if (jobs.isRunning(repo(ctx), sha(ctx), analyser)) {
            ctx.status(202).json(Map.of("state", "pending", "message", "the " + analyser + " analysis of "
                    + sha(ctx) + " is queued or running"));
            return;
        }
        throw new ApiException(404, "no " + analyser + " report for " + sha(ctx), "sha");
    }

    private String analyser(Context ctx) {
        String a = ctx.pathParam("analyser");
        if (!jobs.names().contains(a)) {
            throw new ApiException(404, "unknown analyser '" + a + "'; this server runs " + jobs.names(), "analyser");
        }
        return a;
    }

    private static RepositoryName repo(Context ctx) {
        return new RepositoryName(ctx.pathParam("owner"), ctx.pathParam("name"));
    }

    private static String sha(Context ctx) {
        String sha = ctx.pathParam("sha");
        if (!sha.matches("[0-9a-f]{40}")) {
            throw new ApiException(400, "expected a 40-hex commit id, got: " + sha, "sha");
        }
        return sha;
    }
}
