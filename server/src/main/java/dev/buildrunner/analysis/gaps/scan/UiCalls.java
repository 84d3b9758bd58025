package dev.buildrunner.analysis.gaps.scan;

import dev.buildrunner.analysis.gaps.code.Annotations;
import dev.buildrunner.analysis.gaps.code.Language;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP calls in JavaScript, TypeScript, Vue and Svelte code: {@code fetch(url, {method})} (also
 * {@code $fetch}, {@code useFetch}, {@code useSWR}), {@code axios(url)}, {@code axios({url, method})},
 * {@code axios.get(url)}, instances ({@code const api = axios.create({baseURL: "/api"})}, then
 * {@code api.post("/users")}), {@code axios.defaults.baseURL}, Angular's
 * {@code this.http.get<User[]>(`${this.base}/users`)}, jQuery's {@code $.get}. The URL is read as
 * a string expression with the file's constants resolved, so a base URL in a constant or field
 * is applied; one that is not known becomes an unknown prefix. Calls on a receiver that is
 * neither a known client nor named like one ({@code api}, {@code http}, {@code client}, ...) are
 * not HTTP calls ({@code map.get("/x")}).
 */
final class UiCalls implements Extractor {
    private static final String ID = "[A-Za-z_$][\\w$]*+";
    private static final Pattern FETCH = Pattern.compile(
            "(?<![\\w$.])(?:(?:window|globalThis)\\s*\\.\\s*)?(fetch|\\$fetch|ofetch|useFetch|useLazyFetch|useSWR)\\s*\\(");
    private static final Pattern AXIOS_CALL = Pattern.compile("axios\\s*+\\(");
    private static final Pattern VERB = Pattern.compile("\\.\\s*+(get|post|put|patch|delete|head|request)\\s*+(?=[<(])");
    private static final Pattern CREATE = Pattern.compile("(?<![\\w$.])(?:(?:const|let|var|private|public|protected|readonly|static)\\s+)*"
            + "(?:this\\s*\\.\\s*)?(" + ID + ")\\s*(?::\\s*[\\w.<>]+\\s*)?=\\s*axios\\s*\\.\\s*create\\s*\\(");
    private static final Pattern EXPORT_CREATE = Pattern.compile("\\bexport\\s+default\\s+axios\\s*\\.\\s*create\\s*\\(");
    private static final Pattern DEFAULTS = Pattern.compile("\\baxios\\s*\\.\\s*defaults\\s*\\.\\s*baseURL\\s*=\\s*");
    private static final Pattern BASE_URL = Pattern.compile("\\bbaseURL\\s*:\\s*");
    private static final Pattern URL_KEY = Pattern.compile("\\burl\\s*:\\s*");
    private static final Pattern METHOD_KEY = Pattern.compile("\\bmethod\\s*:\\s*");
    private static final Pattern LITERAL_METHOD = Pattern.compile("^['\"`]([A-Za-z]+)['\"`]");
    private static final Set<String> HTTP = Set.of("http", "httpClient", "_http", "$http", "$", "jQuery", "ky",
            "superagent", "request", "HttpClient");
    private static final Set<String> AXIOS = Set.of("axios", "$axios");
    private static final Pattern CLIENT_LIKE = Pattern.compile("(?i).*(api|http|client|axios|request|rest|fetch).*");

    @Override
    public boolean accepts(Src src) {
        return src.lang() == Language.JS || src.lang() == Language.SFC;
    }

    @Override
    public void scan(Src src, FileScan.Builder out) {
        String code = src.code();
        boolean axios = code.contains("axios");
        if (axios) {
            clients(src, out);
        }
        Matcher f = FETCH.matcher(code);
        while ((code.contains("etch") || code.contains("SWR")) && f.find()) {
            List<Annotations.Arg> args = src.args(f.end() - 1);
            if (!args.isEmpty()) {
                String method = args.size() > 1 ? method(src, args.get(1), "GET") : "GET";
                call(src, args.get(0), method, FileScan.FETCH, f.start(1), out);
            }
        }
        Matcher a = AXIOS_CALL.matcher(code);
        while (axios && a.find()) {
            if (Src.wordStart(code, a.start())) {
                config(src, a.end() - 1, FileScan.AXIOS, a.start(), out);
            }
        }
        Matcher v = VERB.matcher(code);
        while (v.find()) {
            String receiver = receiverBefore(code, v.start());
            if (receiver.isEmpty()) {
                continue;
            }
            String bare = receiver.startsWith("this.") ? receiver.substring(5) : receiver;
            String client = client(bare, out);
            if (client == null) {
                continue;
            }
            int open = src.code().indexOf('(', v.end());
            if (src.code().charAt(v.end()) == '<') {
                open = src.code().indexOf('(', skipAngles(src.code(), v.end()));
            }
            if (open < 0) {
                continue;
            }
            if (v.group(1).equals("request")) {
                config(src, open, client, v.start(1), out);
                continue;
            }
            List<Annotations.Arg> args = src.args(open);
            if (!args.isEmpty()) {
                call(src, args.get(0), v.group(1).toUpperCase(Locale.ROOT), client, v.start(1), out);
            }
        }
    }

