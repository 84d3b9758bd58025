package dev.buildrunner.forge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The payload and header examples the receiver tests use are what the forge contracts
 * ({@code contracts/<forge>/push-event.schema.json}, {@code webhook-headers.schema.json}) allow,
 * checked with networknt json-schema-validator, draft 2020-12, format assertion on (2020-12 makes
 * {@code format} an annotation by default; a negative case proves the setting is in force).
 */
class ContractSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GITHUB_HEADERS = "/contracts/github/examples/push.branch-created.headers.json";
    private static final SchemaRegistry ASSERTING = registry(true);

    private static SchemaRegistry registry(boolean formatAssertions) {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemaRegistryConfig(
                SchemaRegistryConfig.builder().formatAssertionsEnabled(formatAssertions).build()));
    }

    private static Schema schema(SchemaRegistry registry, String resource) {
        return registry.getSchema(json(Fixtures.bytes(resource)));
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A headers example as the schemas expect it: lower-cased names, no comment. */
    private static JsonNode headers(Map<String, String> headers) {
        Map<String, String> lower = new TreeMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        return JSON.valueToTree(lower);
    }

    @ParameterizedTest
    @CsvSource({
        "github, /contracts/github/examples/push.branch-created.json",
        "github, /contracts/github/examples/push.tag-created.json",
        "github, /contracts/github/examples/push.tag-deleted.json",
        "github, /contracts/github/examples/push.branch-updated.DERIVED.json",
        "github, /specs/webhooks/github-push-payload.json",
        "github, /specs/webhooks/github-push-with-new-branch.payload.json",
        "gitea, /contracts/gitea/examples/push.json",
        "gitea, /contracts/gitea/examples/push.branch-created.json",
        "gitlab, /contracts/gitlab/examples/push.json",
        "gitlab, /contracts/gitlab/examples/push.branch-deleted.json",
    })
    void payloadExamplesMatchTheirForgesPushSchema(String forge, String resource) {
        List<Error> errors = schema(ASSERTING, "/contracts/" + forge + "/push-event.schema.json")
                .validate(json(Fixtures.bytes(resource)));
        assertThat(errors).as(resource).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "github, /contracts/github/examples/push.branch-created.headers.json",
        "gitea, /contracts/gitea/examples/push.headers.json",
        "gitlab, /contracts/gitlab/examples/push.headers.json",
    })
    void headerExamplesMatchTheirForgesHeaderSchema(String forge, String resource) {
        List<Error> errors = schema(ASSERTING, "/contracts/" + forge + "/webhook-headers.schema.json")
                .validate(headers(Fixtures.headers(resource)));
        assertThat(errors).as(resource).isEmpty();
    }

    @Test
    void theHeadersTheTestsSignAreContractShaped() {
        byte[] body = Fixtures.bytes("/contracts/github/examples/push.tag-created.json");
        String uuid = "9f4c7a2e-1b3d-4e5f-8a6b-7c8d9e0f1a2b";
        assertThat(schema(ASSERTING, "/contracts/github/webhook-headers.schema.json")
                .validate(headers(Fixtures.github(body, Fixtures.SECRET, "push", uuid)))).isEmpty();
        assertThat(schema(ASSERTING, "/contracts/gitea/webhook-headers.schema.json")
                .validate(headers(Fixtures.gitea(body, Fixtures.SECRET, "push", uuid)))).isEmpty();
        assertThat(schema(ASSERTING, "/contracts/gitlab/webhook-headers.schema.json")
                .validate(headers(Fixtures.gitlab(Fixtures.SECRET, "Push Hook", uuid)))).isEmpty();
    }

    @Test
    void formatAssertionIsOnANonUuidDeliveryIdFailsOnlyWithIt() {
        ObjectNode h = (ObjectNode) headers(Fixtures.headers(GITHUB_HEADERS));
        h.put("x-github-delivery", "not-a-uuid");
        List<Error> asserted = schema(ASSERTING, "/contracts/github/webhook-headers.schema.json").validate(h);
        assertThat(asserted).extracting(Error::getKeyword).containsExactly("format");
        assertThat(schema(registry(false), "/contracts/github/webhook-headers.schema.json").validate(h)).isEmpty();
    }

    @Test
    void signatureShapesTheContractsForbid() {
        ObjectNode github = (ObjectNode) headers(Fixtures.headers(GITHUB_HEADERS));
        // the OpenAPI's own example value: a 40-hex placeholder
        github.put("x-hub-signature-256", "sha256=6dcb09b5b57875f334f61aebed695e2e4193db5e");
        assertThat(schema(ASSERTING, "/contracts/github/webhook-headers.schema.json").validate(github))
                .extracting(Error::getKeyword).containsExactly("pattern");
        ObjectNode gitea = (ObjectNode) headers(Fixtures.headers("/contracts/gitea/examples/push.headers.json"));
        gitea.put("x-gitea-signature", "sha256=" + gitea.get("x-gitea-signature").asText());
        assertThat(schema(ASSERTING, "/contracts/gitea/webhook-headers.schema.json").validate(gitea))
                .extracting(Error::getKeyword).containsExactly("pattern");
    }

    @Test
    void aPushWithoutRefFailsEverySchema() {
        for (String[] c : new String[][] {
            {"github", "/contracts/github/examples/push.branch-created.json"},
            {"gitea", "/contracts/gitea/examples/push.json"},
            {"gitlab", "/contracts/gitlab/examples/push.json"}}) {
            ObjectNode payload = (ObjectNode) json(Fixtures.bytes(c[1]));
            payload.remove("ref");
            List<Error> errors = schema(ASSERTING, "/contracts/" + c[0] + "/push-event.schema.json").validate(payload);
            assertThat(errors).as(c[0]).extracting(Error::getMessage).anyMatch(m -> m.contains("ref"));
        }
    }

    @Test
    void theReal2017GiteaPushIsOlderThanTheSchemaWhichIsWhyTheReceiverNeedsOnlyFourFields() {
        List<Error> errors = schema(ASSERTING, "/contracts/gitea/push-event.schema.json")
                .validate(json(Fixtures.bytes("/specs/webhooks/gitea-push.json")));
        assertThat(errors).extracting(Error::getMessage)
                .anyMatch(m -> m.contains("total_commits")).anyMatch(m -> m.contains("head_commit"));
        // and PushPayloadRealTest.realGiteaPushFrom2017WithoutTotalCommitsOrHeadCommit reads it all the same
    }
}
