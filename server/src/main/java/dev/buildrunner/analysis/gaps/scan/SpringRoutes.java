package dev.buildrunner.analysis.gaps.scan;

import dev.buildrunner.analysis.gaps.code.Annotations;
import dev.buildrunner.analysis.gaps.code.Annotations.Annotation;
import dev.buildrunner.analysis.gaps.code.Annotations.Group;
import dev.buildrunner.analysis.gaps.code.Language;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spring MVC and WebFlux annotated controllers (Java and Kotlin): a class-level
 * {@code @RequestMapping} gives the prefix(es); {@code @GetMapping}, {@code @PostMapping},
 * {@code @PutMapping}, {@code @DeleteMapping}, {@code @PatchMapping} and a method-level
 * {@code @RequestMapping} (its {@code method = RequestMethod.X}, every method when absent) give
 * the routes. Paths come from {@code value}, {@code path} or the positional argument, single or
 * arrays ({@code {"/a", "/b"}}, Kotlin {@code ["/a"]}); constants of the same file are resolved.
 */
final class SpringRoutes implements Extractor {
    private static final Map<String, String> VERBS = Map.of("GetMapping", "GET", "PostMapping", "POST",
            "PutMapping", "PUT", "DeleteMapping", "DELETE", "PatchMapping", "PATCH");
    private static final Pattern METHOD = Pattern.compile("\\b(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\\b");

    @Override
    public boolean accepts(Src src) {
        return src.lang() == Language.JAVA && src.code().contains("Mapping");
    }

    @Override
    public void scan(Src src, FileScan.Builder out) {
        List<Group> groups = Annotations.groups(src.ct());
        List<Scope> classes = new ArrayList<>();
        for (Group g : groups) {
            if (g.isClass()) {
                List<String> prefixes = g.get("RequestMapping").map(a -> paths(src, a)).orElse(List.of(""));
                classes.add(new Scope(g.classBody()[0], g.classBody()[1], prefixes));
            }
        }
        for (Group g : groups) {
            if (g.isClass()) {
                continue;
            }
            for (Annotation a : g.annotations()) {
                String verb = VERBS.get(a.name());
                if (verb == null && !a.name().equals("RequestMapping")) {
                    continue;
                }
                List<String> methods = verb != null ? List.of(verb) : methods(a);
                for (String prefix : enclosing(classes, a.offset())) {
                    for (String path : paths(src, a)) {
                        for (String m : methods) {
                            out.routes.add(new FileScan.RouteDecl(m, Src.join(prefix, path).isEmpty() ? "/"
                                    : Src.join(prefix, path), "", src.line(a.offset()), "spring"));
                        }
                    }
                }
            }
        }
    }

    /** A class body and its prefixes. */
    private record Scope(int start, int end, List<String> prefixes) {
    }

    /** The prefixes of the innermost class around an offset; {@code [""]} outside any annotated class. */
    private static List<String> enclosing(List<Scope> classes, int offset) {
        Scope best = null;
        for (Scope s : classes) {
            if (s.start() <= offset && offset < s.end() && (best == null || s.start() > best.start())) {
                best = s;
            }
        }
        return best == null ? List.of("") : best.prefixes();
    }

    /** The paths of a mapping annotation; {@code [""]} when it names none. */
    static List<String> paths(Src src, Annotation a) {
        if (a.args() == null) {
            return List.of("");
        }
        List<Annotations.Arg> args = Annotations.args(a.args());
        Optional<Annotations.Arg> value = Src.arg(args, "value", -1).or(() -> Src.arg(args, "path", -1))
                .or(() -> Src.arg(args, "", 0));
        if (value.isEmpty()) {
            return List.of("");
        }
        Annotations.Arg v = value.get();
        Set<String> out = new LinkedHashSet<>();
        int at = a.argsOffset() + v.offset();
        if (v.value().startsWith("{") || v.value().startsWith("[")) {
            int open = at;
            for (Annotations.Arg item : src.args(open)) {
                src.stringOrConstant(item.offset()).ifPresent(out::add);
            }
        } else {
            src.stringOrConstant(at).ifPresent(out::add);
        }
        return out.isEmpty() ? List.of("") : List.copyOf(out);
    }

    /** The {@code method} attribute's methods; {@link Route#ANY} when absent. */
    private static List<String> methods(Annotation a) {
        if (a.args() == null) {
            return List.of(Route.ANY);
        }
        Optional<Annotations.Arg> m = Src.arg(Annotations.args(a.args()), "method", -1);
        if (m.isEmpty()) {
            return List.of(Route.ANY);
        }
        Set<String> out = new LinkedHashSet<>();
        Matcher mm = METHOD.matcher(m.get().value());
        while (mm.find()) {
            out.add(mm.group(1));
        }
        return out.isEmpty() ? List.of(Route.ANY) : List.copyOf(out);
    }
}
