package dev.buildrunner.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded git host end to end with the real {@code git} client: create a repository over the
 * API, clone it, push a real spec, read the plan back with git and the API.
 */
class EmbeddedPushTest {
    private static final String TOKEN = "test-token-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private BuildRunnerServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        server = BuildRunnerServer.start(ServerConfig.embedded(tmp.resolve("data"), "127.0.0.1", 0, Optional.empty())
                        .withAnalysers(java.util.List.of()), // spec and plan only: EmbeddedAnalysisTest has the rest
                new AdminToken(TOKEN, false), Clock.systemUTC());
    }

    /** The statuses of a commit through the GitHub-shaped API, oldest first: "sha context state description". */
    private List<String> statuses(String sha) throws Exception {
        JsonNode list = JSON.readTree(api("GET", "/api/repos/acme/shop/commits/" + sha + "/statuses", null, TOKEN).body());
        List<String> out = new ArrayList<>();
        list.forEach(s -> out.add(0, sha + " " + s.get("context").asText() + " " + s.get("state").asText() + " "
                + s.get("description").asText()));
        return out;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> api(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=Pusher", "-c", "user.email=pusher@example.com",
                "-c", "init.defaultBranch=main", "-c", "credential.helper="));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("GIT_TERMINAL_PROMPT", "0");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("git " + String.join(" ", args) + " failed:\n" + out);
        }
        return out;
    }

    static String resource(String path) throws IOException {
        try (var in = EmbeddedPushTest.class.getResourceAsStream("/specs/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void healthNeedsNoTokenButTheApiDoes() throws Exception {
        assertThat(api("GET", "/healthz", null, null).statusCode()).isEqualTo(200);
        HttpResponse<String> denied = api("GET", "/api/repos", null, null);
        assertThat(denied.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(denied.body()).get("message").asText()).contains("Bearer");
        assertThat(api("GET", "/api/repos", null, "wrong-token-wrong-token").statusCode()).isEqualTo(401);
    }

    @Test
    void openApiDocumentIsPublicAndListsTheRoutes() throws Exception {
        HttpResponse<String> r = api("GET", "/api/openapi.json", null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode doc = JSON.readTree(r.body());
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        List<String> paths = new ArrayList<>();
        doc.get("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths).contains("/healthz", "/api/repos", "/api/repos/{owner}/{name}/plan",
                "/api/repos/{owner}/{name}/prd/current", "/api/repos/{owner}/{name}/prd/update",
                "/api/repos/{owner}/{name}/prd/versions", "/api/repos/{owner}/{name}/prd/rollback",
                "/api/repos/{owner}/{name}/stream");
    }

    @Test
    void createRepositoryAnswers201Then409AndNamesBadFields() throws Exception {
        HttpResponse<String> created = api("POST", "/api/repos", "{\"owner\":\"acme\",\"name\":\"shop\"}", TOKEN);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).get("cloneUrl").asText()).endsWith("/git/acme/shop.git");
        assertThat(api("POST", "/api/repos", "{\"owner\":\"acme\",\"name\":\"shop\"}", TOKEN).statusCode()).isEqualTo(409);
        HttpResponse<String> bad = api("POST", "/api/repos", "{\"owner\":\"acme\",\"name\":\"../x\"}", TOKEN);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("field").asText()).isEqualTo("name");
        HttpResponse<String> missing = api("POST", "/api/repos", "{\"owner\":\"acme\"}", TOKEN);
        assertThat(JSON.readTree(missing.body()).get("field").asText()).isEqualTo("name");
    }

    @Test
    void pushOfARealSpecCommitsThePlanAndReportsInThePushOutput() throws Exception {
        api("POST", "/api/repos", "{\"owner\":\"acme\",\"name\":\"shop\"}", TOKEN);
        String url = "http://pusher:" + TOKEN + "@127.0.0.1:" + server.port() + "/git/acme/shop.git";
        Path work = tmp.resolve("work");
        git(tmp, "clone", "-q", url, work.toString());
        Files.createDirectories(work.resolve(".buildrunner"));
        Files.writeString(work.resolve(".buildrunner/PROJECT_SPEC.md"), resource("project-spec/br3-PROJECT_SPEC_BUILD_3A.md"));
        git(work, "add", "-A");
        git(work, "commit", "-q", "-m", "Add the spec");
        String sha = git(work, "rev-parse", "HEAD").strip();

        String push = git(work, "push", "origin", "main");

        assertThat(push).contains("remote: buildrunner: refs/heads/main: spec OK (4 features)");
        git(work, "fetch", "-q", "origin", "buildrunner");
        String log = git(work, "log", "--format=%B", "FETCH_HEAD");
        assertThat(log).contains("BuildRunner-Event: sync").contains("Source-Commit: " + sha).contains("Author: pusher");
        assertThat(statuses(sha)).contains(sha + " buildrunner/spec pending reading .buildrunner/PROJECT_SPEC.md")
                .anyMatch(s -> s.startsWith(sha + " buildrunner/spec success spec OK: 4 features"))
                .anyMatch(s -> s.startsWith(sha + " buildrunner/plan success 4 features, "));
        JsonNode plan = JSON.readTree(api("GET", "/api/repos/acme/shop/plan", null, TOKEN).body());
        assertThat(plan.get("tasks").size()).isGreaterThan(20);
        // every target_url of the statuses answers with its report
        JsonNode listed = JSON.readTree(api("GET", "/api/repos/acme/shop/commits/" + sha + "/statuses", null, TOKEN).body());
        for (JsonNode s : listed) {
            String target = s.get("target_url").asText();
            assertThat(target).startsWith("http://localhost:" + server.port() + "/api/repos/acme/shop/");
            HttpResponse<String> report = api("GET", target.substring(target.indexOf("/api/")), null, TOKEN);
            assertThat(report.statusCode()).as(target).isEqualTo(200);
        }
        assertThat(JSON.readTree(api("GET", "/api/repos/acme/shop/commits/" + sha + "/spec", null, TOKEN).body())
                .get("features")).hasSize(4);

        // A broken spec: failure with the line, the previous plan intact.
        String stateBefore = git(work, "ls-remote", "origin", "refs/heads/buildrunner").split("\\s")[0];
        Files.writeString(work.resolve(".buildrunner/PROJECT_SPEC.md"), "# Broken\n\nno features here\n");
        git(work, "commit", "-q", "-am", "Break the spec");
        String broken = git(work, "rev-parse", "HEAD").strip();
        String push2 = git(work, "push", "origin", "main");
        assertThat(push2).contains("remote: buildrunner: refs/heads/main: spec has 1 error");
        assertThat(statuses(broken)).anyMatch(s -> s.startsWith(broken + " buildrunner/spec failure line "));
        JsonNode combined = JSON.readTree(api("GET", "/api/repos/acme/shop/commits/main/status", null, TOKEN).body());
        assertThat(combined.get("state").asText()).isEqualTo("failure");
        assertThat(combined.get("sha").asText()).isEqualTo(broken);
        assertThat(JSON.readTree(api("GET", "/api/repos/acme/shop/commits/" + sha + "/status", null, TOKEN).body())
                .get("state").asText()).isEqualTo("success");
        assertThat(git(work, "ls-remote", "origin", "refs/heads/buildrunner").split("\\s")[0]).isEqualTo(stateBefore);
    }

    @Test
    void anonymousPushIsRefusedAndChangesNothing() throws Exception {
        api("POST", "/api/repos", "{\"owner\":\"acme\",\"name\":\"shop\"}", TOKEN);
        String base = "127.0.0.1:" + server.port() + "/git/acme/shop.git";
        Path work = tmp.resolve("work");
        git(tmp, "clone", "-q", "http://pusher:" + TOKEN + "@" + base, work.toString());
        Files.writeString(work.resolve("README.md"), "hello\n");
        git(work, "add", "-A");
        git(work, "commit", "-q", "-m", "hello");

        ProcessBuilder pb = new ProcessBuilder("git", "-c", "credential.helper=", "push", "http://" + base, "main")
                .directory(work.toFile()).redirectErrorStream(true);
        pb.environment().put("GIT_TERMINAL_PROMPT", "0");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor()).as(out).isNotZero();
        assertThat(git(work, "ls-remote", "origin")).doesNotContain("refs/heads/main");
        HttpResponse<String> raw = api("GET", "/git/acme/shop.git/info/refs?service=git-receive-pack", null, null);
        assertThat(raw.statusCode()).isEqualTo(401);
        assertThat(raw.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(api("GET", "/git/acme/shop.git/info/refs?service=git-receive-pack", null, "not-the-token-at-all")
                .statusCode()).isEqualTo(401);
    }

    @Test
    void prdApiEditsTheSpecWithOptimisticConcurrencyAndRollsBack() throws Exception {
        api("POST", "/api/repos", "{\"owner\":\"acme\",\"name\":\"shop\"}", TOKEN);
        Path work = tmp.resolve("work");
        git(tmp, "clone", "-q", "http://pusher:" + TOKEN + "@127.0.0.1:" + server.port() + "/git/acme/shop.git", work.toString());
        Files.createDirectories(work.resolve(".buildrunner"));
        String sample = resource("project-spec/br3-examples-SAMPLE_SPEC.md");
        Files.writeString(work.resolve(".buildrunner/PROJECT_SPEC.md"), sample);
        git(work, "add", "-A");
        git(work, "commit", "-q", "-m", "Add the spec");
        git(work, "push", "-q", "origin", "main");

        HttpResponse<String> current = api("GET", "/api/repos/acme/shop/prd/current", null, TOKEN);
        assertThat(current.statusCode()).isEqualTo(200);
        JsonNode c = JSON.readTree(current.body());
        assertThat(c.get("text").asText()).isEqualTo(sample);
        assertThat(c.get("spec").get("features")).hasSize(3);
        String blob = c.get("blobId").asText();
        assertThat(current.headers().firstValue("ETag")).hasValue("\"" + blob + "\"");

        String edited = sample.replace("- Privacy settings\n", "- Privacy settings\n- Profile export as JSON\n");
        String body = JSON.writeValueAsString(java.util.Map.of("text", edited, "message", "Export profiles"));
        HttpResponse<String> noMatch = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/api/repos/acme/shop/prd/update")).header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noMatch.statusCode()).isEqualTo(428);
        HttpResponse<String> stale = update(body, "0123456789012345678901234567890123456789");
        assertThat(stale.statusCode()).isEqualTo(409);
        HttpResponse<String> ok = update(body, blob);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        JsonNode edit = JSON.readTree(ok.body());
        assertThat(edit.get("report").toString()).contains("1 feature changed");
        git(work, "pull", "-q", "origin", "main");
        assertThat(Files.readString(work.resolve(".buildrunner/PROJECT_SPEC.md"))).isEqualTo(edited);
        assertThat(git(work, "log", "-1", "--format=%s")).contains("Export profiles");
        assertThat(update(body, blob).statusCode()).as("the old blob id is stale now").isEqualTo(409);

        JsonNode versions = JSON.readTree(api("GET", "/api/repos/acme/shop/prd/versions", null, TOKEN).body());
        assertThat(versions).hasSize(2);
        HttpResponse<String> rolled = api("POST", "/api/repos/acme/shop/prd/rollback", "{\"version\":1}", TOKEN);
        assertThat(rolled.statusCode()).as(rolled.body()).isEqualTo(200);
        git(work, "pull", "-q", "origin", "main");
        assertThat(Files.readString(work.resolve(".buildrunner/PROJECT_SPEC.md"))).isEqualTo(sample);
        JsonNode tasks = JSON.readTree(api("GET", "/api/repos/acme/shop/tasks", null, TOKEN).body());
        assertThat(tasks.toString()).contains("cancelled");
    }

    private HttpResponse<String> update(String body, String ifMatch) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/api/repos/acme/shop/prd/update")).header("Authorization", "Bearer " + TOKEN)
                .header("If-Match", "\"" + ifMatch + "\"").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void parseNaturalLanguagePreviewsThenApplies() throws Exception {
        api("POST", "/api/repos", "{\"owner\":\"acme\",\"name\":\"shop\"}", TOKEN);
        Path work = tmp.resolve("work");
        git(tmp, "clone", "-q", "http://pusher:" + TOKEN + "@127.0.0.1:" + server.port() + "/git/acme/shop.git", work.toString());
        Files.createDirectories(work.resolve(".buildrunner"));
        Files.writeString(work.resolve(".buildrunner/PROJECT_SPEC.md"), resource("project-spec/br3-examples-SAMPLE_SPEC.md"));
        git(work, "add", "-A");
        git(work, "commit", "-q", "-m", "Add the spec");
        git(work, "push", "-q", "origin", "main");
        String blob = JSON.readTree(api("GET", "/api/repos/acme/shop/prd/current", null, TOKEN).body()).get("blobId").asText();
        String instruction = "{\"text\":\"add requirement \\\"Audit log of role changes\\\" to role-based access control\"}";

        JsonNode preview = JSON.readTree(api("POST", "/api/repos/acme/shop/prd/parse-nl", instruction, TOKEN).body());

        assertThat(preview.get("applicable").asBoolean()).as(preview.toString()).isTrue();
        assertThat(preview.get("edits").get(0).get("kind").asText()).isEqualTo("add-requirement");
        assertThat(preview.get("edits").get(0).get("featureId").asText()).isEqualTo("role-based-access-control");
        assertThat(preview.get("diff").get("modified").get(0).get("fields").toString()).isEqualTo("[\"requirements\"]");
        assertThat(JSON.readTree(api("GET", "/api/repos/acme/shop/prd/current", null, TOKEN).body())
                .get("blobId").asText()).as("a preview writes nothing").isEqualTo(blob);
        JsonNode unknown = JSON.readTree(api("POST", "/api/repos/acme/shop/prd/parse-nl",
                "{\"text\":\"make it better\"}", TOKEN).body());
        assertThat(unknown.get("applicable").asBoolean()).isFalse();
        assertThat(unknown.get("diagnostics").get(0).get("message").asText()).contains("add feature NAME");

        String apply = instruction.replace("}", ",\"apply\":true}");
        HttpResponse<String> applied = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/api/repos/acme/shop/prd/parse-nl")).header("Authorization", "Bearer " + TOKEN)
                .header("If-Match", blob).POST(HttpRequest.BodyPublishers.ofString(apply)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        git(work, "pull", "-q", "origin", "main");
        assertThat(Files.readString(work.resolve(".buildrunner/PROJECT_SPEC.md"))).contains("- Audit log of role changes\n");
    }

    /**
     * Git-native sync: a task marked done with {@code br task done} in a clone and pushed on the
     * {@code buildrunner} branch survives the next spec push; only the edited feature's tasks change;
     * a feature branch gets statuses but does not move the plan.
     */
    @Test
    void doneWorkPushedOnTheStateBranchSurvivesASpecEditAndFeatureBranchesDoNotMoveThePlan() throws Exception {
        api("POST", "/api/repos", "{\"owner\":\"acme\",\"name\":\"shop\"}", TOKEN);
        Path work = tmp.resolve("work");
        git(tmp, "clone", "-q", "http://pusher:" + TOKEN + "@127.0.0.1:" + server.port() + "/git/acme/shop.git", work.toString());
        git(work, "config", "user.name", "Dev");
        git(work, "config", "user.email", "dev@example.com");
        Files.createDirectories(work.resolve(".buildrunner"));
        String sample = resource("project-spec/br3-examples-SAMPLE_SPEC.md");
        Files.writeString(work.resolve(".buildrunner/PROJECT_SPEC.md"), sample);
        git(work, "add", "-A");
        git(work, "commit", "-q", "-m", "Add the spec");
        git(work, "push", "-q", "origin", "main");

        // Finish one task locally with br and push the state branch back.
        git(work, "fetch", "-q", "origin", "buildrunner:buildrunner");
        dev.buildrunner.cli.Main.run("task", "list", "-C", work.toString());
        JsonNode before = JSON.readTree(api("GET", "/api/repos/acme/shop/tasks", null, TOKEN).body());
        String doneId = null;
        for (JsonNode t : before) {
            if (t.get("featureId").asText().equals("user-authentication")) {
                doneId = t.get("id").asText();
                break;
            }
        }
        assertThat(dev.buildrunner.cli.Main.run("task", "done", doneId, "-C", work.toString())).isZero();
        git(work, "push", "-q", "origin", "buildrunner");

        // A feature branch: statuses, but the plan does not move.
        git(work, "checkout", "-q", "-b", "idea");
        Files.writeString(work.resolve(".buildrunner/PROJECT_SPEC.md"), sample.replace("- Role assignment\n", ""));
        git(work, "commit", "-q", "-am", "Try dropping role assignment");
        String idea = git(work, "rev-parse", "HEAD").strip();
        String statePushed = git(work, "ls-remote", "origin", "refs/heads/buildrunner").split("\\s")[0];
        String ideaPush = git(work, "push", "origin", "idea");
        assertThat(ideaPush).contains("is not tracked").contains("1 feature would change");
        assertThat(statuses(idea)).anyMatch(s -> s.contains("buildrunner/plan success not tracked"));
        assertThat(git(work, "ls-remote", "origin", "refs/heads/buildrunner").split("\\s")[0]).isEqualTo(statePushed);

        // Edit one feature on main: only its tasks change, the done task stays done.
        git(work, "checkout", "-q", "main");
        Files.writeString(work.resolve(".buildrunner/PROJECT_SPEC.md"),
                sample.replace("- Privacy settings\n", "- Privacy settings\n- Profile export as JSON\n"));
        git(work, "commit", "-q", "-am", "Export profiles");
        git(work, "push", "-q", "origin", "main");
        JsonNode after = JSON.readTree(api("GET", "/api/repos/acme/shop/tasks", null, TOKEN).body());
        java.util.Map<String, JsonNode> was = new java.util.HashMap<>();
        JsonNode doneBefore = JSON.readTree(api("GET", "/api/repos/acme/shop/prd/versions", null, TOKEN).body());
        assertThat(doneBefore.get(0).get("event").asText()).isEqualTo("sync");
        assertThat(doneBefore.get(1).get("event").asText()).isEqualTo("task-done");
        for (JsonNode t : before) {
            was.put(t.get("id").asText(), t);
        }
        int changed = 0;
        for (JsonNode t : after) {
            JsonNode old = was.get(t.get("id").asText());
            if (t.get("id").asText().equals(doneId)) {
                assertThat(t.get("status").asText()).isEqualTo("done");
            } else if (old == null || !old.equals(t)) {
                assertThat(t.get("featureId").asText()).as(t.toString()).isEqualTo("user-profile-management");
                changed++;
            }
        }
        assertThat(changed).isPositive();
    }
}
