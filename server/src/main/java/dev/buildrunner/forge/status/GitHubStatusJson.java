package dev.buildrunner.forge.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Renders the embedded server's status API in GitHub's exact response shapes, so GitHub clients
 * read it unchanged: the list ({@code GET /api/repos/OWNER/NAME/commits/REF/statuses}, schema
 * {@code list-commit-statuses}), the combined status ({@code .../status}, schema {@code
 * combined-commit-status} with a {@code minimal-repository}), the 201 body of a create (schema
 * {@code commit-status}) and the 422 {@code Validation Failed} body. Shapes from @octokit/openapi
 * 23.0.2 and the recorded octokit fixture {@code create-status} (contracts README).
 *
 * <p>URLs follow GitHub's with {@code https://api.github.com} replaced by the API base and
 * {@code https://github.com} by the web base, e.g. a status's {@code url} is {@code
 * {api}/repos/OWNER/NAME/statuses/SHA}. Avatars are {@code {web}/LOGIN.png} (GitHub's own
 * avatar shortcut). Numeric ids of users and repositories are derived from their names (first 48
 * bits of SHA-256, stable across restarts); {@code node_id}s use GitHub's legacy form, base64 of
 * {@code "06:Status" + id}. Timestamps are ISO-8601 UTC seconds with {@code Z}.
 *
 * <p>Immutable and thread-safe; each method returns compact JSON text.
 */
public final class GitHubStatusJson {
    /** {@code documentation_url} of 422 bodies: GitHub's page of the create-status operation. */
    public static final String CREATE_STATUS_DOCS = "https://docs.github.com/rest/commits/statuses#create-a-commit-status";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String api;
    private final String web;
    private final boolean privateRepositories;

    /**
     * @param apiBaseUrl the base of the API routes without a trailing slash, e.g. {@code
     *     http://localhost:7070/api} (GitHub: {@code https://api.github.com})
     * @param webBaseUrl the base of the web pages, e.g. {@code http://localhost:7070} (GitHub:
     *     {@code https://github.com})
     * @param privateRepositories the {@code private} flag of every repository (the embedded
     *     server requires a token for every read, so its repositories are private)
     */
    public GitHubStatusJson(String apiBaseUrl, String webBaseUrl, boolean privateRepositories) {
        this.api = stripSlash(Objects.requireNonNull(apiBaseUrl, "apiBaseUrl"));
        this.web = stripSlash(Objects.requireNonNull(webBaseUrl, "webBaseUrl"));
        this.privateRepositories = privateRepositories;
    }

    /**
     * The body of {@code GET .../commits/REF/statuses}: the given statuses in the given order
     * (the store lists newest first), each with its {@code creator}.
     */
    public String list(RepoCoordinates repo, List<CommitStatus> statuses) {
        ArrayNode array = MAPPER.createArrayNode();
        for (CommitStatus s : statuses) {
            array.add(status(repo, s, true));
        }
        return write(array);
    }

    /** The 201 body of {@code POST .../statuses/SHA}: one status with its {@code creator}. */
    public String created(RepoCoordinates repo, CommitStatus status) {
        return write(status(repo, status, true));
    }

