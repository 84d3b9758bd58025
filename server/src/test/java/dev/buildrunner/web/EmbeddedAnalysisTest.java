package dev.buildrunner.web;

import static dev.buildrunner.web.EmbeddedPushTest.git;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buildrunner.analysis.SarifSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5 end to end: a real {@code git push} to the embedded server posts all five contexts on the
 * pushed commit ({@code buildrunner/spec}, {@code /plan}, {@code /gaps}, {@code /quality},
 * {@code /drift}); each analyser's {@code target_url} opens its HTML report, and its JSON and SARIF
 * (valid SARIF 2.1.0) are served beside it; a push that removes a file a feature needs turns
 * {@code buildrunner/gaps} to failure naming the feature and the file.
 */
class EmbeddedAnalysisTest {
    private static final String TOKEN = "test-token-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CONTEXTS = List.of("buildrunner/spec", "buildrunner/plan", "buildrunner/gaps",
            "buildrunner/quality", "buildrunner/drift");

    private static final String SPEC = """
            # Shop

            ### Feature 1: Cart

            **Status:** In progress

            **Requirements:**
            - Keep the items a customer picked

            **Files:**
            - src/main/java/shop/Cart.java
            - src/main/java/shop/ShopApp.java

            **Endpoints:**
            - GET /api/cart

            **Acceptance Criteria:**
            - The cart lists the items added

            ### Feature 2: Checkout

            **Requirements:**
            - Turn a cart into an order

            **Dependencies:**
            - Cart

            **Files:**
            - src/main/java/shop/Checkout.java

            **Acceptance Criteria:**
            - An order holds the cart's items
            """;

    private static final String APP = """
            package shop;

            import io.javalin.Javalin;

            /** Starts the shop's HTTP API. */
            public final class ShopApp {
                private ShopApp() {
                }

                /** Registers the routes and starts listening. */
                public static void main(String[] args) {
                    Cart cart = new Cart();
                    Javalin.create(cfg -> cfg.routes.get("/api/cart", ctx -> ctx.json(cart.items()))).start(8080);
                }
            }
            """;

    private static final String CART = """
            package shop;

            import java.util.ArrayList;
            import java.util.List;

            /** The items a customer picked. */
            public final class Cart {
                private final List<String> items = new ArrayList<>();

                /** Adds one item. */
                public void add(String item) {
                    items.add(item);
                }

                /** The items, in the order added. */
                public List<String> items() {
                    return List.copyOf(items);
                }
            }
            """;

    private static final String CHECKOUT = """
            package shop;

            import java.util.List;

            /** Turns a cart into an order. */
            public final class Checkout {
                /** The order lines of a cart. */
                public List<String> order(Cart cart) {
                    return cart.items();
                }
            }
            """;

    @TempDir
    Path tmp;

    private BuildRunnerServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        server = BuildRunnerServer.start(ServerConfig.embedded(tmp.resolve("data"), "127.0.0.1", 0, Optional.empty()),
                new AdminToken(TOKEN, false), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The latest status per context once none is pending (60 s at most: a cold PMD run takes seconds). */
    private Map<String, JsonNode> settled(String sha) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        Map<String, JsonNode> latest = new LinkedHashMap<>();
        while (System.nanoTime() < deadline) {
            latest.clear();
            JsonNode list = JSON.readTree(get("/api/repos/acme/shop/commits/" + sha + "/statuses").body());
            for (JsonNode s : list) { // newest first
                latest.putIfAbsent(s.get("context").asText(), s);
            }
            if (latest.keySet().containsAll(CONTEXTS)
                    && latest.values().stream().noneMatch(s -> s.get("state").asText().equals("pending"))) {
                return latest;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("statuses of " + sha + " still pending or missing after 60 s: " + latest);
    }

    @Test
    void aPushPostsAllFiveContextsAndARemovedFileFailsGaps() throws Exception {
        HttpRequest create = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/repos"))
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"owner\":\"acme\",\"name\":\"shop\"}")).build();
        assertThat(http.send(create, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);
        Path work = tmp.resolve("work");
        git(tmp, "clone", "-q", "http://pusher:" + TOKEN + "@127.0.0.1:" + server.port() + "/git/acme/shop.git",
                work.toString());
        Files.createDirectories(work.resolve(".buildrunner"));
        Files.createDirectories(work.resolve("src/main/java/shop"));
        Files.writeString(work.resolve(".buildrunner/PROJECT_SPEC.md"), SPEC);
        Files.writeString(work.resolve("src/main/java/shop/ShopApp.java"), APP);
        Files.writeString(work.resolve("src/main/java/shop/Cart.java"), CART);
        Files.writeString(work.resolve("src/main/java/shop/Checkout.java"), CHECKOUT);
        git(work, "add", "-A");
        git(work, "commit", "-q", "-m", "Shop with cart and checkout");
        git(work, "push", "-q", "origin", "main");
        String sha = git(work, "rev-parse", "HEAD").strip();

        Map<String, JsonNode> first = settled(sha);

        assertThat(first.keySet()).containsExactlyInAnyOrderElementsOf(CONTEXTS);
        first.forEach((context, s) -> assertThat(s.get("state").asText()).as(context + ": " + s).isEqualTo("success"));
        for (String analyser : List.of("gaps", "quality", "drift")) {
            String target = first.get("buildrunner/" + analyser).get("target_url").asText();
            assertThat(target).endsWith("/api/repos/acme/shop/commits/" + sha + "/reports/" + analyser + "/html");
            HttpResponse<String> page = get(target.substring(target.indexOf("/api/")));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(page.body()).contains("buildrunner/" + analyser + ": <span class=\"passed\">passed</span>");
            JsonNode report = JSON.readTree(get("/api/repos/acme/shop/commits/" + sha + "/reports/" + analyser).body());
            assertThat(report.get("passed").asBoolean()).isTrue();
            String sarif = get("/api/repos/acme/shop/commits/" + sha + "/reports/" + analyser + "/sarif").body();
            assertThat(new SarifSchema().errors(sarif)).as(analyser + " SARIF").isEmpty();
        }

        git(work, "rm", "-q", "src/main/java/shop/Checkout.java");
        git(work, "commit", "-q", "-m", "Drop checkout's class");
        git(work, "push", "-q", "origin", "main");
        String removed = git(work, "rev-parse", "HEAD").strip();

        Map<String, JsonNode> second = settled(removed);

        JsonNode gaps = second.get("buildrunner/gaps");
        assertThat(gaps.get("state").asText()).isEqualTo("failure");
        assertThat(gaps.get("description").asText()).contains("Checkout").contains("src/main/java/shop/Checkout.java");
        assertThat(second.get("buildrunner/spec").get("state").asText()).isEqualTo("success");
        JsonNode report = JSON.readTree(get("/api/repos/acme/shop/commits/" + removed + "/reports/gaps").body());
        assertThat(report.get("findings").toString()).contains("src/main/java/shop/Checkout.java");
        JsonNode combined = JSON.readTree(get("/api/repos/acme/shop/commits/" + removed + "/status").body());
        assertThat(combined.get("state").asText()).isEqualTo("failure");
        assertThat(combined.get("total_count").asInt()).isEqualTo(5);
    }
}
