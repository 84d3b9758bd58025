package dev.buildrunner.analysis.gaps.code;

import java.util.Locale;
import java.util.Optional;

/**
 * The lexical families the gap analyser reads, chosen by file extension. Each family has its own
 * comment and string syntax ({@link CodeText}); files of other extensions are not read.
 */
public enum Language {
    /** Java, Kotlin and Groovy: {@code //}, {@code /* *}{@code /}, {@code "..."}, text blocks. */
    JAVA,
    /** Python: {@code #} comments, quoted strings, triple-quoted strings (docstrings). */
    PYTHON,
    /** JavaScript and TypeScript: C comments, quotes, template literals, regex literals. */
    JS,
    /** Vue and Svelte single-file components: JavaScript inside {@code <script>} blocks only. */
    SFC;

    /** The family of a repository path, by its extension; empty for files the analyser does not read. */
    public static Optional<Language> of(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot <= slash + 1) {
            return Optional.empty();
        }
        return switch (path.substring(dot + 1).toLowerCase(Locale.ROOT)) {
            case "java", "kt", "kts", "groovy" -> Optional.of(JAVA);
            case "py" -> Optional.of(PYTHON);
            case "js", "jsx", "ts", "tsx", "mjs", "cjs", "mts", "cts" -> Optional.of(JS);
            case "vue", "svelte" -> Optional.of(SFC);
            default -> Optional.empty();
        };
    }

    /** The cache namespace word of this family (scans of equal bytes differ between families). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
