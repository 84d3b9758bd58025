package dev.buildrunner.analysis.drift;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Routes declared with FastAPI or Flask decorators, from tokens (a decorator must start its line;
 * {@code requests.get("/x")} in code is a call, not a route):
 * <ul>
 *   <li>{@code @app.get("/path")}, {@code @router.post(...)} (also {@code put patch delete head
 *       options}), the path positional or {@code path=};</li>
 *   <li>{@code @app.route("/path", methods=["GET", "POST"])} (Flask; no {@code methods}: GET) and
 *       FastAPI's {@code @app.api_route(...)};</li>
 *   <li>a receiver made in the same file by {@code APIRouter(prefix="/p")} or
 *       {@code Blueprint(..., url_prefix="/p")} prefixes its routes. Prefixes given where a router
 *       is included elsewhere ({@code include_router}, {@code register_blueprint}) are not
 *       followed.</li>
 * </ul>
 * Pure.
 */
final class PythonRoutes {
    private static final Set<String> VERBS = Set.of("get", "post", "put", "patch", "delete", "head", "options");
    private static final Map<String, String> PREFIX_ARGUMENT = Map.of("APIRouter", "prefix", "Blueprint", "url_prefix");

    private PythonRoutes() {
    }

    static List<CodeEndpoint> routes(List<Token> t) {
        Map<String, String> prefixes = prefixes(t);
        List<CodeEndpoint> out = new ArrayList<>();
        for (int k = 0; k + 4 < t.size(); k++) {
            if (!t.get(k).isPunct('@') || !t.get(k).lineStart() || t.get(k + 1).kind() != Token.Kind.WORD
                    || !t.get(k + 2).isPunct('.') || t.get(k + 3).kind() != Token.Kind.WORD || !t.get(k + 4).isPunct('(')) {
                continue;
            }
            String receiver = t.get(k + 1).text();
            String verb = t.get(k + 3).text();
            int close = TokenArgs.closing(t, k + 4);
            List<Token> args = t.subList(k + 5, close);
            List<String> methods;
            if (VERBS.contains(verb)) {
                methods = List.of(verb.toUpperCase(Locale.ROOT));
            } else if (verb.equals("route") || verb.equals("api_route")) {
                methods = methods(args);
            } else {
                continue;
            }
            String path = firstPath(args);
            if (path == null) {
                continue;
            }
            String full = RoutePaths.join(prefixes.getOrDefault(receiver, ""), path);
            for (String m : methods) {
                out.add(new CodeEndpoint(m, full, t.get(k).line()));
            }
        }
        return out;
    }

    /** {@code name = APIRouter(prefix="/p")} and {@code name = Blueprint(..., url_prefix="/p")}. */
    private static Map<String, String> prefixes(List<Token> t) {
        Map<String, String> prefixes = new HashMap<>();
        for (int k = 0; k + 3 < t.size(); k++) {
            if (t.get(k).kind() != Token.Kind.WORD || !t.get(k + 1).isPunct('=') || t.get(k + 2).isPunct('=')) {
                continue;
            }
            int j = k + 2;
            while (j + 2 < t.size() && t.get(j).kind() == Token.Kind.WORD && t.get(j + 1).isPunct('.')) {
                j += 2;
            }
            String argument = PREFIX_ARGUMENT.get(t.get(j).text());
            if (argument == null || j + 1 >= t.size() || !t.get(j + 1).isPunct('(')) {
                continue;
            }
            List<Token> args = t.subList(j + 2, TokenArgs.closing(t, j + 1));
            for (List<Token> arg : TokenArgs.split(args)) {
                if (argument.equals(TokenArgs.name(arg))) {
                    List<String> s = TokenArgs.strings(arg);
                    if (!s.isEmpty()) {
                        prefixes.put(t.get(k).text(), s.get(0));
                    }
                }
            }
        }
        return prefixes;
    }

    /** The first positional string argument, or the {@code path=} / {@code rule=} one; null when none. */
    private static String firstPath(List<Token> args) {
        for (List<Token> arg : TokenArgs.split(args)) {
            String name = TokenArgs.name(arg);
            if (name == null || name.equals("path") || name.equals("rule")) {
                List<String> s = TokenArgs.strings(name == null ? arg : arg.subList(2, arg.size()));
                if (!s.isEmpty() && s.get(0).startsWith("/")) {
                    return s.get(0);
                }
                if (name == null) {
                    return null;
                }
            }
        }
        return null;
    }

    /** {@code methods=["GET", "POST"]}; none given: GET. */
    private static List<String> methods(List<Token> args) {
        for (List<Token> arg : TokenArgs.split(args)) {
            if ("methods".equals(TokenArgs.name(arg))) {
                List<String> m = new ArrayList<>();
                for (String s : TokenArgs.strings(arg)) {
                    m.add(s.toUpperCase(Locale.ROOT));
                }
                if (!m.isEmpty()) {
                    return m;
                }
            }
        }
        return List.of("GET");
    }
}
