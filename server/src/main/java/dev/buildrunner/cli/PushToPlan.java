package dev.buildrunner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buildrunner.spec.Feature;
import dev.buildrunner.spec.Spec;
import dev.buildrunner.spec.SpecEdit;
import dev.buildrunner.spec.SpecEditor;
import dev.buildrunner.spec.SpecParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Push to plan status for {@code br bench server} (issue 4: "push -> buildrunner/plan status,
 * target p50 <= 1 s"): a repository hosted by the server, a spec pushed once to build the first
 * plan, then pushes over smart HTTP (JGit) that each add a requirement to one feature
 * ({@link SpecEditor}, so only that feature's lines change, whatever the spec's format). Each is
 * timed from the start of the push, and from the push's return, until the statuses API shows
 * {@code buildrunner/plan} = success on the pushed commit (polled every {@link #POLL}). The
 * embedded host answers a push after the pipeline ran (or after 20 s), so the second figure is
 * normally one poll.
 */
final class PushToPlan {
    /** How often the statuses API is polled. */
    static final Duration POLL = Duration.ofMillis(5);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String base;
    private final String token;
    private final SpecParser parser;
    private final SpecEditor editor = new SpecEditor();

    /**
     * What one run measured.
     *
     * @param repository the hosted repository pushed to
     * @param features features in the pushed spec
     * @param lines its lines
     * @param firstPlanMs the first push (the whole plan built) until its plan status, ms
     * @param pushes timed pushes (after the warm-up ones)
     * @param fromPushStart push start until plan success, ms
     * @param afterPushReturned push returned until plan success, ms
     */
    record Result(String repository, int features, int lines, double firstPlanMs, int pushes, Latencies fromPushStart,
            Latencies afterPushReturned) {
    }

    /**
     * @param base the server's base URL, {@code http://127.0.0.1:PORT}
     * @param token the admin token (API bearer token and git password)
     */
    PushToPlan(HttpClient http, String base, String token, SpecParser parser) {
        this.http = Objects.requireNonNull(http, "http");
        this.base = Objects.requireNonNull(base, "base");
        this.token = Objects.requireNonNull(token, "token");
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    /**
     * Creates {@code owner/name} on the server, pushes {@code spec}, then {@code warmup + pushes}
     * one-feature edits; only the last {@code pushes} are in the figures.
     *
     * @param work an empty directory for the client's clone
     * @param timeout the longest wait for one plan status
     * @throws IllegalStateException when the server refuses the repository or a push, reports a
     *     failed plan, or says nothing within the timeout
     */
    Result run(String owner, String name, String spec, Path work, int warmup, int pushes, Duration timeout)
            throws IOException, InterruptedException, GitAPIException {
        HttpResponse<String> created = http.send(request("/api/repos")
                .POST(HttpRequest.BodyPublishers.ofString("{\"owner\":\"" + owner + "\",\"name\":\"" + name + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("creating " + owner + "/" + name + " answered " + created.statusCode() + ": "
                    + created.body());
        }
        String repository = owner + "/" + name;
        UsernamePasswordCredentialsProvider credentials = new UsernamePasswordCredentialsProvider("bench", token);
        Path specFile = work.resolve(".buildrunner/PROJECT_SPEC.md");
        Files.createDirectories(specFile.getParent());
        Spec parsed = parser.parse(spec).spec();
        List<Feature> features = parsed.features();
        if (features.isEmpty()) {
            throw new IllegalStateException("the spec has no features to edit");
        }
        double[] fromStart = new double[pushes];
        double[] afterReturn = new double[pushes];
        double firstPlan;
        try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
            firstPlan = commitPushAwait(git, repository, credentials, specFile, spec, "Add the spec", timeout)[0];
            Spec current = parsed;
            for (int i = 0; i < warmup + pushes; i++) {
                Feature f = current.features().get((i * 37) % current.features().size());
                SpecEditor.Result edited = editor.apply(current, new SpecEdit(SpecEdit.Kind.ADD_REQUIREMENT, f.id(),
                        "Benchmark edit number " + (i + 1) + " adds this requirement"));
                if (!edited.applied()) {
                    throw new IllegalStateException("cannot add a requirement to " + f.id() + ": " + edited.diagnostics());
                }
                current = edited.spec();
                double[] t = commitPushAwait(git, repository, credentials, specFile, current.source(), "Edit " + f.id(),
                        timeout);
                if (i >= warmup) {
                    fromStart[i - warmup] = t[0];
                    afterReturn[i - warmup] = t[1];
                }
            }
        }
        return new Result(repository, features.size(), spec.split("\n", -1).length, Math.round(firstPlan * 100) / 100.0,
                pushes, Latencies.of(fromStart), Latencies.of(afterReturn));
    }

    /** Commits the text, pushes, waits; returns {from push start, after push returned} in ms. */
    private double[] commitPushAwait(Git git, String repository, UsernamePasswordCredentialsProvider credentials,
            Path specFile, String text, String message, Duration timeout)
            throws IOException, InterruptedException, GitAPIException {
        Files.writeString(specFile, text, StandardCharsets.UTF_8);
        git.add().addFilepattern(".buildrunner/PROJECT_SPEC.md").call();
        RevCommit commit = git.commit().setMessage(message).setAuthor("Bench", "bench@example.com")
                .setCommitter("Bench", "bench@example.com").setSign(false).call();
        String sha = commit.getName();
        long t0 = System.nanoTime();
        Iterable<PushResult> results = git.push().setRemote(base + "/git/" + repository + ".git").setCredentialsProvider(credentials)
                .setRefSpecs(new org.eclipse.jgit.transport.RefSpec("refs/heads/main:refs/heads/main"))
                .setTimeout((int) Math.max(1, timeout.toSeconds())).call();
        long t1 = System.nanoTime();
        for (PushResult r : results) {
            for (RemoteRefUpdate u : r.getRemoteUpdates()) {
                if (u.getStatus() != RemoteRefUpdate.Status.OK) {
                    throw new IllegalStateException("push of " + sha + " to " + u.getRemoteName() + " was refused: "
                            + u.getStatus() + " " + Objects.toString(u.getMessage(), ""));
                }
            }
        }
        awaitPlanSuccess(repository, sha, t1 + timeout.toNanos());
        long t2 = System.nanoTime();
        return new double[] {(t2 - t0) / 1e6, (t2 - t1) / 1e6};
    }

    /** Polls the statuses of the commit until {@code buildrunner/plan} is success. */
    private void awaitPlanSuccess(String repository, String sha, long deadline) throws IOException, InterruptedException {
        HttpRequest statuses = request("/api/repos/" + repository + "/commits/" + sha + "/statuses").GET().build();
        int polls = 0;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = http.send(statuses, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                for (JsonNode s : JSON.readTree(r.body())) {
                    if (!s.path("context").asText().equals("buildrunner/plan")) {
                        continue;
                    }
                    String state = s.path("state").asText();
                    if (state.equals("success")) {
                        return;
                    }
                    if (state.equals("failure") || state.equals("error")) {
                        throw new IllegalStateException("buildrunner/plan is " + state + " on " + sha + ": "
                                + s.path("description").asText());
                    }
                }
            }
            polls++;
            Thread.sleep(POLL.toMillis());
        }
        throw new IllegalStateException("no buildrunner/plan success on " + sha + " after " + polls + " polls");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token);
    }
}
