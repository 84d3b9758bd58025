package dev.buildrunner.analysis.gaps.scan;

import dev.buildrunner.analysis.gaps.code.Language;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Scans and resolves in-memory files for the extractor tests: {@code path, text, path, text, ...}. */
final class Scans {
    private Scans() {
    }

    static RouteResolver.Resolved resolve(String... pathsAndTexts) {
        Map<String, FileScan> scans = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            String path = pathsAndTexts[i];
            scans.put(path, FileScanner.scan(Language.of(path).orElseThrow(), pathsAndTexts[i + 1]));
        }
        return RouteResolver.resolve(scans);
    }

    /** {@code METHOD path file:line} of each route. */
    static List<String> routes(String... pathsAndTexts) {
        return resolve(pathsAndTexts).routes().stream()
                .map(r -> r.signature() + " " + r.file() + ":" + r.line()).toList();
    }

    /** {@code METHOD path file:line} of each UI call. */
    static List<String> calls(String... pathsAndTexts) {
        return resolve(pathsAndTexts).calls().stream()
                .map(c -> c.signature() + " " + c.file() + ":" + c.line()).toList();
    }
}
