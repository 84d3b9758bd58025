package dev.buildrunner.analysis.gaps.scan;

import dev.buildrunner.analysis.gaps.code.Language;
import dev.buildrunner.analysis.gaps.code.PathExpr;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Joins the {@link FileScan}s of a repository into its declared routes and its frontend calls:
 * router prefixes and mounts across files (Express {@code app.use}, FastAPI
 * {@code include_router}, Flask {@code register_blueprint}, koa-router), followed through
 * imports ({@link Modules}); Next.js file routes; the JAX-RS {@code @ApplicationPath}; the base
 * URLs of axios instances, also imported ones, and {@code axios.defaults.baseURL}. A router
 * mounted twice has routes under both prefixes; a mount cycle is cut. Pure.
 */
public final class RouteResolver {
    private static final int MAX_PREFIXES = 16;

    /**
     * The result.
     *
     * @param routes declared routes, sorted by file, line, method and path
     * @param calls frontend calls, sorted by file and line
     * @param frontendFiles the files read as frontend code, sorted
     */
    public record Resolved(List<Route> routes, List<UiCall> calls, List<String> frontendFiles) {
        public Resolved {
            routes = List.copyOf(routes);
            calls = List.copyOf(calls);
            frontendFiles = List.copyOf(frontendFiles);
        }
    }

    private record Edge(String parent, String prefix, boolean replaces) {
    }

    private final Map<String, FileScan> scans;
    private final Modules modules;
    private final Map<String, String> ownPrefix = new HashMap<>();
    private final Map<String, List<Edge>> parents = new HashMap<>();
    private final Map<String, String> globalPrefix = new HashMap<>();

    private RouteResolver(Map<String, FileScan> scans) {
        this.scans = scans;
        this.modules = new Modules(scans.keySet());
    }

    /**
     * Resolves the scans of a repository's files (test code left out by the caller).
     *
     * @param scans scan by repository-relative path
     */
    public static Resolved resolve(Map<String, FileScan> scans) {
        return new RouteResolver(Map.copyOf(scans)).run();
    }

    private Resolved run() {
        Map<String, Set<String>> globals = new HashMap<>();
        scans.forEach((file, scan) -> {
            for (FileScan.RouterDecl r : scan.routers()) {
                if (r.name().startsWith("@")) {
                    globals.computeIfAbsent(r.name(), k -> new TreeSet<>()).add(r.prefix());
                } else {
                    ownPrefix.putIfAbsent(key(file, r.name()), r.prefix());
                }
            }
        });
        globals.forEach((name, prefixes) -> globalPrefix.put(name, prefixes.size() == 1 ? prefixes.iterator().next() : ""));
        scans.forEach((file, scan) -> {
            for (FileScan.MountDecl m : scan.mounts()) {
                String child = symbol(file, m.child());
                String parent = symbol(file, m.parent());
                if (child != null && parent != null && !child.equals(parent)) {
                    parents.computeIfAbsent(child, k -> new ArrayList<>()).add(new Edge(parent, m.prefix(), m.replacesPrefix()));
                }
            }
        });
        Set<Route> routes = new LinkedHashSet<>();
        List<UiCall> calls = new ArrayList<>();
        List<String> frontend = new ArrayList<>();
        String axiosDefault = axiosDefault();
        for (String file : new TreeSet<>(scans.keySet())) {
            FileScan scan = scans.get(file);
            for (FileScan.RouteDecl r : scan.routes()) {
                for (String prefix : prefixesOf(file, r.router())) {
                    add(routes, r.method(), Src.join(prefix, r.path()), file, r.line(), r.framework());
                }
            }
            nextRoutes(file, scan, routes);
            if (isFrontend(file, scan)) {
                frontend.add(file);
                for (FileScan.CallDecl c : scan.calls()) {
                    String raw = withBase(file, scan, c, axiosDefault);
                    PathPattern.parse(raw).ifPresent(p -> calls.add(
                            new UiCall(c.method(), PathPattern.display(raw), file, c.line(), p)));
                }
            }
        }
        List<Route> sorted = new ArrayList<>(routes);
        sorted.sort(Comparator.comparing(Route::file).thenComparingInt(Route::line).thenComparing(Route::method)
                .thenComparing(Route::path));
        calls.sort(Comparator.comparing(UiCall::file).thenComparingInt(UiCall::line).thenComparing(UiCall::path));
        return new Resolved(sorted, calls, frontend);
    }

    private static void add(Set<Route> routes, String method, String raw, String file, int line, String framework) {
        String path = raw.isEmpty() ? "/" : raw;
        PathPattern.parse(path).ifPresent(p -> routes.add(
                new Route(method, PathPattern.display(path), file, line, framework, p)));
    }

    private void nextRoutes(String file, FileScan scan, Set<Route> routes) {
        String route = CodePaths.nextRoute(file);
        if (route == null || scan.handlerExports().isEmpty()) {
            return;
        }
        if (CodePaths.isNextAppRoute(file)) {
            scan.handlerExports().entrySet().stream().filter(e -> !e.getKey().equals("default"))
                    .sorted(Map.Entry.comparingByValue())
                    .forEach(e -> add(routes, e.getKey(), route, file, e.getValue(), "next"));
        } else if (scan.handlerExports().containsKey("default")) {
            add(routes, Route.ANY, route, file, scan.handlerExports().get("default"), "next");
        }
    }

