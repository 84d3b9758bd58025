package dev.buildrunner.analysis.drift;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Routes declared in Java and Kotlin, from tokens (so commented-out routes are not routes):
 * <ul>
 *   <li>Spring MVC/WebFlux: a class's {@code @RequestMapping} path prefixes its methods'
 *       {@code @GetMapping}, {@code @PostMapping}, {@code @PutMapping}, {@code @DeleteMapping},
 *       {@code @PatchMapping} and {@code @RequestMapping(method = ...)} paths ({@code value},
 *       {@code path} or positional; several paths give several routes; no method: {@code ANY});</li>
 *   <li>JAX-RS: a class's {@code @Path} prefixes a method's {@code @GET}, {@code @POST}, ... with
 *       its own optional {@code @Path};</li>
 *   <li>Javalin: {@code app.get("/path", handler)} and the static {@code get("/path", handler)} of
 *       {@code ApiBuilder}, inside {@code path("/prefix", () -> ...)} blocks (a call whose first
 *       argument is a path starting with {@code /} and which has a second argument: a map's
 *       {@code get("/key")} is not a route).</li>
 * </ul>
 * Class prefixes follow nesting by braces. Pure.
 */
final class JvmRoutes {
    private static final Map<String, String> SPRING = Map.of("GetMapping", "GET", "PostMapping", "POST", "PutMapping",
            "PUT", "DeleteMapping", "DELETE", "PatchMapping", "PATCH");
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
    private static final Set<String> TYPE_KEYWORDS = Set.of("class", "interface", "enum", "record", "object");
    private static final List<String> PATH_ARGS = List.of("value", "path");

    private JvmRoutes() {
    }

    private record Annotation(String name, List<Token> args, int line) {
    }

    /** A class body's brace depth and its path prefix. */
    private record Scope(int depth, String prefix) {
    }

    /** A Javalin {@code path(...)} call's prefix, valid while the parenthesis depth stays above {@code depth}. */
    private record PathBlock(int depth, String prefix) {
    }

    static List<CodeEndpoint> routes(List<Token> t) {
        List<CodeEndpoint> out = new ArrayList<>();
        List<Annotation> pending = new ArrayList<>();
        Deque<Scope> scopes = new ArrayDeque<>();
        Deque<PathBlock> blocks = new ArrayDeque<>();
        String awaitingBody = null;
        int braces = 0;
        int parens = 0;
        int k = 0;
        while (k < t.size()) {
            Token tok = t.get(k);
            Token next = TokenArgs.at(t, k + 1);
            if (tok.isPunct('@') && next != null && next.kind() == Token.Kind.WORD && !next.isWord("interface")) {
                int j = k + 1;
                String name = next.text();
                j++;
                while (j + 1 < t.size() && t.get(j).isPunct('.') && t.get(j + 1).kind() == Token.Kind.WORD) {
                    name = t.get(j + 1).text();
                    j += 2;
                }
                List<Token> args = List.of();
                if (j < t.size() && t.get(j).isPunct('(')) {
                    int end = TokenArgs.closing(t, j);
                    args = t.subList(j + 1, end);
                    j = end + 1;
                }
                pending.add(new Annotation(name, args, tok.line()));
                k = j;
                continue;
            }
            String prefix = scopes.isEmpty() ? "" : scopes.peek().prefix();
            if (!pending.isEmpty()) {
                if (declaresType(t, k)) {
                    awaitingBody = classPrefix(pending);
                } else {
                    methodRoutes(pending, prefix, out);
                }
                pending.clear();
            }
            if (tok.kind() == Token.Kind.WORD && TYPE_KEYWORDS.contains(tok.text()) && awaitingBody == null
                    && !afterDotOrColon(t, k)) {
                awaitingBody = prefix.isEmpty() ? "" : prefix;
            }
            if (tok.isPunct('{')) {
                if (awaitingBody != null) {
                    scopes.push(new Scope(braces, awaitingBody));
                    awaitingBody = null;
                }
                braces++;
            } else if (tok.isPunct('}')) {
                braces--;
                while (!scopes.isEmpty() && scopes.peek().depth() >= braces) {
                    scopes.pop();
                }
            } else if (tok.isPunct('(')) {
                parens++;
            } else if (tok.isPunct(')')) {
                parens--;
                while (!blocks.isEmpty() && blocks.peek().depth() > parens) {
                    blocks.pop();
                }
            } else if (tok.kind() == Token.Kind.WORD && isPathCall(t, k)) {
                String blockPrefix = blocks.isEmpty() ? "" : blocks.peek().prefix();
                String path = t.get(k + 2).text();
                if (tok.isWord("path")) {
                    blocks.push(new PathBlock(parens + 1, RoutePaths.join(blockPrefix, path)));
                } else {
                    out.add(new CodeEndpoint(tok.text(), RoutePaths.join(blockPrefix, path), tok.line()));
                }
            }
            k++;
        }
        return out;
    }

