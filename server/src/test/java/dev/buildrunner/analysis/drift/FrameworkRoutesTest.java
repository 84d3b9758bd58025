package dev.buildrunner.analysis.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Routes per framework, with their lines, and what looks like a route but is not one. */
class FrameworkRoutesTest {
    private final FrameworkRoutes routes = new FrameworkRoutes();

    private List<String> scan(String path, String text) {
        return routes.routes(path, text).stream().map(e -> e + " @" + e.line()).toList();
    }

    @Test
    void springClassPrefixesMethodMappingsAndNestedTypes() {
        String java = """
                @RestController
                @RequestMapping("/api/orders")
                public class OrderController {
                    record Page(int n) {
                    }

                    @GetMapping("/{id}")
                    public Order get(@PathVariable("id") long id) { return null; }

                    @PostMapping
                    public Order place(@RequestBody Order o) { return o; }

                    @RequestMapping(value = {"/a", "/b"}, method = {RequestMethod.PUT, RequestMethod.PATCH})
                    public void both() { }

                    @GetMapping(path = "/search", produces = "application/json")
                    public void search() { }

                    @RequestMapping("/any")
                    public void any() { }

                    // @DeleteMapping("/{id}")
                    /* @GetMapping("/hidden") */
                    String s = "@GetMapping(\\"/in-string\\")";
                }
                """;
        assertThat(scan("src/OrderController.java", java)).containsExactly(
                "GET /api/orders/{id} @7",
                "POST /api/orders @10",
                "PUT /api/orders/a @13", "PATCH /api/orders/a @13", "PUT /api/orders/b @13", "PATCH /api/orders/b @13",
                "GET /api/orders/search @16",
                "ANY /api/orders/any @19");
    }

    @Test
    void kotlinSpringAndJaxRs() {
        String kotlin = """
                @RestController
                @RequestMapping("/api/users")
                class UserController {
                    @GetMapping(value = ["/{id}"])
                    fun get(@PathVariable id: Long) = id
                }
                """;
        assertThat(scan("src/UserController.kt", kotlin)).containsExactly("GET /api/users/{id} @4");
        String jaxrs = """
                @Path("/items")
                public class ItemResource {
                    @GET
                    public List<Item> all() { return List.of(); }

                    @DELETE
                    @Path("{id}")
                    public void delete(@PathParam("id") String id) { }
                }
                """;
        assertThat(scan("src/ItemResource.java", jaxrs)).containsExactly("GET /items @3", "DELETE /items/{id} @6");
    }

    @Test
    void javalinCallsAndApiBuilderPaths() {
        String java = """
                var app = Javalin.create(config -> config.router.apiBuilder(() -> {
                    path("/api", () -> {
                        get("/health", ctx -> ctx.result("ok"));
                        path("/users", () -> {
                            post("/{id}", UserHandler::update);
                        });
                    });
                    get("/", ctx -> ctx.result("home"));
                }));
                app.delete("/api/users/{id}", ctx -> { });
                String cached = cache.get("/api/not-a-route");
                """;
        assertThat(scan("src/App.java", java)).containsExactly(
                "GET /api/health @3", "POST /api/users/{id} @5", "GET / @8", "DELETE /api/users/{id} @10");
    }

    @Test
    void expressRoutersButNotHttpClients() {
        String ts = """
                const router = express.Router();
                router.get("/orders/:id", (req, res) => res.json({}));
                app.post('/orders', createOrder);
                adminRouter.route("/users/:id").get(show).delete(remove);
                app.all("/ping", pong);
                // router.put("/hidden", h);
                const a = await axios.get("/api/orders", { params });
                const b = await http.post("/api/orders", body);
                """;
        assertThat(scan("src/routes.ts", ts)).containsExactly(
                "GET /orders/:id @2", "POST /orders @3", "GET /users/:id @4", "DELETE /users/:id @4", "ANY /ping @5");
    }

    @Test
    void fastApiAndFlaskWithRouterAndBlueprintPrefixes() {
        String py = """
                router = APIRouter(prefix="/items", tags=["items"])
                bp = Blueprint("admin", __name__, url_prefix="/admin")

                @router.get("/{item_id}")
                def read(item_id: int): ...

                @app.post("/items", status_code=201)
                def create(): ...

                @bp.route("/users/<int:user_id>", methods=["GET", "DELETE"])
                def user(user_id): ...

                @app.route("/")
                def index(): ...

                # @app.get("/hidden")
                r = requests.get("/api/items")
                """;
        assertThat(scan("app/main.py", py)).containsExactly(
                "GET /items/{item_id} @4", "POST /items @7", "GET /admin/users/<int:user_id> @10",
                "DELETE /admin/users/<int:user_id> @10", "GET / @13");
    }
}