    /** The client kind of a receiver, or null when it is no HTTP client. */
    private static String client(String receiver, FileScan.Builder out) {
        if (out.clients.containsKey(receiver)) {
            return receiver;
        }
        String first = receiver.contains(".") ? receiver.substring(0, receiver.indexOf('.')) : receiver;
        if (out.imports.stream().anyMatch(i -> i.local().equals(first) && isProjectModule(i.module()))) {
            return receiver;
        }
        if (AXIOS.contains(receiver)) {
            return FileScan.AXIOS;
        }
        if (HTTP.contains(receiver)) {
            return FileScan.HTTP;
        }
        String last = receiver.substring(receiver.lastIndexOf('.') + 1);
        return CLIENT_LIKE.matcher(last).matches() ? FileScan.UNKNOWN_CLIENT : null;
    }

    /** A module of the repository (relative or aliased), not a package such as {@code axios}. */
    private static boolean isProjectModule(String spec) {
        return spec.startsWith(".") || spec.startsWith("@/") || spec.startsWith("~/");
    }

    private static void clients(Src src, FileScan.Builder out) {
        Matcher c = CREATE.matcher(src.code());
        while (c.find()) {
            out.clients.putIfAbsent(c.group(1), baseUrl(src, c.end() - 1));
        }
        Matcher e = EXPORT_CREATE.matcher(src.code());
        if (e.find()) {
            out.clients.putIfAbsent("default", baseUrl(src, e.end() - 1));
            out.exports.putIfAbsent("default", "default");
        }
        Matcher d = DEFAULTS.matcher(src.code());
        if (d.find()) {
            src.stringOrConstant(d.end()).ifPresent(v -> out.clients.put(FileScan.AXIOS_DEFAULTS, v));
        }
    }

    private static String baseUrl(Src src, int open) {
        int close = src.ct().closing(open);
        Matcher b = BASE_URL.matcher(src.code()).region(open, close);
        return b.find() ? src.stringOrConstant(b.end()).orElse("") : "";
    }

    /** {@code axios({url, method})}, {@code axios(url, config)}, {@code client.request({...})}. */
    private static void config(Src src, int open, String client, int at, FileScan.Builder out) {
        List<Annotations.Arg> args = src.args(open);
        if (args.isEmpty()) {
            return;
        }
        Annotations.Arg first = args.get(0);
        if (first.value().startsWith("{")) {
            int close = src.ct().closing(first.offset());
            Matcher u = URL_KEY.matcher(src.code()).region(first.offset(), close);
            if (u.find()) {
                String method = method(src, first, "GET");
                call(src, new Annotations.Arg("", "", u.end()), method, client, at, out);
            }
        } else {
            String method = args.size() > 1 ? method(src, args.get(1), "GET") : "GET";
            call(src, first, method, client, at, out);
        }
    }

    /** The {@code method:} of an options object argument; {@link Route#ANY} when computed. */
    private static String method(Src src, Annotations.Arg options, String otherwise) {
        if (!options.value().startsWith("{")) {
            return otherwise;
        }
        int close = src.ct().closing(options.offset());
        Matcher m = METHOD_KEY.matcher(src.code()).region(options.offset(), close);
        if (!m.find()) {
            return otherwise;
        }
        Matcher lit = LITERAL_METHOD.matcher(src.text().substring(m.end(), close));
        return lit.find() ? lit.group(1).toUpperCase(Locale.ROOT) : Route.ANY;
    }

    private static void call(Src src, Annotations.Arg url, String method, String client, int at,
            FileScan.Builder out) {
        Optional<String> path = src.stringOrConstant(url.offset());
        if (path.isPresent() && PathPattern.parse(path.get()).isPresent()) {
            out.calls.add(new FileScan.CallDecl(method, path.get(), client, src.line(at)));
        }
    }

    /**
     * The dotted receiver that ends before the {@code .} at {@code dot} ({@code this.http},
     * {@code api}, {@code $}), white space around dots removed; {@code ""} when there is none
     * (a call result, an index).
     */
    static String receiverBefore(String code, int dot) {
        StringBuilder sb = new StringBuilder();
        int i = dot - 1;
        while (true) {
            while (i >= 0 && Character.isWhitespace(code.charAt(i))) {
                i--;
            }
            int end = i;
            while (i >= 0 && (Character.isLetterOrDigit(code.charAt(i)) || code.charAt(i) == '_' || code.charAt(i) == '$')) {
                i--;
            }
            if (i == end || Character.isDigit(code.charAt(i + 1))) {
                return "";
            }
            sb.insert(0, code, i + 1, end + 1);
            int j = i;
            while (j >= 0 && Character.isWhitespace(code.charAt(j))) {
                j--;
            }
            if (j >= 0 && code.charAt(j) == '.' && (j == 0 || code.charAt(j - 1) != '.')) {
                sb.insert(0, '.');
                i = j - 1;
            } else {
                return sb.toString();
            }
        }
    }

    private static int skipAngles(String code, int lt) {
        int depth = 0;
        for (int i = lt; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>' && --depth == 0) {
                return i + 1;
            } else if (c == '(' || c == ';') {
                return i;
            }
        }
        return code.length();
    }
}