    /** Frontend code: JavaScript-family, not a server file, and frontend by extension, directory, imports or calls. */
    private static boolean isFrontend(String file, FileScan scan) {
        Optional<Language> lang = Language.of(file);
        if (lang.isEmpty() || !(lang.get() == Language.JS || lang.get() == Language.SFC)) {
            return false;
        }
        if (scan.declaresServer() || scan.serverImports() || CodePaths.nextRoute(file) != null) {
            return false;
        }
        return CodePaths.frontendExtension(file) || CodePaths.inFrontendDir(file) || scan.frontendImports()
                || !scan.calls().isEmpty();
    }

    /** The full prefixes of a route's router. */
    private List<String> prefixesOf(String file, String router) {
        if (router.isEmpty()) {
            return List.of("");
        }
        if (router.startsWith("@")) {
            return List.of(globalPrefix.getOrDefault(router, ""));
        }
        String node = symbol(file, router);
        return node == null ? List.of("") : prefixes(node, new HashSet<>());
    }

    private List<String> prefixes(String node, Set<String> visiting) {
        String own = ownPrefix.getOrDefault(node, "");
        List<Edge> edges = parents.get(node);
        if (edges == null || !visiting.add(node)) {
            return List.of(own);
        }
        Set<String> out = new LinkedHashSet<>();
        for (Edge e : edges) {
            for (String p : prefixes(e.parent(), visiting)) {
                String mounted = Src.join(p, e.prefix());
                out.add(Src.join(mounted, e.replaces() && !e.prefix().isEmpty() ? "" : own));
                if (out.size() >= MAX_PREFIXES) {
                    break;
                }
            }
        }
        visiting.remove(node);
        return List.copyOf(out);
    }

    /** The node ({@code file#name}) a name or expression of a file stands for, or null. */
    private String symbol(String file, String expr) {
        FileScan scan = scans.get(file);
        if (expr.startsWith("require:")) {
            return modules.js(file, expr.substring(8)).map(g -> key(g, exported(g, "default"))).orElse(null);
        }
        String[] parts = expr.split("\\.");
        if (parts.length == 1 && scan.routers().stream().anyMatch(r -> r.name().equals(expr))) {
            return key(file, expr);
        }
        boolean python = file.endsWith(".py");
        for (int k = parts.length; k >= 1; k--) {
            String local = String.join(".", java.util.Arrays.copyOfRange(parts, 0, k));
            List<String> rest = List.of(parts).subList(k, parts.length);
            for (FileScan.ImportDecl imp : scan.imports()) {
                if (imp.local().equals(local)) {
                    return python ? pythonSymbol(file, imp, rest) : jsSymbol(file, imp, rest);
                }
            }
        }
        return parts.length == 1 ? key(file, expr) : null;
    }

    private String pythonSymbol(String file, FileScan.ImportDecl imp, List<String> rest) {
        if (imp.name().equals("*")) {
            return modules.python(file, imp.module()).filter(g -> !rest.isEmpty()).map(g -> key(g, rest.get(0)))
                    .orElse(null);
        }
        String sep = imp.module().endsWith(".") ? "" : ".";
        Optional<String> sub = modules.python(file, imp.module() + sep + imp.name());
        if (sub.isPresent()) {
            return rest.isEmpty() ? null : key(sub.get(), rest.get(0));
        }
        return modules.python(file, imp.module()).map(g -> key(g, imp.name())).orElse(null);
    }

    private String jsSymbol(String file, FileScan.ImportDecl imp, List<String> rest) {
        Optional<String> g = modules.js(file, imp.module());
        if (g.isEmpty()) {
            return null;
        }
        if (imp.name().equals("*")) {
            return rest.isEmpty() ? null : key(g.get(), exported(g.get(), rest.get(0)));
        }
        return key(g.get(), exported(g.get(), imp.name()));
    }

    /** The local name behind an exported name; for a default export without a name, the file's only router. */
    private String exported(String file, String name) {
        FileScan scan = scans.get(file);
        String local = scan.exports().get(name);
        if (local != null) {
            return local;
        }
        if (name.equals("default")) {
            List<FileScan.RouterDecl> routers = scan.routers();
            if (routers.size() == 1) {
                return routers.get(0).name();
            }
        }
        return name;
    }

    /** The repository's {@code axios.defaults.baseURL} when frontend code sets exactly one, else {@code ""}. */
    private String axiosDefault() {
        Set<String> bases = new TreeSet<>();
        scans.forEach((file, scan) -> {
            String b = scan.clients().get(FileScan.AXIOS_DEFAULTS);
            if (b != null && isFrontend(file, scan)) {
                bases.add(b);
            }
        });
        return bases.size() == 1 ? bases.iterator().next() : "";
    }

    private String withBase(String file, FileScan scan, FileScan.CallDecl c, String axiosDefault) {
        String base = switch (c.client()) {
            case FileScan.FETCH, FileScan.HTTP -> "";
            case FileScan.AXIOS -> axiosDefault;
            case FileScan.UNKNOWN_CLIENT -> PathExpr.ref("client");
            default -> clientBase(file, scan, c.client());
        };
        if (base.isEmpty() || c.path().contains("://")) {
            return c.path();
        }
        boolean slashA = base.endsWith("/");
        boolean slashB = c.path().startsWith("/");
        return slashA && slashB ? base + c.path().substring(1) : slashA || slashB ? base + c.path() : base + "/" + c.path();
    }

    private String clientBase(String file, FileScan scan, String client) {
        String local = scan.clients().get(client);
        if (local != null) {
            return local;
        }
        String node = symbol(file, client);
        if (node != null) {
            int hash = node.indexOf('#');
            FileScan target = scans.get(node.substring(0, hash));
            String base = target == null ? null : target.clients().get(node.substring(hash + 1));
            if (base != null) {
                return base;
            }
        }
        return PathExpr.ref(client);
    }

    private static String key(String file, String name) {
        return Objects.requireNonNull(file) + "#" + name;
    }
}
