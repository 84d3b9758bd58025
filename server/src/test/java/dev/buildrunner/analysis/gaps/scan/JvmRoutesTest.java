package dev.buildrunner.analysis.gaps.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Spring, JAX-RS and Javalin route extraction from Java and Kotlin text. */
class JvmRoutesTest {

    @Test
    void springClassPrefixArraysMethodsAndConstants() {
        String java = """
                package x;

                @RestController
                @RequestMapping({"/api/v1/items", "/api/items"})
                class ItemController {
                    static final String ID = "/{id}";

                    @GetMapping
                    List<Item> all() { return null; }

                    @RequestMapping(value = ID, method = {RequestMethod.PUT, RequestMethod.PATCH})
                    Item update() { return null; }

                    @RequestMapping("/any")
                    void any() { }

                    @DeleteMapping(path = ID + "/tags/{tag}")
                    void untag() { }

                    @GetMapping(value = "/search", params = "q")
                    void search() { String s = "@GetMapping(\\"/in-a-string\\")"; }
                }
                """;
        // sorted by file, line, method, path
        assertThat(Scans.routes("src/main/java/x/ItemController.java", java)).containsExactly(
                "GET /api/items src/main/java/x/ItemController.java:8",
                "GET /api/v1/items src/main/java/x/ItemController.java:8",
                "PATCH /api/items/{id} src/main/java/x/ItemController.java:11",
                "PATCH /api/v1/items/{id} src/main/java/x/ItemController.java:11",
                "PUT /api/items/{id} src/main/java/x/ItemController.java:11",
                "PUT /api/v1/items/{id} src/main/java/x/ItemController.java:11",
                "ANY /api/items/any src/main/java/x/ItemController.java:14",
                "ANY /api/v1/items/any src/main/java/x/ItemController.java:14",
                "DELETE /api/items/{id}/tags/{tag} src/main/java/x/ItemController.java:17",
                "DELETE /api/v1/items/{id}/tags/{tag} src/main/java/x/ItemController.java:17",
                "GET /api/items/search src/main/java/x/ItemController.java:20",
                "GET /api/v1/items/search src/main/java/x/ItemController.java:20");
    }

    @Test
    void springKotlinAndCommentedOutMappings() {
        String kotlin = """
                @RestController
                @RequestMapping("/api/books")
                class BookController(private val books: Books) {
                    @GetMapping("/{isbn}")
                    fun get(@PathVariable isbn: String) = books.get(isbn)

                    // @PostMapping
                    /* @DeleteMapping("/{isbn}") */
                    @PostMapping(value = ["/import", "/bulk"])
                    fun import() = Unit
                }
                """;
        assertThat(Scans.routes("src/main/kotlin/BookController.kt", kotlin)).containsExactly(
                "GET /api/books/{isbn} src/main/kotlin/BookController.kt:4",
                "POST /api/books/bulk src/main/kotlin/BookController.kt:9",
                "POST /api/books/import src/main/kotlin/BookController.kt:9");
    }

    @Test
    void jaxRsWithApplicationPathAcrossFilesAndNoRetrofitClients() {
        String resource = """
                @Path("/users")
                @Produces(MediaType.APPLICATION_JSON)
                public class UserResource {
                    @GET
                    public List<User> list() { return null; }

                    @GET
                    @Path("{id}")
                    public User get(@PathParam("id") long id) { return null; }

                    @Path("{id}/orders")
                    public OrderResource orders() { return null; }  // a sub-resource locator: no method
                }
                """;
        String app = """
                @ApplicationPath("/api")
                public class RestApplication extends Application { }
                """;
        String retrofit = """
                public interface GitHub {
                    @GET("repos/{owner}/{repo}")
                    Call<Repo> repo(@Path("owner") String owner, @Path("repo") String repo);
                }
                """;
        assertThat(Scans.routes("src/main/java/UserResource.java", resource, "src/main/java/RestApplication.java", app,
                "src/main/java/GitHub.java", retrofit)).containsExactly(
                "GET /api/users src/main/java/UserResource.java:4",
                "GET /api/users/{id} src/main/java/UserResource.java:7");
    }

    @Test
    void javalinReceiversConstantsAndApiBuilderNesting() {
        String java = """
                import io.javalin.Javalin;
                import static io.javalin.apibuilder.ApiBuilder.*;

                class Server {
                    void start() {
                        String base = "/api/repos/{owner}/{name}";
                        Javalin.create(cfg -> {
                            cfg.routes.get("/healthz", ctx -> ctx.result("ok"));
                            cfg.routes.post(base + "/sync", this::sync);
                            cfg.router.apiBuilder(() -> {
                                path("users", () -> {
                                    get(UserController::all);
                                    post(UserController::create);
                                    path("{id}", () -> {
                                        get(UserController::one);
                                        delete("/hard", UserController::purge);
                                    });
                                });
                            });
                        });
                        Map<String, String> m = new HashMap<>();
                        m.get("/not-a-route");
                        // cfg.routes.get("/commented", ctx -> {});
                    }
                }
                """;
        assertThat(Scans.routes("Server.java", java)).containsExactly(
                "GET /healthz Server.java:8",
                "POST /api/repos/{owner}/{name}/sync Server.java:9",
                "GET /users Server.java:12",
                "POST /users Server.java:13",
                "GET /users/{id} Server.java:15",
                "DELETE /users/{id}/hard Server.java:16");
    }
}
