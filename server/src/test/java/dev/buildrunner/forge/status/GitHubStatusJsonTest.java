package dev.buildrunner.forge.status;

import dev.buildrunner.support.RetryPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GitHub's response shapes: compared with the recorded octokit exchange ({@code
 * create-status.normalized-fixture.json}) and validated against the contract schemas.
 */
class GitHubStatusJsonTest {
    private static final String LIST = "github/list-commit-statuses.response.schema.json";
    private static final String COMBINED = "github/combined-commit-status.response.schema.json";
    private static final String STATUS = "github/commit-status.response.schema.json";
    private static final String ERROR = "github/validation-error.response.schema.json";

    private final ContractSchemas schemas = new ContractSchemas();
    private final JsonNode fixture = ContractSchemas.resource("github/examples/create-status.normalized-fixture.json");
    private final RepoCoordinates fixtureRepo = RepoCoordinates.parse("octokit-fixture-org/create-status");
    private final GitHubStatusJson github = new GitHubStatusJson("https://api.github.com", "https://github.com", false);

    @TempDir
    Path tmp;

    @Test
    void theRecordedBodiesThemselvesPassTheSchemas() {
        assertThat(schemas.errors(STATUS, fixture.get(0).get("response"))).isEmpty();
        assertThat(schemas.errors(STATUS, fixture.get(1).get("response"))).isEmpty();
        assertThat(schemas.errors(LIST, fixture.get(2).get("response"))).isEmpty();
        assertThat(schemas.errors(COMBINED, fixture.get(3).get("response"))).isEmpty();
        assertThat(schemas.errors(ERROR, ContractSchemas.resource("github/examples/errors.normalized-fixture.json")
                .get(0).get("response"))).isEmpty();
    }

    @Test
    void theListMatchesGitHubsRecordedListApartFromIdsAndAvatars() throws Exception {
        List<CommitStatus> newestFirst = List.of(fromFixture(1), fromFixture(0));
        JsonNode ours = ContractSchemas.JSON.readTree(github.list(fixtureRepo, newestFirst));
        JsonNode theirs = fixture.get(2).get("response").deepCopy();

        assertThat(schemas.errors(LIST, ours)).isEmpty();
        assertThat(withoutServerSpecifics(ours)).isEqualTo(withoutServerSpecifics(theirs));
        assertThat(ours.get(0).get("url").asText()).isEqualTo(
                "https://api.github.com/repos/octokit-fixture-org/create-status/statuses/"
                        + "0000000000000000000000000000000000000001");
    }

    @Test
    void theCombinedStatusMatchesGitHubsRecordedOneFailurePlusSuccessIsFailure() throws Exception {
        // posted in the recorded order: example/1 failure (id 1000), then example/2 success (id 1001)
        CombinedStatus combined = CombinedStatus.of("0000000000000000000000000000000000000001",
                List.of(fromFixture(1), fromFixture(0)));
        JsonNode ours = ContractSchemas.JSON.readTree(github.combined(fixtureRepo, combined));
        JsonNode theirs = fixture.get(3).get("response").deepCopy();

        assertThat(schemas.errors(COMBINED, ours)).isEmpty();
        assertThat(ours.get("state").asText()).isEqualTo("failure").isEqualTo(theirs.get("state").asText());
        assertThat(ours.get("statuses").get(0).has("creator")).isFalse();
        assertThat(withoutServerSpecifics(ours)).isEqualTo(withoutServerSpecifics(theirs));
    }

    @Test
    void theCreateBodyMatchesGitHubsRecorded201() throws Exception {
        for (int i = 0; i < 2; i++) {
            JsonNode ours = ContractSchemas.JSON.readTree(github.created(fixtureRepo, fromFixture(i)));
            assertThat(schemas.errors(STATUS, ours)).isEmpty();
            assertThat(withoutServerSpecifics(ours)).isEqualTo(withoutServerSpecifics(fixture.get(i).get("response")
                    .deepCopy()));
        }
        assertThat(github.statusUrl(fixtureRepo, "0000000000000000000000000000000000000001")).isEqualTo(
                fixture.get(0).get("headers").get("location").asText());
    }

    @Test
    void bodiesRenderedFromTheNotesStorePassTheSchemas() throws Exception {
        try (Repository repo = TestRepos.bare(tmp.resolve("r.git"))) {
            String sha = TestRepos.commit(repo, "spec").name();
            NoteStatusStore store = new NoteStatusStore(repo, new ManualClock(Instant.parse("2026-11-22T09:30:15.5Z")),
                    new ReentrantLock(), RetryPolicy.immediate(3));
            CommitStatus pending = store.post(sha, StatusRequest.of(StatusState.PENDING, "buildrunner/spec", null), "br");
            store.post(sha, new StatusRequest(StatusState.ERROR, "buildrunner/plan", "planner crashed \uD83D\uDCA5",
                    "http://127.0.0.1:7070/api/repos/acme/app/plan"), "br");
            store.post(sha, new StatusRequest(StatusState.SUCCESS, "buildrunner/spec", "spec OK", null), "br");
            GitHubStatusJson embedded = new GitHubStatusJson("http://127.0.0.1:7070/api/", "http://127.0.0.1:7070", true);
            RepoCoordinates repoName = new RepoCoordinates("acme", "app");

            JsonNode list = ContractSchemas.JSON.readTree(embedded.list(repoName, store.list(sha)));
            JsonNode combined = ContractSchemas.JSON.readTree(embedded.combined(repoName, store.combined(sha)));
            JsonNode created = ContractSchemas.JSON.readTree(embedded.created(repoName, pending));

            assertThat(schemas.errors(LIST, list)).isEmpty();
            assertThat(schemas.errors(COMBINED, combined)).isEmpty();
            assertThat(schemas.errors(STATUS, created)).isEmpty();
            assertThat(list).hasSize(3);
            assertThat(list.get(0).get("state").asText()).isEqualTo("success");
            assertThat(list.get(2).get("description").isNull()).isTrue();
            assertThat(list.get(1).get("description").asText()).isEqualTo("planner crashed ");
            assertThat(list.get(0).get("created_at").asText()).isEqualTo("2026-11-22T09:30:15Z");
            assertThat(list.get(0).get("url").asText()).isEqualTo("http://127.0.0.1:7070/api/repos/acme/app/statuses/" + sha);
            assertThat(combined.get("state").asText()).isEqualTo("failure");
            assertThat(combined.get("total_count").asInt()).isEqualTo(2);
            assertThat(combined.get("repository").get("full_name").asText()).isEqualTo("acme/app");
            assertThat(combined.get("repository").get("private").asBoolean()).isTrue();
            assertThat(combined.get("url").asText()).isEqualTo(
                    "http://127.0.0.1:7070/api/repos/acme/app/commits/" + sha + "/status");
        }
    }