    /**
     * The body of {@code GET .../commits/REF/status}: state, the latest status of each context
     * (without {@code creator}, as GitHub), sha, total_count, repository, commit_url and url.
     */
    public String combined(RepoCoordinates repo, CombinedStatus combined) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("state", combined.state().json());
        ArrayNode statuses = o.putArray("statuses");
        for (CommitStatus s : combined.statuses()) {
            statuses.add(status(repo, s, false));
        }
        o.put("sha", combined.sha());
        o.put("total_count", combined.totalCount());
        o.set("repository", repository(repo));
        String commitUrl = repoUrl(repo) + "/commits/" + combined.sha();
        o.put("commit_url", commitUrl);
        o.put("url", commitUrl + "/status");
        return write(o);
    }

    /**
     * The URL of a commit's statuses, {@code {api}/repos/OWNER/NAME/statuses/SHA}: every status's
     * {@code url} and the {@code Location} header of a 201.
     */
    public String statusUrl(RepoCoordinates repo, String sha) {
        return repoUrl(repo) + "/statuses/" + sha;
    }

    /** GitHub's 422 body for broken limits: message {@code Validation Failed} and one error per violation. */
    public String validationFailed(List<StatusLimits.Violation> violations) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("message", "Validation Failed");
        ArrayNode errors = o.putArray("errors");
        for (StatusLimits.Violation v : violations) {
            ObjectNode e = errors.addObject();
            e.put("resource", "Status");
            e.put("code", v.code());
            e.put("field", v.field());
            e.put("message", v.message());
        }
        o.put("documentation_url", CREATE_STATUS_DOCS);
        return write(o);
    }

    /** GitHub's 422 body for a refused write (e.g. the 1001st status of a context). */
    public String rejected(StatusRejectedException e) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("message", "Validation Failed");
        ObjectNode error = o.putArray("errors").addObject();
        error.put("resource", "Status");
        error.put("code", "custom");
        error.put("message", e.getMessage());
        o.put("documentation_url", CREATE_STATUS_DOCS);
        return write(o);
    }

    private ObjectNode status(RepoCoordinates repo, CommitStatus s, boolean withCreator) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("url", statusUrl(repo, s.sha()));
        o.put("avatar_url", avatarUrl(s.creator()));
        o.put("id", s.id());
        o.put("node_id", nodeId("Status", s.id()));
        o.put("state", s.state().json());
        o.put("description", s.description());
        o.put("target_url", s.targetUrl());
        o.put("context", s.context());
        o.put("created_at", timestamp(s.createdAt()));
        o.put("updated_at", timestamp(s.updatedAt()));
        if (withCreator) {
            o.set("creator", user(s.creator(), "User"));
        }
        return o;
    }

    private ObjectNode user(String login, String type) {
        String url = api + "/users/" + segment(login);
        ObjectNode o = MAPPER.createObjectNode();
        long id = stableId(type + ":" + login);
        o.put("login", login);
        o.put("id", id);
        o.put("node_id", nodeId(type, id));
        o.put("avatar_url", avatarUrl(login));
        o.put("gravatar_id", "");
        o.put("url", url);
        o.put("html_url", web + "/" + segment(login));
        o.put("followers_url", url + "/followers");
        o.put("following_url", url + "/following{/other_user}");
        o.put("gists_url", url + "/gists{/gist_id}");
        o.put("starred_url", url + "/starred{/owner}{/repo}");
        o.put("subscriptions_url", url + "/subscriptions");
        o.put("organizations_url", url + "/orgs");
        o.put("repos_url", url + "/repos");
        o.put("events_url", url + "/events{/privacy}");
        o.put("received_events_url", url + "/received_events");
        o.put("type", type);
        o.put("site_admin", false);
        return o;
    }

    /** GitHub's minimal-repository, with the keys GitHub returns in the recorded fixture, in its order. */
    private ObjectNode repository(RepoCoordinates repo) {
        String url = repoUrl(repo);
        long id = stableId("Repository:" + repo.path());
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", id);
        o.put("node_id", nodeId("Repository", id));
        o.put("name", repo.name());
        o.put("full_name", repo.path());
        o.put("private", privateRepositories);
        o.set("owner", user(repo.owner(), "User"));
        o.put("html_url", web + "/" + pathSegments(repo));
        o.putNull("description");
        o.put("fork", false);
        o.put("url", url);
        String[][] links = {
            {"forks_url", "/forks"}, {"keys_url", "/keys{/key_id}"},
            {"collaborators_url", "/collaborators{/collaborator}"}, {"teams_url", "/teams"},
            {"hooks_url", "/hooks"}, {"issue_events_url", "/issues/events{/number}"}, {"events_url", "/events"},
            {"assignees_url", "/assignees{/user}"}, {"branches_url", "/branches{/branch}"}, {"tags_url", "/tags"},
            {"blobs_url", "/git/blobs{/sha}"}, {"git_tags_url", "/git/tags{/sha}"},
            {"git_refs_url", "/git/refs{/sha}"}, {"trees_url", "/git/trees{/sha}"},
            {"statuses_url", "/statuses/{sha}"}, {"languages_url", "/languages"},
            {"stargazers_url", "/stargazers"}, {"contributors_url", "/contributors"},
            {"subscribers_url", "/subscribers"}, {"subscription_url", "/subscription"},
            {"commits_url", "/commits{/sha}"}, {"git_commits_url", "/git/commits{/sha}"},
            {"comments_url", "/comments{/number}"}, {"issue_comment_url", "/issues/comments{/number}"},
            {"contents_url", "/contents/{+path}"}, {"compare_url", "/compare/{base}...{head}"},
            {"merges_url", "/merges"}, {"archive_url", "/{archive_format}{/ref}"}, {"downloads_url", "/downloads"},
            {"issues_url", "/issues{/number}"}, {"pulls_url", "/pulls{/number}"},
            {"milestones_url", "/milestones{/number}"},
            {"notifications_url", "/notifications{?since,all,participating}"}, {"labels_url", "/labels{/name}"},
            {"releases_url", "/releases{/id}"}, {"deployments_url", "/deployments"},
        };
        for (String[] link : links) {
            o.put(link[0], url + link[1]);
        }
        return o;
    }

    private String repoUrl(RepoCoordinates repo) {
        return api + "/repos/" + pathSegments(repo);
    }

    private String avatarUrl(String login) {
        return web + "/" + segment(login) + ".png";
    }

    /** ISO-8601 UTC with whole seconds and {@code Z}, e.g. {@code 2017-10-10T16:00:00Z}. */
    static String timestamp(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** GitHub's legacy node id: base64 of {@code "NN:TypeID"}, NN the type name's length in two digits. */
    static String nodeId(String type, long id) {
        String raw = String.format("%02d:%s%d", type.length(), type, id);
        return Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /** A positive id from a name: the first 48 bits of its SHA-256 (exact in JavaScript numbers too). */
    static long stableId(String name) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            long id = 0;
            for (int i = 0; i < 6; i++) {
                id = (id << 8) | (d[i] & 0xFF);
            }
            return Math.max(id, 1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private static String pathSegments(RepoCoordinates repo) {
        StringBuilder b = new StringBuilder();
        for (String part : repo.owner().split("/")) {
            b.append(segment(part)).append('/');
        }
        return b.append(segment(repo.name())).toString();
    }

    private static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static String write(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree failed to serialise", e);
        }
    }
}
