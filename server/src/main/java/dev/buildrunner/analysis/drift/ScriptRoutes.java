package dev.buildrunner.analysis.drift;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Routes declared with Express or Koa routers in JS/TS, from tokens: {@code app.get('/path', handler)}
 * (also {@code post put patch delete head options}, and {@code all}: {@code ANY}) and
 * {@code router.route('/path').get(h).post(h)}. The receiver must look like an application or a
 * router ({@code app}, {@code server}, {@code router}, {@code routes}, or a name ending in one of
 * them, any case), so that HTTP clients ({@code axios.get('/x', config)}, {@code http.post(...)})
 * are not read as routes, and the call needs a second argument. Prefixes given where a router is
 * mounted in another file ({@code app.use('/api', router)}) are not followed. Pure.
 */
final class ScriptRoutes {
    private static final Set<String> VERBS = Set.of("get", "post", "put", "patch", "delete", "head", "options", "all");
    private static final Pattern RECEIVER = Pattern.compile("(?i)(.*app|server|.*router|.*routes?)");

    private ScriptRoutes() {
    }

    static List<CodeEndpoint> routes(List<Token> t) {
        List<CodeEndpoint> out = new ArrayList<>();
        for (int k = 2; k < t.size(); k++) {
            Token tok = t.get(k);
            if (tok.kind() != Token.Kind.WORD || !t.get(k - 1).isPunct('.') || t.get(k - 2).kind() != Token.Kind.WORD
                    || !RECEIVER.matcher(t.get(k - 2).text()).matches()) {
                continue;
            }
            Token open = TokenArgs.at(t, k + 1);
            Token str = TokenArgs.at(t, k + 2);
            Token after = TokenArgs.at(t, k + 3);
            if (open == null || !open.isPunct('(') || str == null || !str.isString() || !str.text().startsWith("/")
                    || after == null) {
                continue;
            }
            if (VERBS.contains(tok.text()) && after.isPunct(',')) {
                out.add(new CodeEndpoint(method(tok.text()), str.text(), tok.line()));
            } else if (tok.isWord("route") && after.isPunct(')')) {
                int j = k + 4;
                while (j + 2 < t.size() && t.get(j).isPunct('.') && VERBS.contains(t.get(j + 1).text())
                        && t.get(j + 1).kind() == Token.Kind.WORD && t.get(j + 2).isPunct('(')) {
                    out.add(new CodeEndpoint(method(t.get(j + 1).text()), str.text(), t.get(j + 1).line()));
                    j = TokenArgs.closing(t, j + 2) + 1;
                }
            }
        }
        return out;
    }

    private static String method(String verb) {
        return verb.equals("all") ? "ANY" : verb.toUpperCase(Locale.ROOT);
    }
}