    @Test
    void theValidatorAssertsFormatsAndRequiredFields() throws Exception {
        ObjectNode combined = (ObjectNode) fixture.get(3).get("response").deepCopy();
        ((ObjectNode) combined.get("statuses").get(0)).put("target_url", "not a uri");
        List<Error> formatErrors = schemas.errors(COMBINED, combined);
        assertThat(formatErrors).isNotEmpty().anyMatch(e -> "format".equals(e.getKeyword()));

        ObjectNode warning = (ObjectNode) fixture.get(3).get("response").deepCopy();
        warning.put("state", "warning");
        assertThat(schemas.errors(COMBINED, warning)).anyMatch(e -> "enum".equals(e.getKeyword()));

        ArrayNode list = (ArrayNode) fixture.get(2).get("response").deepCopy();
        ((ObjectNode) list.get(0)).remove("creator");
        assertThat(schemas.errors(LIST, list)).anyMatch(e -> "required".equals(e.getKeyword()));

        ObjectNode request = ContractSchemas.JSON.createObjectNode().put("state", "success").put("target_url", "::");
        assertThat(schemas.errors("github/create-commit-status.request.schema.json", request))
                .anyMatch(e -> "format".equals(e.getKeyword()));
    }

    @Test
    void validationErrorsHaveGitHubsShape() throws Exception {
        String limits = github.validationFailed(StatusLimits.violations(new StatusRequest(StatusState.SUCCESS,
                "c".repeat(300), "d".repeat(141), null)));
        String max = github.rejected(new StatusRejectedException(StatusRejectedException.Reason.MAX_STATUSES,
                StatusLimits.MAX_STATUSES_MESSAGE));
        JsonNode recorded = ContractSchemas.resource("github/examples/errors.normalized-fixture.json").get(0)
                .get("response");

        for (String body : List.of(limits, max)) {
            JsonNode n = ContractSchemas.JSON.readTree(body);
            assertThat(schemas.errors(ERROR, n)).isEmpty();
            assertThat(n.get("message").asText()).isEqualTo(recorded.get("message").asText());
            assertThat(n.get("errors").get(0).get("resource").asText()).isEqualTo("Status");
        }
        assertThat(ContractSchemas.JSON.readTree(limits).get("errors")).hasSize(2);
        assertThat(ContractSchemas.JSON.readTree(max).get("errors").get(0).get("message").asText())
                .isEqualTo("This SHA and context has reached the maximum number of statuses.");
    }

    @Test
    void nodeIdsUseGitHubsLegacyEncoding() {
        // the OpenAPI's own example for user 1 is MDQ6VXNlcjE= ("04:User1")
        assertThat(GitHubStatusJson.nodeId("User", 1)).isEqualTo("MDQ6VXNlcjE=");
        assertThat(GitHubStatusJson.nodeId("Status", 1)).isEqualTo("MDY6U3RhdHVzMQ==");
        assertThat(GitHubStatusJson.stableId("Repository:acme/app")).isEqualTo(
                GitHubStatusJson.stableId("Repository:acme/app")).isPositive().isLessThan(1L << 48);
    }

    /** The status posted by fixture entry {@code i} (0 or 1), as the store would hold it. */
    private CommitStatus fromFixture(int i) {
        JsonNode r = fixture.get(i).get("response");
        String sha = fixture.get(i).get("path").asText().replaceAll(".*/", "");
        return new CommitStatus(r.get("id").asLong(), sha, StatusState.fromJson(r.get("state").asText()).orElseThrow(),
                r.get("context").asText(), r.get("description").asText(), r.get("target_url").asText(),
                Instant.parse(r.get("created_at").asText()), Instant.parse(r.get("updated_at").asText()),
                r.get("creator").get("login").asText());
    }

    /**
     * The body without what differs between github.com and BuildRunner by construction: numeric
     * and node ids of users and repositories, avatars (GitHub's CDN), the owner's account type and
     * the status's node id (the fixture normalises them all to one value).
     */
    private static JsonNode withoutServerSpecifics(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            o.remove(List.of("avatar_url", "node_id"));
            if (o.has("login")) {
                o.remove(List.of("id", "type"));
            }
            if (o.has("full_name")) {
                o.remove("id");
            }
            o.forEach(GitHubStatusJsonTest::withoutServerSpecifics);
        } else if (node.isArray()) {
            node.forEach(GitHubStatusJsonTest::withoutServerSpecifics);
        }
        return node;
    }
}
