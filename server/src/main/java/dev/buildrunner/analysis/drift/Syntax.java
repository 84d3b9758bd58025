package dev.buildrunner.analysis.drift;

import java.util.Locale;
import java.util.Optional;

/**
 * The source languages the drift analyser reads imports and routes from, chosen by file extension.
 * Vue and Svelte components are read as scripts: only their {@code <script>} blocks.
 */
enum Syntax {
    /** {@code .java}. */
    JAVA,
    /** {@code .kt}, {@code .kts}: nested block comments, raw strings, imports without semicolons. */
    KOTLIN,
    /** JavaScript and TypeScript: {@code .js .jsx .mjs .cjs .ts .tsx .mts .cts}, and Vue/Svelte scripts. */
    SCRIPT,
    /** {@code .py}. */
    PYTHON;

    /** The syntax of a repository path, or empty when the drift analyser does not read that language. */
    static Optional<Syntax> of(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot <= slash + 1) {
            return Optional.empty();
        }
        return switch (path.substring(dot + 1).toLowerCase(Locale.ROOT)) {
            case "java" -> Optional.of(JAVA);
            case "kt", "kts" -> Optional.of(KOTLIN);
            case "js", "jsx", "mjs", "cjs", "ts", "tsx", "mts", "cts", "vue", "svelte" -> Optional.of(SCRIPT);
            case "py" -> Optional.of(PYTHON);
            default -> Optional.empty();
        };
    }

    /** True for single-file components whose script sits in {@code <script>} blocks. */
    static boolean isComponent(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return p.endsWith(".vue") || p.endsWith(".svelte");
    }
}
