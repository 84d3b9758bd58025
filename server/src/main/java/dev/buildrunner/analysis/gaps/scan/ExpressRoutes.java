package dev.buildrunner.analysis.gaps.scan;

import dev.buildrunner.analysis.gaps.code.Annotations;
import dev.buildrunner.analysis.gaps.code.Language;
import dev.buildrunner.analysis.gaps.code.PathExpr;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Express, Koa (koa-router, {@code @koa/router}) and Fastify route declarations in JavaScript and
 * TypeScript. Receivers are the apps and routers the file creates ({@code express()},
 * {@code express.Router()}, {@code new Router({prefix: "/users"})}, {@code fastify()}), or
 * {@code app}, {@code router} and {@code server} in a file that imports a server framework.
 * Routes: {@code router.get("/x", handler...)} (at least two arguments), {@code router.route("/x").get(h).post(h)};
 * mounts: {@code app.use("/api", usersRouter)}, {@code app.use("/api", require("./routes/users"))},
 * {@code app.use(router.routes())}.
 */
final class ExpressRoutes implements Extractor {
    private static final String ID = "[A-Za-z_$][\\w$]*+";
    private static final Pattern DECL = Pattern.compile("\\b(?:const|let|var)\\s+(" + ID
            + ")\\s*(?::\\s*[\\w.<>]+\\s*)?=\\s*(express\\s*\\(\\s*\\)|require\\s*\\(\\s*['\"]express['\"]\\s*\\)\\s*\\(\\s*\\)"
            + "|(?:express\\s*\\.\\s*)?Router\\s*\\(|require\\s*\\(\\s*['\"]express['\"]\\s*\\)\\s*\\.\\s*Router\\s*\\("
            + "|new\\s+(?:Koa)?Router\\s*\\(|[Ff]astify\\s*\\(|new\\s+Koa\\s*\\()");
    private static final Pattern VERB = Pattern.compile(
            "(?<![\\w$.])(" + ID + ")\\s*\\.\\s*(get|post|put|patch|delete|del|head|options|all)\\s*\\(");
    private static final Pattern ROUTE = Pattern.compile("(?<![\\w$.])(" + ID + ")\\s*\\.\\s*route\\s*\\(");
    private static final Pattern CHAINED = Pattern.compile("\\G\\s*\\.\\s*(get|post|put|patch|delete|del|head|options|all)\\s*\\(");
    private static final Pattern USE = Pattern.compile("(?<![\\w$.])(" + ID + ")\\s*\\.\\s*use\\s*\\(");
    private static final Pattern SERVER_IMPORT = Pattern.compile(
            "(?:from\\s*|require\\s*\\(\\s*)['\"](?:express|koa|@koa/router|koa-router|fastify)['\"]");
    private static final Pattern PREFIX = Pattern.compile("\\bprefix\\s*:\\s*");
    private static final Pattern REQUIRE = Pattern.compile("^require\\s*\\(\\s*['\"]([^'\"]+)['\"]\\s*\\)$");
    private static final Pattern ROUTES_CALL = Pattern.compile("^(" + ID + "(?:\\." + ID + ")*)\\s*\\.\\s*routes\\s*\\(\\s*\\)$");
    private static final Pattern NAME = Pattern.compile("^" + ID + "(?:\\s*\\.\\s*" + ID + ")*$");

    @Override
    public boolean accepts(Src src) {
        if (src.lang() != Language.JS) {
            return false;
        }
        String c = src.text();
        return c.contains("express") || c.contains("koa") || c.contains("Router") || c.contains("astify");
    }

