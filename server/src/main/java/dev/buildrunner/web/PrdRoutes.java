package dev.buildrunner.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buildrunner.pipeline.PushPipeline;
import dev.buildrunner.pipeline.PushReport;
import dev.buildrunner.pipeline.RefChange;
import dev.buildrunner.pipeline.Repositories;
import dev.buildrunner.pipeline.RepositoryName;
import dev.buildrunner.pipeline.SpecCommits;
import dev.buildrunner.spec.EditPreview;
import dev.buildrunner.spec.NaturalLanguageEdits;
import dev.buildrunner.spec.Spec;
import dev.buildrunner.spec.SpecEditor;
import dev.buildrunner.spec.SpecParser;
import dev.buildrunner.store.State;
import dev.buildrunner.store.StateStore;
import dev.buildrunner.view.JsonViews;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.jgit.lib.Repository;

/**
 * Seed 000's live sync API, per repository: {@code GET prd/current}, {@code POST prd/update}
 * (optimistic concurrency: {@code If-Match} with the spec blob id, 409 on conflict, 428 without),
 * {@code GET prd/versions}, {@code POST prd/rollback}, {@code POST prd/parse-nl} (preview, or apply
 * with {@code If-Match}). An edit is a commit on the default branch by
 * the caller, processed like a push; forge mirrors are read-only (409).
 */
final class PrdRoutes {
    private final Repositories repositories;
    private final SpecCommits commits;
    private final SpecParser parser;
    private final Function<Repository, StateStore> stores;
    private final Function<RefChange, CompletableFuture<PushReport>> submit;
    private final ObjectMapper json;
    private final NaturalLanguageEdits naturalLanguage = new NaturalLanguageEdits();

    PrdRoutes(Repositories repositories, SpecCommits commits, SpecParser parser, Function<Repository, StateStore> stores,
            Function<RefChange, CompletableFuture<PushReport>> submit, ObjectMapper json) {
        this.repositories = Objects.requireNonNull(repositories, "repositories");
        this.commits = Objects.requireNonNull(commits, "commits");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.stores = Objects.requireNonNull(stores, "stores");
        this.submit = Objects.requireNonNull(submit, "submit");
        this.json = Objects.requireNonNull(json, "json");
    }

    void register(RoutesConfig routes) {
        String base = "/api/repos/{owner}/{name}/prd";
        routes.get(base + "/current", this::current);
        routes.post(base + "/update", this::update);
        routes.get(base + "/versions", this::versions);
        routes.post(base + "/rollback", this::rollback);
        routes.post(base + "/parse-nl", this::parseNaturalLanguage);
        routes.get("/api/repos/{owner}/{name}/commits/{sha}/spec", this::specAt);
    }

    /** The spec report a {@code buildrunner/spec} status links to: the parse of the spec at a commit. */
    private void specAt(Context ctx) {
        Repository repo = repo(ctx);
        String sha = ctx.pathParam("sha");
        if (!sha.matches("[0-9a-f]{40}")) {
            throw new ApiException(400, "expected a 40-hex commit id, got: " + sha, "sha");
        }
        String text = PushPipeline.readSpec(repo, sha).orElseThrow(() ->
                new ApiException(404, "no " + PushPipeline.SPEC_PATH + " at " + sha, "sha"));
        ctx.json(JsonViews.AnalyzeView.of(parser.parse(text)));
    }

    /** One edit of a natural-language preview. */
    record EditView(String kind, String featureId, String value, String description) {
    }

    /** A preview (seed 000's parse-nl): the edits understood, problems, and the per-feature diff. */
    record PreviewView(String instruction, boolean applicable, List<EditView> edits,
            List<JsonViews.DiagnosticView> diagnostics, JsonViews.DiffView diff) {
    }

    /** The spec on the default branch: text, version token and parse. */
    record CurrentView(String branch, String commit, String blobId, String text, JsonViews.AnalyzeView spec) {
    }

    /** The result of an edit: the new commit and the pipeline's report. */
    record CommitView(String commit, String blobId, List<String> report) {
    }

    private Repository repo(Context ctx) {
        RepositoryName name = name(ctx);
        return repositories.open(name).orElseThrow(() -> new ApiException(404, "no repository " + name, null));
    }

    private static RepositoryName name(Context ctx) {
        return new RepositoryName(ctx.pathParam("owner"), ctx.pathParam("name"));
    }

    private SpecCommits.Current currentSpec(Repository repo, String branch) {
        return commits.current(repo, branch).orElseThrow(() ->
                new ApiException(404, branch + " has no .buildrunner/PROJECT_SPEC.md yet", null));
    }

    private static String ifMatch(Context ctx, String why) {
        String header = ctx.header("If-Match");
        if (header == null || header.isBlank()) {
            throw new ApiException(428, "If-Match with the spec blob id (ETag of prd/current) is required " + why, null);
        }
        return header.replace("\"", "").strip();
    }

