package dev.buildrunner.analysis.gaps.scan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one file declares, as read from its bytes alone: the unit the gap analyser caches by blob
 * id (so it holds nothing that depends on the file's path). Paths hold {@code PathExpr}
 * references where a value was not a constant of the file. {@link RouteResolver} joins the scans
 * of all files: mounts across files, imports, Next.js file routes.
 *
 * @param routes routes as declared, relative to their router
 * @param routers router and application objects with their own prefix
 * @param mounts routers mounted under a prefix ({@code app.use("/api", users)},
 *     {@code app.include_router(users.router, prefix="/api")})
 * @param imports names imported from other modules
 * @param exports exported name to local name ({@code default -> router})
 * @param calls HTTP calls such as frontend code makes
 * @param clients HTTP client instances created here with a base URL ({@code axios.create}), by
 *     local name; the key {@value #AXIOS_DEFAULTS} holds {@code axios.defaults.baseURL}
 * @param handlerExports exported HTTP method handlers ({@code GET}, {@code POST}, and
 *     {@code default} for a default export) with their 1-based lines: a Next.js route file's methods
 * @param frontendImports true when the file imports a frontend framework (React, Vue, Angular, Svelte, ...)
 * @param serverImports true when the file imports a server framework (Express, Koa, Fastify, node:http, ...)
 */
public record FileScan(List<RouteDecl> routes, List<RouterDecl> routers, List<MountDecl> mounts,
        List<ImportDecl> imports, Map<String, String> exports, List<CallDecl> calls, Map<String, String> clients,
        Map<String, Integer> handlerExports, boolean frontendImports, boolean serverImports) {
    /** {@link CallDecl#client()} of {@code fetch} and its kin: no base URL. */
    public static final String FETCH = "@fetch";
    /** {@link CallDecl#client()} of Angular's HttpClient, jQuery and other clients without a base URL. */
    public static final String HTTP = "@http";
    /** {@link CallDecl#client()} of the {@code axios} object: the repository's {@code axios.defaults.baseURL}. */
    public static final String AXIOS = "@axios";
    /** {@link CallDecl#client()} of a receiver that is named like a client but not known: any base URL. */
    public static final String UNKNOWN_CLIENT = "@unknown";
    /** The {@link #clients()} key of {@code axios.defaults.baseURL}. */
    public static final String AXIOS_DEFAULTS = "axios.defaults";
    /** The scan of a file that declares nothing. */
    public static final FileScan EMPTY = new Builder().build();

    public FileScan {
        routes = List.copyOf(routes);
        routers = List.copyOf(routers);
        mounts = List.copyOf(mounts);
        imports = List.copyOf(imports);
        exports = Map.copyOf(exports);
        calls = List.copyOf(calls);
        clients = Map.copyOf(clients);
        handlerExports = Map.copyOf(handlerExports);
    }

    /** True when the file declares server-side routing: routes, routers, mounts. */
    public boolean declaresServer() {
        return !routes.isEmpty() || !routers.isEmpty() || !mounts.isEmpty();
    }

    /**
     * A route as one file declares it.
     *
     * @param method upper-case method or {@link Route#ANY}
     * @param path the path with the file's constants resolved
     * @param router the local name of the router or app it is declared on; {@code ""} for an
     *     absolute route (Spring, Javalin), a name starting with {@code @} for a repository-wide
     *     router ({@code @jax-rs}: the {@code @ApplicationPath})
     * @param line 1-based line
     * @param framework the framework family
     */
    public record RouteDecl(String method, String path, String router, int line, String framework) {
    }

    /**
     * A router or application object.
     *
     * @param name its local name, or a repository-wide name starting with {@code @}
     * @param prefix its own prefix ({@code APIRouter(prefix=...)}, {@code Blueprint(url_prefix=...)},
     *     koa-router's {@code prefix}), {@code ""} for none
     */
    public record RouterDecl(String name, String prefix) {
    }

    /**
     * A router mounted on another.
     *
     * @param parent the local name of the router or app mounted on
     * @param prefix the mount prefix, {@code ""} for none
     * @param child the mounted router as written: a dotted name, or {@code require:SPEC} for an
     *     inline {@code require('SPEC')}
     * @param replacesPrefix true when a non-empty mount prefix replaces the child's own prefix
     *     (Flask's {@code register_blueprint(url_prefix=...)}); false when they are joined
     * @param line 1-based line
     */
    public record MountDecl(String parent, String prefix, String child, boolean replacesPrefix, int line) {
    }

    /**
     * An imported name.
     *
     * @param local the name in this file (Python {@code import a.b} gives {@code a.b})
     * @param module the module as written ({@code ./routes/users}, {@code app.routers}, {@code .users})
     * @param name the imported name: {@code default}, {@code *} for the module itself, or an exported name
     */
    public record ImportDecl(String local, String module, String name) {
    }

    /**
     * An HTTP call.
     *
     * @param method upper-case method, or {@link Route#ANY} when computed
     * @param path the path or URL with the file's constants resolved
     * @param client how the base URL is found: {@link #FETCH} or {@link #HTTP} (none),
     *     {@link #AXIOS} (the repository's {@code axios.defaults.baseURL}), {@link #UNKNOWN_CLIENT}
     *     (any prefix), or the name of a client instance created here or imported
     * @param line 1-based line
     */
    public record CallDecl(String method, String path, String client, int line) {
    }

    /** Collects one file's declarations. Not thread-safe. */
    public static final class Builder {
        final List<RouteDecl> routes = new ArrayList<>();
        final List<RouterDecl> routers = new ArrayList<>();
        final List<MountDecl> mounts = new ArrayList<>();
        final List<ImportDecl> imports = new ArrayList<>();
        final Map<String, String> exports = new LinkedHashMap<>();
        final List<CallDecl> calls = new ArrayList<>();
        final Map<String, String> clients = new LinkedHashMap<>();
        final Map<String, Integer> handlerExports = new LinkedHashMap<>();
        boolean frontendImports;
        boolean serverImports;

        /** The scan collected so far. */
        public FileScan build() {
            return new FileScan(routes, routers, mounts, imports, exports, calls, clients, handlerExports,
                    frontendImports, serverImports);
        }
    }
}
