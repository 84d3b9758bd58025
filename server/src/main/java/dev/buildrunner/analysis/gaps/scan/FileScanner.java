package dev.buildrunner.analysis.gaps.scan;

import dev.buildrunner.analysis.gaps.code.Language;
import java.util.List;
import java.util.Objects;

/**
 * Scans one file's text with every extractor of its language: JVM web frameworks (Spring,
 * JAX-RS, Javalin), Python (FastAPI, Flask), JavaScript modules, Express/Koa/Fastify, Next.js
 * handlers and frontend HTTP calls. A pure function of (language, text), so its result can be
 * cached by blob id; see {@link RouteResolver} for what needs the file's path and the other files.
 */
public final class FileScanner {
    private static final List<Extractor> EXTRACTORS = List.of(new SpringRoutes(), new JaxRsRoutes(),
            new JavalinRoutes(), new PythonRoutes(), new JsModules(), new ExpressRoutes(), new NextHandlers(),
            new UiCalls());

    private FileScanner() {
    }

    /** What a file of this language and text declares; never throws on any text. */
    public static FileScan scan(Language language, String text) {
        Objects.requireNonNull(language, "language");
        Src src = Src.of(language, text);
        FileScan.Builder out = new FileScan.Builder();
        for (Extractor e : EXTRACTORS) {
            if (e.accepts(src)) {
                e.scan(src, out);
            }
        }
        return out.build();
    }
}
