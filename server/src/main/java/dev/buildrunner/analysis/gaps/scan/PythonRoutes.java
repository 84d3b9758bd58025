package dev.buildrunner.analysis.gaps.scan;

import dev.buildrunner.analysis.gaps.code.Annotations;
import dev.buildrunner.analysis.gaps.code.Language;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FastAPI and Flask (and Starlette-style decorators) in Python: applications and routers
 * ({@code FastAPI()}, {@code APIRouter(prefix="/users")}, {@code Flask(__name__)},
 * {@code Blueprint("users", __name__, url_prefix="/users")}), route decorators
 * ({@code @router.get("/{id}")}, {@code @app.route("/x", methods=["GET", "POST"])},
 * {@code @router.api_route(...)}), mounts ({@code app.include_router(users.router, prefix="/api")},
 * {@code app.register_blueprint(bp, url_prefix="/api")}, {@code app.mount("/sub", sub_app)}),
 * and imports ({@code from app.routers import users}, {@code import a.b as c}). A decorator in a
 * comment or a docstring is not read ({@code CodeText}).
 */
final class PythonRoutes implements Extractor {
    private static final Pattern APP = Pattern.compile(
            "(?m)^[ \\t]*([A-Za-z_]\\w*)\\s*(?::\\s*[\\w.]+\\s*)?=\\s*(?:[\\w.]*\\.)?(FastAPI|APIRouter|Flask|Blueprint|Starlette)\\s*\\(");
    private static final Pattern DECORATOR = Pattern.compile(
            "(?m)^[ \\t]*@\\s*([A-Za-z_][\\w.]*?)\\s*\\.\\s*(get|post|put|patch|delete|head|options|route|api_route)\\s*\\(");
    private static final Pattern MOUNT = Pattern.compile(
            "(?<![\\w.])([A-Za-z_]\\w*+(?:\\.[A-Za-z_]\\w*+)*?)\\s*+\\.\\s*+(include_router|register_blueprint|mount)\\s*\\(");
    private static final Pattern FROM_IMPORT = Pattern.compile(
            "(?m)^[ \\t]*from\\s+([.\\w]+)\\s+import\\s+(\\([^)]*\\)|[^\\n]+)");
    private static final Pattern IMPORT = Pattern.compile("(?m)^[ \\t]*import\\s+([\\w.]+)(?:\\s+as\\s+(\\w+))?");
    private static final Pattern STRING_ITEM = Pattern.compile("['\"]([A-Za-z]+)['\"]");
    private static final Pattern NAME = Pattern.compile("^[A-Za-z_][\\w]*(?:\\.[A-Za-z_]\\w*)*$");

    @Override
    public boolean accepts(Src src) {
        if (src.lang() != Language.PYTHON) {
            return false;
        }
        String t = src.code();
        return t.contains("fastapi") || t.contains("flask") || t.contains("starlette") || t.contains("APIRouter")
                || t.contains("Blueprint") || t.contains("include_router") || t.contains("register_blueprint");
    }

    @Override
    public void scan(Src src, FileScan.Builder out) {
        Map<String, String> frameworks = new HashMap<>();
        Matcher a = APP.matcher(src.code());
        while (a.find()) {
            String kind = a.group(2);
            List<Annotations.Arg> args = src.args(a.end() - 1);
            String key = kind.equals("Blueprint") ? "url_prefix" : "prefix";
            String prefix = kind.equals("APIRouter") || kind.equals("Blueprint")
                    ? Src.arg(args, key, -1).flatMap(p -> src.stringOrConstant(p.offset())).orElse("") : "";
            frameworks.put(a.group(1), kind.equals("Flask") || kind.equals("Blueprint") ? "flask" : "fastapi");
            out.routers.add(new FileScan.RouterDecl(a.group(1), prefix));
        }
        String defaultFramework = src.code().contains("flask") ? "flask" : "fastapi";
        Matcher d = DECORATOR.matcher(src.code());
        while (d.find()) {
            String receiver = d.group(1);
            String verb = d.group(2);
            List<Annotations.Arg> args = src.args(d.end() - 1);
            Optional<Annotations.Arg> pathArg = Src.arg(args, "path", 0).or(() -> Src.arg(args, "rule", -1));
            Optional<String> path = pathArg.flatMap(p -> src.stringOrConstant(p.offset()));
            if (path.isEmpty()) {
                continue;
            }
            List<String> methods = new ArrayList<>();
            if (verb.equals("route") || verb.equals("api_route")) {
                Src.arg(args, "methods", -1).ifPresent(m -> {
                    Matcher s = STRING_ITEM.matcher(m.value());
                    while (s.find()) {
                        methods.add(s.group(1).toUpperCase(Locale.ROOT));
                    }
                });
                if (methods.isEmpty()) {
                    methods.add("GET");
                }
            } else {
                methods.add(verb.toUpperCase(Locale.ROOT));
            }
            String framework = frameworks.getOrDefault(receiver, defaultFramework);
            for (String m : methods) {
                out.routes.add(new FileScan.RouteDecl(m, path.get(), receiver, src.line(d.start(2)), framework));
            }
        }
        mounts(src, out);
        imports(src, out);
    }

    private static void mounts(Src src, FileScan.Builder out) {
        Matcher m = MOUNT.matcher(src.code());
        while (m.find()) {
            List<Annotations.Arg> args = src.args(m.end() - 1);
            boolean mount = m.group(2).equals("mount");
            Optional<Annotations.Arg> child = mount ? Src.arg(args, "app", 1) : Src.arg(args, "router", 0)
                    .or(() -> Src.arg(args, "blueprint", -1));
            if (child.isEmpty() || !NAME.matcher(child.get().value()).matches()) {
                continue;
            }
            Optional<Annotations.Arg> prefixArg = mount ? Src.arg(args, "path", 0)
                    : Src.arg(args, m.group(2).equals("register_blueprint") ? "url_prefix" : "prefix", -1);
            String prefix = prefixArg.flatMap(p -> src.stringOrConstant(p.offset())).orElse("");
            out.mounts.add(new FileScan.MountDecl(m.group(1), prefix, child.get().value(),
                    m.group(2).equals("register_blueprint"), src.line(m.start(2))));
        }
    }

    private static void imports(Src src, FileScan.Builder out) {
        Matcher f = FROM_IMPORT.matcher(src.code());
        while (f.find()) {
            String names = f.group(2).replace("(", " ").replace(")", " ").replace("\\", " ");
            for (String part : names.split(",")) {
                String[] ab = part.trim().split("\\s+as\\s+");
                String name = ab[0].trim();
                if (name.matches("[A-Za-z_]\\w*")) {
                    out.imports.add(new FileScan.ImportDecl(ab.length > 1 ? ab[1].trim() : name, f.group(1), name));
                }
            }
        }
        Matcher i = IMPORT.matcher(src.code());
        while (i.find()) {
            out.imports.add(new FileScan.ImportDecl(i.group(2) != null ? i.group(2) : i.group(1), i.group(1), "*"));
        }
    }
}