    /** {@code get("/x", ...)}, {@code app.post("/x", ...)} or {@code path("/x", ...)}. */
    private static boolean isPathCall(List<Token> t, int k) {
        String w = t.get(k).text();
        boolean verb = HTTP_METHODS.contains(w.toUpperCase(Locale.ROOT)) && w.equals(w.toLowerCase(Locale.ROOT));
        if (!verb && !w.equals("path")) {
            return false;
        }
        Token open = TokenArgs.at(t, k + 1);
        Token str = TokenArgs.at(t, k + 2);
        Token comma = TokenArgs.at(t, k + 3);
        return open != null && open.isPunct('(') && str != null && str.isString() && str.text().startsWith("/")
                && comma != null && comma.isPunct(',');
    }

    private static boolean afterDotOrColon(List<Token> t, int k) {
        Token prev = TokenArgs.at(t, k - 1);
        return prev != null && (prev.isPunct('.') || prev.isPunct(':'));
    }

    /** True when the declaration starting at {@code k} is a type (a keyword before any {@code ( { ; =}). */
    private static boolean declaresType(List<Token> t, int k) {
        for (int j = k; j < t.size(); j++) {
            Token tok = t.get(j);
            if (tok.isPunct('(') || tok.isPunct('{') || tok.isPunct(';') || tok.isPunct('=')) {
                return false;
            }
            if (tok.kind() == Token.Kind.WORD && TYPE_KEYWORDS.contains(tok.text()) && !afterDotOrColon(t, j)) {
                return true;
            }
        }
        return false;
    }

    private static String classPrefix(List<Annotation> annotations) {
        for (Annotation a : annotations) {
            if (a.name().equals("RequestMapping") || a.name().equals("Path")) {
                List<String> paths = TokenArgs.pathStrings(a.args(), PATH_ARGS);
                if (!paths.isEmpty()) {
                    return paths.get(0);
                }
            }
        }
        return "";
    }

    private static void methodRoutes(List<Annotation> annotations, String prefix, List<CodeEndpoint> out) {
        Annotation jaxrsVerb = null;
        String jaxrsPath = "";
        for (Annotation a : annotations) {
            String springVerb = SPRING.get(a.name());
            if (springVerb != null || a.name().equals("RequestMapping")) {
                List<String> methods = springVerb != null ? List.of(springVerb) : requestMethods(a.args());
                List<String> paths = TokenArgs.pathStrings(a.args(), PATH_ARGS);
                for (String p : paths.isEmpty() ? List.of("") : paths) {
                    for (String m : methods) {
                        out.add(new CodeEndpoint(m, RoutePaths.join(prefix, p), a.line()));
                    }
                }
            } else if (HTTP_METHODS.contains(a.name()) && a.args().isEmpty()) {
                jaxrsVerb = a;
            } else if (a.name().equals("Path")) {
                List<String> paths = TokenArgs.pathStrings(a.args(), PATH_ARGS);
                jaxrsPath = paths.isEmpty() ? "" : paths.get(0);
            }
        }
        if (jaxrsVerb != null) {
            out.add(new CodeEndpoint(jaxrsVerb.name(), RoutePaths.join(prefix, jaxrsPath), jaxrsVerb.line()));
        }
    }

    /** {@code method = RequestMethod.GET} or {@code {GET, POST}}; none given: {@code ANY}. */
    private static List<String> requestMethods(List<Token> args) {
        List<String> methods = new ArrayList<>();
        for (List<Token> arg : TokenArgs.split(args)) {
            if ("method".equals(TokenArgs.name(arg))) {
                for (Token tok : arg) {
                    if (tok.kind() == Token.Kind.WORD && HTTP_METHODS.contains(tok.text())) {
                        methods.add(tok.text());
                    }
                }
            }
        }
        return methods.isEmpty() ? List.of("ANY") : methods;
    }
}
