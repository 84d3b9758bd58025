package dev.buildrunner.analysis.drift;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which changed files the diff analyser counts as code (a decision of issue 5's drift analyser,
 * documented here):
 * <ul>
 *   <li>code: source files by extension (JVM, JS/TS and their components, Python, Go, Rust, C
 *       family, C#, Swift, Ruby, PHP, Dart, Elixir, Scala, Lua, shell);</li>
 *   <li>not code: documentation, configuration, build files, lockfiles, data and assets (their
 *       extensions are not in the list), and everything under {@code .buildrunner/};</li>
 *   <li>tests: under a {@code test}, {@code tests}, {@code __tests__} or {@code e2e} directory,
 *       or named {@code *Test(s)}, {@code *IT}, {@code test_*}, {@code *_test}, {@code *.test.*},
 *       {@code *.spec.*}. Tests are code for "did the code change", but not for "is this change
 *       documented": tests verify features, they are not part of the architecture a spec
 *       describes, and specs rarely list them.</li>
 * </ul>
 * Pure.
 */
final class CodeFiles {
    private static final Set<String> CODE = Set.of("java", "kt", "kts", "scala", "groovy", "clj", "go", "rs", "c", "h",
            "cc", "cpp", "cxx", "hpp", "hh", "cs", "fs", "swift", "m", "mm", "rb", "php", "py", "ts", "tsx", "js", "jsx",
            "mjs", "cjs", "mts", "cts", "vue", "svelte", "dart", "ex", "exs", "erl", "lua", "pl", "sh", "bash");
    private static final Set<String> TEST_DIRS = Set.of("test", "tests", "__tests__", "e2e");
    private static final Pattern TEST_NAME = Pattern.compile(
            "(.*(Test|Tests|IT)\\.[A-Za-z]+|test_.*\\.py|.*_test\\.[A-Za-z]+|.*\\.(test|spec)\\.[A-Za-z]+)");

    private CodeFiles() {
    }

    /** True for a source file outside {@code .buildrunner/}, tests included. */
    static boolean isCode(String path) {
        if (path.startsWith(".buildrunner/")) {
            return false;
        }
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash + 1 && CODE.contains(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** True for a test by its directory or its name. */
    static boolean isTest(String path) {
        String[] segs = path.split("/");
        for (int i = 0; i < segs.length - 1; i++) {
            if (TEST_DIRS.contains(segs[i])) {
                return true;
            }
        }
        return TEST_NAME.matcher(segs[segs.length - 1]).matches();
    }

    /** Code that is not a test: what the spec's features are expected to name. */
    static boolean isProductionCode(String path) {
        return isCode(path) && !isTest(path);
    }
}
