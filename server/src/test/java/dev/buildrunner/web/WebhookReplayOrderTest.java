package dev.buildrunner.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.buildrunner.forge.webhook.DeliveryJournal;
import dev.buildrunner.forge.webhook.Forge;
import dev.buildrunner.forge.webhook.PushEvent;
import dev.buildrunner.forge.webhook.WebhookInbox;
import dev.buildrunner.forge.webhook.WebhookReceiver;
import dev.buildrunner.pipeline.Mirrors;
import dev.buildrunner.pipeline.AnalysisScheduler;
import dev.buildrunner.pipeline.PushPipeline;
import dev.buildrunner.pipeline.ReportLinks;
import dev.buildrunner.pipeline.Repositories;
import dev.buildrunner.pipeline.RepositoryLanes;
import dev.buildrunner.pipeline.RepositoryName;
import dev.buildrunner.pipeline.StatusRouting;
import dev.buildrunner.pipeline.WebhookSecrets;
import dev.buildrunner.plan.AdaptivePlanner;
import dev.buildrunner.plan.Planner;
import dev.buildrunner.spec.SpecParser;
import dev.buildrunner.store.StateStore;
import dev.buildrunner.store.Version;
import dev.buildrunner.store.WriterLanes;
import dev.buildrunner.sync.PlanSync;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The moment of a restart, made deterministic: two deliveries were acknowledged (journaled) before
 * the stop and are pending, and a forge retrying during the restart delivers the third before the
 * replay has queued them. The third must still be processed after them, once: the plan follows the
 * pushes in journal order and never moves back to an older spec. The upstream repository is hosted
 * by a separate in-process server; the routes under test run on their own Javalin app, with the
 * real journal, mirrors and pipeline.
 */
