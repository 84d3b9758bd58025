package dev.buildrunner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Open-loop webhook load for {@code br bench server} (issue 4: "webhook ack latency p50/p99 at a
 * sustained rate, target p99 <= 50 ms at 200/s"): signed GitHub push deliveries, each with its
 * own delivery id and its own before/after pair so none is a duplicate, sent by the clock at a
 * fixed rate without waiting for earlier responses (so a slow server cannot slow the sender down
 * and hide its own latency). A delivery's latency runs from the send call to the complete
 * response. Bodies and signatures are built before the clock starts.
 */
final class WebhookLoad {
    /** GitHub's repository URL fields (api.github.com/repos/OWNER/NAME/...), for a body of GitHub's size. */
    private static final List<String> URL_FIELDS = List.of("forks", "keys", "collaborators", "teams", "hooks",
            "issue_events", "events", "assignees", "branches", "tags", "blobs", "git_tags", "git_refs", "trees",
            "statuses", "languages", "stargazers", "contributors", "subscribers", "subscription", "commits",
            "git_commits", "comments", "issue_comment", "contents", "compare", "merges", "archive", "downloads",
            "issues", "pulls", "milestones", "notifications", "labels", "releases", "deployments");

    private final HttpClient http;
    private final URI endpoint;
    private final byte[] secret;
    private final String repository;
    private final String cloneUrl;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * What one run measured.
     *
     * @param sent deliveries sent
     * @param seconds from the first send to the last
     * @param achievedRate deliveries sent per second over {@code seconds}
     * @param journaled answered 202 (journaled: the server acknowledges only what is on disk)
     * @param duplicates answered 200 (a duplicate or ignored event; none are expected)
     * @param otherStatus answered anything else (4xx, 5xx)
     * @param failed no response: I/O error or no answer within the timeout
     * @param bodyBytes the size of one delivery's body
     * @param ack latency of the answered deliveries, ms
     * @param scheduleLag how late the sender was against the clock's schedule, ms
     */
    record Result(int sent, double seconds, double achievedRate, int journaled, int duplicates, int otherStatus,
            int failed, int bodyBytes, Latencies ack, Latencies scheduleLag) {
    }

    /**
     * @param endpoint the server's {@code /webhooks/github}
     * @param secret the webhook secret the server verifies with
     * @param repository the {@code OWNER/NAME} the deliveries name
     * @param cloneUrl their {@code repository.clone_url} (where the server fetches from after the ack)
     */
    WebhookLoad(HttpClient http, URI endpoint, String secret, String repository, String cloneUrl) {
        this.http = Objects.requireNonNull(http, "http");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.repository = Objects.requireNonNull(repository, "repository");
        this.cloneUrl = Objects.requireNonNull(cloneUrl, "cloneUrl");
    }

    /**
     * Sends {@code rate * duration} deliveries at {@code rate} per second, then waits (at most
     * {@code timeout}) for the outstanding answers.
     *
     * @param first the number of the first delivery; runs over the same server must not overlap
     *     (the numbers make the before/after pairs distinct)
     * @throws IllegalArgumentException when rate or duration is not positive, or the count exceeds 100,000
     */
    Result run(double rate, Duration duration, Duration timeout, int first) throws InterruptedException {
        long count = Math.round(rate * duration.toNanos() / 1e9);
        if (rate <= 0 || count <= 0 || count > 100_000) {
            throw new IllegalArgumentException("expected a positive rate and duration, at most 100,000 deliveries, got "
                    + rate + "/s for " + duration);
        }
        int n = (int) count;
        HttpRequest[] requests = new HttpRequest[n];
        int bodyBytes = 0;
        for (int i = 0; i < n; i++) {
            byte[] body = body(first + i);
            bodyBytes = body.length;
            requests[i] = HttpRequest.newBuilder(endpoint).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "GitHub-Hookshot/br-bench")
                    .header("X-GitHub-Event", "push")
                    .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                    .header("X-Hub-Signature-256", "sha256=" + hmac(body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        }
        double[] latency = new double[n];
        int[] status = new int[n];
        double[] lag = new double[n];
        @SuppressWarnings("unchecked")
        CompletableFuture<Void>[] done = new CompletableFuture[n];
        long period = Math.round(1e9 / rate);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(5);
        long lastSend = start;
        for (int i = 0; i < n; i++) {
            long due = start + i * period;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            long t0 = System.nanoTime();
            lastSend = t0;
            lag[i] = (t0 - due) / 1e6;
            int k = i;
            done[i] = http.sendAsync(requests[i], HttpResponse.BodyHandlers.discarding()).handle((r, ex) -> {
                long t1 = System.nanoTime();
                status[k] = r == null ? -1 : r.statusCode();
                latency[k] = (t1 - t0) / 1e6;
                return null;
            });
        }
        try {
            CompletableFuture.allOf(done).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            // counted below: a delivery without an answer is a failure
        }
        double seconds = Math.max((lastSend - start) / 1e9, 1e-9);
        int journaled = 0;
        int duplicates = 0;
        int other = 0;
        int failed = 0;
        double[] answered = new double[n];
        int a = 0;
        for (int i = 0; i < n; i++) {
            int s = done[i].isDone() ? status[i] : -1;
            if (s == 202) {
                journaled++;
            } else if (s == 200) {
                duplicates++;
            } else if (s > 0) {
                other++;
            } else {
                failed++;
            }
            if (s > 0) {
                answered[a++] = latency[i];
            }
        }
        return new Result(n, round(seconds), round(n > 1 ? (n - 1) / seconds : n), journaled, duplicates, other,
                failed, bodyBytes, Latencies.of(java.util.Arrays.copyOf(answered, a)), Latencies.of(lag));
    }

    /** A push payload of GitHub's shape (about its size) for delivery {@code i}: one commit on main. */
    byte[] body(int i) {
        String before = commitId("before " + i);
        String after = commitId("after " + i);
        String owner = repository.substring(0, repository.indexOf('/'));
        String name = repository.substring(repository.indexOf('/') + 1);
        String api = "https://api.github.com/repos/" + repository;
        ObjectNode root = json.createObjectNode();
        root.put("ref", "refs/heads/main").put("before", before).put("after", after);
        ObjectNode repo = root.putObject("repository");
        repo.put("id", 1_000_000 + i % 7).put("node_id", "R_bench").put("name", name).put("full_name", repository)
                .put("private", false);
        ObjectNode ownerNode = repo.putObject("owner");
        ownerNode.put("name", owner).put("login", owner).put("id", 42).put("type", "Organization")
                .put("url", "https://api.github.com/users/" + owner).put("html_url", "https://github.com/" + owner);
        repo.put("html_url", "https://github.com/" + repository).put("description", "br bench server")
                .put("fork", false).put("url", api);
        for (String f : URL_FIELDS) {
            repo.put(f + "_url", api + "/" + f.replace('_', '/') + "{/sha}");
        }
        repo.put("created_at", 1_700_000_000).put("pushed_at", 1_700_000_000 + i)
                .put("git_url", "git://github.com/" + repository + ".git")
                .put("ssh_url", "git@github.com:" + repository + ".git").put("clone_url", cloneUrl)
                .put("svn_url", "https://github.com/" + repository).put("size", 120).put("language", "Java")
                .put("default_branch", "main").put("master_branch", "main").put("visibility", "public");
        root.putObject("pusher").put("name", "bench").put("email", "bench@example.com");
        root.putObject("sender").put("login", "bench").put("id", 7).put("type", "User");
        root.put("created", false).put("deleted", false).put("forced", false).putNull("base_ref")
                .put("compare", "https://github.com/" + repository + "/compare/" + before.substring(0, 12) + "..."
                        + after.substring(0, 12));
        ArrayNode commits = root.putArray("commits");
        ObjectNode commit = commits.addObject();
        commit.put("id", after).put("tree_id", commitId("tree " + i)).put("distinct", true)
                .put("message", "Edit one feature of the spec (bench delivery " + i + ")")
                .put("timestamp", "2026-11-23T08:00:00Z").put("url", "https://github.com/" + repository + "/commit/" + after);
        commit.putObject("author").put("name", "Bench").put("email", "bench@example.com").put("username", "bench");
        commit.putObject("committer").put("name", "Bench").put("email", "bench@example.com").put("username", "bench");
        commit.putArray("added");
        commit.putArray("removed");
        commit.putArray("modified").add(".buildrunner/PROJECT_SPEC.md");
        root.set("head_commit", commit.deepCopy());
        try {
            return json.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a push payload", e);
        }
    }

    /** A 40-hex id derived from a label (SHA-1, like a commit id; not a real object). */
    private static String commitId(String label) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(label.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }

    /** GitHub's {@code X-Hub-Signature-256} value without its prefix: HMAC-SHA256 of the body, hex. */
    private String hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
