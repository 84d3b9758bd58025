package dev.buildrunner.analysis.gaps.scan;

import dev.buildrunner.analysis.gaps.code.Language;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exported HTTP method handlers of a JavaScript or TypeScript file:
 * {@code export async function GET(...)}, {@code export const POST = ...},
 * {@code export { handler as PUT }}, and {@code default} for a default export. In a Next.js
 * {@code app/**}{@code /route.ts} file they are its routes, in {@code pages/api/**} the default
 * export is ({@link RouteResolver} applies the file's path).
 */
final class NextHandlers implements Extractor {
    private static final String METHODS = "GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS";
    private static final Pattern FUNCTION = Pattern.compile(
            "\\bexport\\s+(?:async\\s+)?(?:function\\s*\\*?\\s*|const\\s+|let\\s+|var\\s+)(" + METHODS + ")\\b");
    private static final Pattern LIST = Pattern.compile("\\bexport\\s*\\{([^}]*)\\}");
    private static final Pattern AS = Pattern.compile("\\bas\\s+(" + METHODS + ")\\b|^\\s*(" + METHODS + ")\\s*$");
    private static final Pattern DEFAULT = Pattern.compile("\\bexport\\s+default\\b");

    @Override
    public boolean accepts(Src src) {
        return src.lang() == Language.JS && src.code().contains("export");
    }

    @Override
    public void scan(Src src, FileScan.Builder out) {
        Matcher m = FUNCTION.matcher(src.code());
        while (m.find()) {
            add(m.group(1), src.line(m.start(1)), out);
        }
        m = LIST.matcher(src.code());
        while (m.find()) {
            for (String part : m.group(1).split(",")) {
                Matcher as = AS.matcher(part);
                if (as.find()) {
                    add(as.group(1) != null ? as.group(1) : as.group(2), src.line(m.start()), out);
                }
            }
        }
        Matcher d = DEFAULT.matcher(src.code());
        if (d.find()) {
            add("default", src.line(d.start()), out);
        }
    }

    private static void add(String method, int line, FileScan.Builder out) {
        out.handlerExports.putIfAbsent(method, line);
    }
}
