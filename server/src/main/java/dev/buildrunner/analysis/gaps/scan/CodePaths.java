package dev.buildrunner.analysis.gaps.scan;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a repository path is, by its name alone: test code, generated or vendored code, frontend
 * code. The gap analyser reads no test code (a route declared in a test is not the product's),
 * no dependency or build output, and takes UI calls from frontend files only. Pure.
 */
public final class CodePaths {
    private static final Set<String> TEST_DIRS = Set.of("test", "tests", "__tests__", "__mocks__", "e2e", "cypress",
            "testdata", "test-data");
    private static final Set<String> SKIPPED_DIRS = Set.of("node_modules", "dist", "build", "target", "out", "vendor",
            ".git", ".next", ".nuxt", ".svelte-kit", "coverage", "__pycache__", "venv", ".venv", "site-packages",
            "bower_components", ".gradle", ".idea", ".angular", "storybook-static");
    private static final Set<String> FRONTEND_DIRS = Set.of("frontend", "client", "web", "webapp", "ui", "www",
            "public", "static", "browser", "spa");
    private static final Pattern TEST_FILE = Pattern.compile(
            "(?:.*_test\\.py|test_.*\\.py|conftest\\.py|.*\\.(?:test|spec)\\.(?:js|jsx|ts|tsx|mjs|cjs|mts|vue)"
                    + "|.*(?:Test|Tests|IT)\\.(?:java|kt|kts|groovy))");
    private static final Pattern NEXT_APP_ROUTE = Pattern.compile("(?:^|.*/)app/(.*/)?route\\.(?:js|ts|jsx|tsx|mjs)$");
    private static final Pattern NEXT_PAGES_API = Pattern.compile("(?:^|.*/)pages/(api(?:/.*)?)\\.(?:js|ts|jsx|tsx|mjs)$");

    private CodePaths() {
    }

    /** True for test code: a {@code test}/{@code tests}/{@code __tests__}... directory or a test file name. */
    public static boolean isTest(String path) {
        String[] segs = path.split("/");
        for (int i = 0; i < segs.length - 1; i++) {
            if (TEST_DIRS.contains(segs[i].toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return TEST_FILE.matcher(segs[segs.length - 1]).matches();
    }

    /** True for dependency, build-output and tool directories, and minified files. */
    public static boolean isSkipped(String path) {
        String[] segs = path.split("/");
        for (int i = 0; i < segs.length - 1; i++) {
            if (SKIPPED_DIRS.contains(segs[i])) {
                return true;
            }
        }
        String name = segs[segs.length - 1];
        return name.endsWith(".min.js") || name.endsWith(".bundle.js") || name.endsWith(".d.ts");
    }

    /** True when a directory of the path is conventionally frontend code ({@code frontend/}, {@code client/}, {@code web/}...). */
    static boolean inFrontendDir(String path) {
        String[] segs = path.split("/");
        for (int i = 0; i < segs.length - 1; i++) {
            if (FRONTEND_DIRS.contains(segs[i].toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** True for the extensions only frontend code has: {@code .vue}, {@code .svelte}, {@code .jsx}, {@code .tsx}. */
    static boolean frontendExtension(String path) {
        return path.endsWith(".vue") || path.endsWith(".svelte") || path.endsWith(".jsx") || path.endsWith(".tsx");
    }

    /**
     * The route path of a Next.js route file: {@code app/api/users/[id]/route.ts} gives
     * {@code /api/users/[id]} (route groups {@code (x)} and slots {@code @x} left out),
     * {@code pages/api/users/index.ts} gives {@code /api/users}; null for other files.
     */
    static String nextRoute(String path) {
        var app = NEXT_APP_ROUTE.matcher(path);
        if (app.matches()) {
            StringBuilder sb = new StringBuilder();
            String dirs = app.group(1) == null ? "" : app.group(1);
            for (String seg : dirs.split("/")) {
                if (!seg.isEmpty() && !(seg.startsWith("(") && seg.endsWith(")")) && !seg.startsWith("@")) {
                    sb.append('/').append(seg);
                }
            }
            return sb.length() == 0 ? "/" : sb.toString();
        }
        var pages = NEXT_PAGES_API.matcher(path);
        if (pages.matches()) {
            String p = "/" + pages.group(1);
            return p.endsWith("/index") ? p.substring(0, p.length() - 6) : p;
        }
        return null;
    }

    /** True for a Next.js App Router route file (its exports are methods, not a default). */
    static boolean isNextAppRoute(String path) {
        return NEXT_APP_ROUTE.matcher(path).matches();
    }
}
