package dev.buildrunner.web;

import dev.buildrunner.forge.status.GitHubStatusJson;
import dev.buildrunner.forge.status.NoteStatusStore;
import dev.buildrunner.forge.status.RepoCoordinates;
import dev.buildrunner.pipeline.ReportLinks;
import dev.buildrunner.pipeline.Repositories;
import dev.buildrunner.pipeline.RepositoryName;
import dev.buildrunner.pipeline.StatusRouting;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The embedded default's commit statuses in GitHub's exact shapes (validated against
 * {@code ../shared/contracts/github/} in tests): {@code GET .../commits/REF/statuses} (newest
 * first; also at GitHub's legacy {@code GET .../statuses/REF}) and {@code GET .../commits/REF/status}
 * (combined, GitHub's rules). {@code REF} is a commit id, branch or tag.
 */
final class StatusRoutes {
    private final Repositories repositories;
    private final StatusRouting statuses;
    private final Supplier<ReportLinks> links;

    StatusRoutes(Repositories repositories, StatusRouting statuses, Supplier<ReportLinks> links) {
        this.repositories = Objects.requireNonNull(repositories, "repositories");
        this.statuses = Objects.requireNonNull(statuses, "statuses");
        this.links = Objects.requireNonNull(links, "links");
    }

    void register(RoutesConfig routes) {
        routes.get("/api/repos/{owner}/{name}/commits/{ref}/statuses", ctx -> list(ctx));
        routes.get("/api/repos/{owner}/{name}/statuses/{ref}", ctx -> list(ctx));
        routes.get("/api/repos/{owner}/{name}/commits/{ref}/status", ctx -> combined(ctx));
    }

    private GitHubStatusJson json() {
        String base = links.get().baseUrl();
        return new GitHubStatusJson(base + "/api", base, true);
    }

    private Optional<Target> target(Context ctx) {
        RepositoryName name = new RepositoryName(ctx.pathParam("owner"), ctx.pathParam("name"));
        if (!repositories.exists(name)) {
            ctx.status(404).json(new ApiError("no repository " + name, null));
            return Optional.empty();
        }
        NoteStatusStore store = statuses.store(name);
        Optional<String> sha = store.resolve(ctx.pathParam("ref"));
        if (sha.isEmpty()) {
            ctx.status(404).json(new ApiError("no commit " + ctx.pathParam("ref") + " in " + name, "ref"));
            return Optional.empty();
        }
        return Optional.of(new Target(new RepoCoordinates(name.owner(), name.name()), store, sha.get()));
    }

    private record Target(RepoCoordinates repo, NoteStatusStore store, String sha) {
    }

    private void list(Context ctx) {
        target(ctx).ifPresent(t -> ctx.contentType("application/json; charset=utf-8")
                .result(json().list(t.repo(), t.store().list(t.sha()))));
    }

    private void combined(Context ctx) {
        target(ctx).ifPresent(t -> ctx.contentType("application/json; charset=utf-8")
                .result(json().combined(t.repo(), t.store().combined(t.sha()))));
    }
}
