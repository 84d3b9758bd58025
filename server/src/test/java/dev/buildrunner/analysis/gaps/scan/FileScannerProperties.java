package dev.buildrunner.analysis.gaps.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.buildrunner.analysis.gaps.code.CodeText;
import dev.buildrunner.analysis.gaps.code.Language;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any text, in any language, scans without an exception, keeps its length and lines in both
 * lexed views, and resolves; a scan survives its JSON round trip (the cache) unchanged. Texts
 * are made of the tokens that drive the scanners (quotes, comment openers, brackets, route calls)
 * so that half-written code is covered.
 */
class FileScannerProperties {
    private static final List<String> TOKENS = List.of("\"", "'", "`", "${", "}", "{", "(", ")", "[", "]", "/", "//",
            "/*", "*/", "#", "\"\"\"", "'''", "\n", " ", "@", "@GetMapping(", "@RequestMapping(\"/a\")", "class X {",
            "@router.get(", "@app.route(", "app.get(", "router.post('/x', h)", "app.use('/p', r)", "fetch(",
            "axios.create({baseURL: '/b'})", "this.http.get<T>(", "path(\"p\", () -> {", "get(", "import x from './y'",
            "require('./z')", "from .a import b", "include_router(", "prefix=", "'/api/", ":id", "{id}", "<int:id>",
            "export async function GET(", "<script>", "</script>", "=", "+", ",", ";", "\\", "x", "Router()", "javalin",
            "express", "fastapi", "ApiBuilder", "@Path(\"p\")", "@GET", "\u0001", "\u0002");

    @Provide
    Arbitrary<String> code() {
        return Arbitraries.of(TOKENS).list().ofMaxSize(60).map(l -> String.join("", l));
    }

    @Property(tries = 400)
    void anyTextScansAndResolves(@ForAll("code") String text, @ForAll Language language) {
        CodeText ct = CodeText.of(language, text);
        assertThat(ct.text()).hasSameSizeAs(text);
        assertThat(ct.code()).hasSameSizeAs(text);
        assertThat(ct.text().chars().filter(c -> c == '\n').count()).isEqualTo(text.chars().filter(c -> c == '\n').count());
        FileScan scan = FileScanner.scan(language, text);
        String path = switch (language) {
            case JAVA -> "src/X.java";
            case PYTHON -> "app/x.py";
            case JS -> "web/app/api/x/route.ts";
            case SFC -> "web/X.vue";
        };
        RouteResolver.resolve(java.util.Map.of(path, scan, "other.js", scan));
    }

    @Property(tries = 100)
    void aScanSurvivesTheCache(@ForAll("code") String text, @ForAll Language language) throws Exception {
        FileScan scan = FileScanner.scan(language, text);
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(json.readValue(json.writeValueAsBytes(scan), FileScan.class)).isEqualTo(scan);
    }
}