class WebhookReplayOrderTest {
    private static final String TOKEN = "order-test-token-0123456789abcdef";
    private static final String SECRET = "order-webhook-secret-0123456789";
    private static final String CRITERION = "- Sessions expire after 24 hours";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private BuildRunnerServer upstream;
    private Javalin app;
    private ExecutorService workers;
    private DeliveryJournal journal;
    private Repositories repositories;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startUpstream() throws Exception {
        upstream = BuildRunnerServer.start(ServerConfig.embedded(tmp.resolve("upstream-data"), "127.0.0.1", 0,
                Optional.empty()).withAnalysers(java.util.List.of()), new AdminToken(TOKEN, false), Clock.systemUTC());
        upstream.repositories().create(new RepositoryName("upstream", "shop"));
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.stop();
        }
        if (workers != null) {
            workers.shutdownNow();
        }
        if (journal != null) {
            journal.close();
        }
        if (repositories != null) {
            repositories.close();
        }
        upstream.close();
    }

    @Test
    void aDeliveryArrivingBeforeTheReplayIsProcessedAfterTheReplayedOnesAndOnce() throws Exception {
        String cloneUrl = "http://127.0.0.1:" + upstream.port() + "/git/upstream/shop.git";
        List<String> commits = pushCommits(cloneUrl, 3);
        Path data = tmp.resolve("data");
        // acknowledged before the stop: on disk, pending
        try (DeliveryJournal before = DeliveryJournal.open(data.resolve("journal"))) {
            for (int i = 0; i < 2; i++) {
                String previous = i == 0 ? PushEvent.ZERO_ID : commits.get(i - 1);
                before.append(new PushEvent(Forge.GITHUB, "delivery-" + i, "acme/shop", cloneUrl, Optional.of("main"),
                        "refs/heads/main", previous, commits.get(i), i == 0, false, Optional.of(false), "pusher"));
            }
        }
        WebhookRoutes routes = startRoutes(data);

        // the forge's retry lands after the server listens, before the replay
        byte[] body = payload(cloneUrl, commits.get(1), commits.get(2));
        HttpResponse<String> ack = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                + "/webhooks/github")).header("Content-Type", "application/json").header("X-GitHub-Event", "push")
                .header("X-GitHub-Delivery", "delivery-2").header("X-Hub-Signature-256", "sha256=" + hmac(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ack.statusCode()).as(ack.body()).isEqualTo(202);
        int replayed = routes.replayPending();

        awaitNothingPending();
        assertThat(replayed).as("the replay queues the two old deliveries and the new one behind them").isEqualTo(3);
        assertThat(sourceCommits()).as("Source-Commit of each state commit, oldest first")
                .containsExactlyElementsOf(commits);
    }

    /** The routes under test over a fresh data directory, like BuildRunnerServer wires them. */
    private WebhookRoutes startRoutes(Path data) throws Exception {
        Clock clock = Clock.systemUTC();
        journal = DeliveryJournal.open(data.resolve("journal"));
        repositories = new Repositories(data.resolve("repos"));
        SpecParser parser = new SpecParser();
        PushPipeline pipeline = new PushPipeline(repositories, parser,
                new PlanSync(parser, new Planner(clock), new AdaptivePlanner(clock), clock), new WriterLanes(),
                new StatusRouting(repositories, Optional.empty()), c -> false,
                () -> new ReportLinks("http://localhost"), e -> { }, AnalysisScheduler.NONE);
        workers = Executors.newFixedThreadPool(2);
        WebhookRoutes routes = new WebhookRoutes(new WebhookInbox(new WebhookReceiver(),
                new WebhookSecrets(data.resolve("webhook-secrets"), Optional.of(SECRET)), journal), journal,
                new Mirrors(repositories, Optional.of(TOKEN)), pipeline, new RepositoryLanes(workers));
        app = Javalin.create(cfg -> {
            cfg.jetty.host = "127.0.0.1";
            cfg.jetty.port = 0;
            routes.register(cfg.routes);
        }).start();
        return routes;
    }

    /** Commits the sample spec n times (expiry 24, 25, ... hours) and pushes them to the upstream. */
    private List<String> pushCommits(String cloneUrl, int n) throws Exception {
        Path work = tmp.resolve("forge");
        Files.createDirectories(work.resolve(".buildrunner"));
        EmbeddedPushTest.git(work, "init", "-q");
        String spec = EmbeddedPushTest.resource("project-spec/br3-examples-SAMPLE_SPEC.md");
        assertThat(spec).contains(CRITERION);
        List<String> commits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Files.writeString(work.resolve(".buildrunner/PROJECT_SPEC.md"),
                    spec.replace(CRITERION, "- Sessions expire after " + (24 + i) + " hours"));
            EmbeddedPushTest.git(work, "add", "-A");
            EmbeddedPushTest.git(work, "commit", "-q", "-m", "expiry " + (24 + i));
            commits.add(EmbeddedPushTest.git(work, "rev-parse", "HEAD").strip());
        }
        EmbeddedPushTest.git(work, "push", "-q", cloneUrl.replace("http://", "http://x:" + TOKEN + "@"), "main");
        return commits;
    }

    private static byte[] payload(String cloneUrl, String before, String after) throws Exception {
        ObjectNode p;
        try (var in = WebhookReplayOrderTest.class.getResourceAsStream(
                "/contracts/github/examples/push.branch-updated.DERIVED.json")) {
            p = (ObjectNode) JSON.readTree(in);
        }
        p.put("ref", "refs/heads/main").put("before", before).put("after", after);
        ((ObjectNode) p.get("repository")).put("full_name", "acme/shop").put("name", "shop").put("clone_url", cloneUrl)
                .put("default_branch", "main");
        return JSON.writeValueAsBytes(p);
    }

    private static String hmac(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private void awaitNothingPending() throws InterruptedException {
        for (int i = 0; i < 600 && !journal.pending().isEmpty(); i++) {
            Thread.sleep(50);
        }
        assertThat(journal.pending()).as("pending after 30 s").isEmpty();
        Thread.sleep(200); // a delivery queued twice would run again now; let it show
    }

    /** Source-Commit of each state commit on the mirror's buildrunner branch, oldest first. */
    private List<String> sourceCommits() {
        Repository mirror = repositories.open(new RepositoryName("acme", "shop")).orElseThrow();
        List<String> out = new ArrayList<>();
        for (Version v : new StateStore(mirror, new WriterLanes()).versions()) {
            out.add(0, v.sourceCommit()); // versions are newest first
        }
        return out;
    }
}