    private static String text(JsonNode body, String field, String what) {
        if (!body.hasNonNull(field) || !body.get(field).isTextual()) {
            throw new ApiException(400, "missing string field '" + field + "' (" + what + ")", field);
        }
        return body.get(field).asText();
    }

    private void current(Context ctx) {
        Repository repo = repo(ctx);
        String branch = SpecCommits.defaultBranch(repo);
        SpecCommits.Current c = currentSpec(repo, branch);
        ctx.header("ETag", "\"" + c.blobId() + "\"");
        ctx.json(new CurrentView(branch, c.commit(), c.blobId(), c.text(), JsonViews.AnalyzeView.of(parser.parse(c.text()))));
    }

    private void update(Context ctx) throws Exception {
        Repository repo = repo(ctx);
        JsonNode body = body(ctx);
        String text = text(body, "text", "the whole new spec");
        String expected = ifMatch(ctx, "to update");
        String message = body.hasNonNull("message") ? body.get("message").asText() : "Update the spec";
        edit(ctx, repo, expected, text, message);
    }

    private void rollback(Context ctx) throws Exception {
        Repository repo = repo(ctx);
        JsonNode body = body(ctx);
        if (!body.hasNonNull("version") || !body.get("version").canConvertToInt()) {
            throw new ApiException(400, "missing integer field 'version' (see prd/versions)", "version");
        }
        int version = body.get("version").asInt();
        State old = stores.apply(repo).readVersion(version)
                .orElseThrow(() -> new ApiException(404, "no version " + version, "version"));
        SpecCommits.Current current = currentSpec(repo, SpecCommits.defaultBranch(repo));
        edit(ctx, repo, current.blobId(), old.specText(),
                "Roll back the spec to version " + version + " (" + old.commitId().substring(0, 7) + ")");
    }

    private void edit(Context ctx, Repository repo, String expectedBlob, String text, String message) throws Exception {
        if (repositories.isMirror(name(ctx))) {
            throw new ApiException(409, name(ctx) + " mirrors a forge repository: edit the spec there", null);
        }
        RefChange change;
        try {
            change = commits.commit(repo, name(ctx), SpecCommits.defaultBranch(repo), expectedBlob, text, "api", message);
        } catch (SpecCommits.ConflictException e) {
            throw new ApiException(409, e.getMessage(), null);
        }
        PushReport report = submit.apply(change).get(30, TimeUnit.SECONDS);
        String blob = commits.current(repo, change.ref()).map(SpecCommits.Current::blobId).orElse("");
        ctx.json(new CommitView(change.after(), blob, report.lines()));
    }

    /**
     * {@code POST prd/parse-nl {"text": "...", "apply": false}}: previews the edits a natural-language
     * instruction makes (deterministic patterns, {@link NaturalLanguageEdits#FORMS}); with
     * {@code "apply": true} and {@code If-Match}, commits them like {@code prd/update}.
     */
    private void parseNaturalLanguage(Context ctx) throws Exception {
        Repository repo = repo(ctx);
        JsonNode body = body(ctx);
        String instruction = text(body, "text", "the instruction");
        Spec spec = parser.parse(currentSpec(repo, SpecCommits.defaultBranch(repo)).text()).spec();
        EditPreview preview = naturalLanguage.preview(spec, instruction);
        if (!(body.hasNonNull("apply") && body.get("apply").asBoolean())) {
            ctx.json(new PreviewView(preview.instruction(), preview.applicable(),
                    preview.edits().stream().map(e -> new EditView(e.kind().label(), e.featureId(), e.value(),
                            e.describe())).toList(),
                    JsonViews.diagnosticViews(preview.diagnostics()), JsonViews.DiffView.of(preview.diff())));
            return;
        }
        String expected = ifMatch(ctx, "to apply");
        if (!preview.applicable()) {
            throw new ApiException(422, "the instruction cannot be applied: " + preview.diagnostics().stream()
                    .map(d -> d.message()).findFirst().orElse("nothing to do"), "text");
        }
        SpecEditor.Result result = naturalLanguage.apply(spec, preview);
        if (!result.applied()) {
            throw new ApiException(422, result.diagnostics().stream().map(d -> d.message()).findFirst()
                    .orElse("the edit could not be written"), "text");
        }
        edit(ctx, repo, expected, result.spec().source(), preview.instruction());
    }

    private void versions(Context ctx) {
        ctx.json(stores.apply(repo(ctx)).versions().stream().map(JsonViews.VersionView::of).toList());
    }

    private JsonNode body(Context ctx) {
        try {
            JsonNode node = json.readTree(ctx.bodyAsBytes());
            if (node == null || !node.isObject()) {
                throw new ApiException(400, "body must be a JSON object", null);
            }
            return node;
        } catch (java.io.IOException e) {
            throw new ApiException(400, "body is not JSON: " + e.getMessage(), null);
        }
    }
}
