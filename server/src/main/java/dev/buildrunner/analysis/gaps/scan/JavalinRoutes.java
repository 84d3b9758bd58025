package dev.buildrunner.analysis.gaps.scan;

import dev.buildrunner.analysis.gaps.code.Annotations;
import dev.buildrunner.analysis.gaps.code.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Javalin (Java and Kotlin, files that mention {@code io.javalin}): handler registrations on any
 * receiver, {@code app.get("/x", handler)}, {@code cfg.routes.post(base + "/y", ...)} (at least
 * two arguments, the first a path starting with {@code /}); and the {@code ApiBuilder} DSL,
 * {@code path("users", () -> { get(handler); post("/{id}", handler); })}, nested paths joined.
 */
final class JavalinRoutes implements Extractor {
    private static final Pattern VERB = Pattern.compile(
            "(?<![\\w$])((?:[A-Za-z_$][\\w$]*+\\s*+\\.\\s*+)*)(get|post|put|patch|delete|head|options)\\s*\\(");
    private static final Pattern PATH = Pattern.compile("(?<![\\w$.])path\\s*\\(");

    @Override
    public boolean accepts(Src src) {
        return src.lang() == Language.JAVA && src.code().contains("javalin");
    }

    @Override
    public void scan(Src src, FileScan.Builder out) {
        boolean apiBuilder = src.code().toLowerCase(Locale.ROOT).contains("apibuilder");
        List<int[]> pathRanges = new ArrayList<>();
        List<String> pathValues = new ArrayList<>();
        if (apiBuilder) {
            Matcher p = PATH.matcher(src.code());
            while (p.find()) {
                int open = p.end() - 1;
                List<Annotations.Arg> args = src.args(open);
                if (args.size() >= 2) {
                    Optional<String> v = src.stringOrConstant(args.get(0).offset());
                    if (v.isPresent()) {
                        pathRanges.add(new int[] {open, src.ct().closing(open)});
                        pathValues.add(v.get());
                    }
                }
            }
        }
        Matcher m = VERB.matcher(src.code());
        while (m.find()) {
            int open = m.end() - 1;
            List<Annotations.Arg> args = src.args(open);
            boolean member = !m.group(1).isEmpty() || precededByDot(src.code(), m.start());
            String path;
            if (member) {
                if (args.size() < 2) {
                    continue;
                }
                Optional<String> v = src.stringOrConstant(args.get(0).offset());
                if (v.isEmpty() || !(v.get().startsWith("/") || v.get().indexOf('/') > 0)) {
                    continue;
                }
                path = v.get();
            } else {
                if (!apiBuilder || args.isEmpty()) {
                    continue;
                }
                path = args.size() >= 2 ? src.stringOrConstant(args.get(0).offset()).orElse("") : "";
                String prefix = "";
                for (int k = 0; k < pathRanges.size(); k++) {
                    int[] r = pathRanges.get(k);
                    if (r[0] < m.start() && m.start() < r[1]) {
                        prefix = Src.join(prefix, pathValues.get(k));
                    }
                }
                path = Src.join(prefix, path);
            }
            out.routes.add(new FileScan.RouteDecl(m.group(2).toUpperCase(Locale.ROOT), path.isEmpty() ? "/" : path,
                    "", src.line(m.start(2)), "javalin"));
        }
    }

    private static boolean precededByDot(String code, int at) {
        int i = at - 1;
        while (i >= 0 && Character.isWhitespace(code.charAt(i))) {
            i--;
        }
        return i >= 0 && code.charAt(i) == '.';
    }
}