    @Override
    public void scan(Src src, FileScan.Builder out) {
        Map<String, String> frameworks = new HashMap<>();
        Matcher d = DECL.matcher(src.text());
        while (d.find()) {
            String kind = d.group(2);
            String framework = kind.contains("Koa") || kind.startsWith("new") ? "koa"
                    : kind.toLowerCase(Locale.ROOT).contains("fastify") ? "fastify" : "express";
            String prefix = "";
            if (kind.startsWith("new") && kind.endsWith("(")) {
                int open = d.end() - 1;
                int close = src.ct().closing(open);
                Matcher p = PREFIX.matcher(src.text()).region(open, close);
                if (p.find()) {
                    prefix = src.stringOrConstant(p.end()).orElse("");
                }
            }
            frameworks.putIfAbsent(d.group(1), framework);
            out.routers.add(new FileScan.RouterDecl(d.group(1), prefix));
        }
        boolean server = frameworks.size() > 0 || importsServer(src.text());
        if (!server) {
            return;
        }
        for (String implicit : List.of("app", "router", "server")) {
            frameworks.putIfAbsent(implicit, "express");
        }
        Matcher v = VERB.matcher(src.code());
        while (v.find()) {
            String framework = frameworks.get(v.group(1));
            if (framework != null) {
                route(src, v.group(1), v.group(2), v.end() - 1, v.start(2), true, framework, out);
            }
        }
        Matcher r = ROUTE.matcher(src.code());
        while (r.find()) {
            String framework = frameworks.get(r.group(1));
            if (framework == null) {
                continue;
            }
            int open = r.end() - 1;
            List<Annotations.Arg> args = src.args(open);
            Optional<String> path = args.isEmpty() ? Optional.empty() : src.stringOrConstant(args.get(0).offset());
            if (path.isEmpty()) {
                continue;
            }
            int at = src.ct().closing(open) + 1;
            Matcher c = CHAINED.matcher(src.code());
            while (at < src.code().length() && c.find(at)) {
                out.routes.add(new FileScan.RouteDecl(method(c.group(1)), path.get(), r.group(1), src.line(c.start(1)),
                        framework));
                at = src.ct().closing(c.end() - 1) + 1;
            }
        }
        Matcher u = USE.matcher(src.code());
        while (u.find()) {
            if (frameworks.containsKey(u.group(1))) {
                mount(src, u.group(1), u.end() - 1, out);
            }
        }
    }

    private static boolean importsServer(String text) {
        return SERVER_IMPORT.matcher(text).find();
    }

    private static void route(Src src, String receiver, String verb, int open, int at, boolean needsHandler,
            String framework, FileScan.Builder out) {
        List<Annotations.Arg> args = src.args(open);
        if (args.size() < (needsHandler ? 2 : 1)) {
            return;
        }
        Optional<String> path = src.stringOrConstant(args.get(0).offset());
        if (path.isEmpty() || path.get().isEmpty() || !(path.get().startsWith("/") || path.get().equals("*")
                || path.get().charAt(0) == PathExpr.REF_START)) {
            return;
        }
        out.routes.add(new FileScan.RouteDecl(method(verb), path.get(), receiver, src.line(at), framework));
    }

    private static String method(String verb) {
        return switch (verb) {
            case "del" -> "DELETE";
            case "all" -> Route.ANY;
            default -> verb.toUpperCase(Locale.ROOT);
        };
    }

    private static void mount(Src src, String parent, int open, FileScan.Builder out) {
        List<Annotations.Arg> args = src.args(open);
        if (args.isEmpty()) {
            return;
        }
        String prefix = "";
        int first = 0;
        Optional<String> p = src.stringOrConstant(args.get(0).offset());
        if (p.isPresent() && !p.get().contains("(")) {
            prefix = p.get();
            first = 1;
        }
        for (int k = first; k < args.size(); k++) {
            String value = args.get(k).value();
            Matcher req = REQUIRE.matcher(value);
            Matcher routes = ROUTES_CALL.matcher(value);
            String child = req.matches() ? "require:" + req.group(1) : routes.matches() ? routes.group(1)
                    : NAME.matcher(value).matches() ? value.replaceAll("\\s+", "") : null;
            if (child != null) {
                out.mounts.add(new FileScan.MountDecl(parent, prefix, child, false, src.line(args.get(k).offset())));
            }
        }
    }
}
