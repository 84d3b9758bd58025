package dev.buildrunner.analysis.gaps.scan;

/**
 * Reads one family of declarations (a web framework's routes, or frontend HTTP calls) from one
 * file into a {@link FileScan.Builder}. Implementations are stateless; {@link #scan} depends on
 * the file's bytes only, never on its path, so that results can be cached by blob id.
 */
interface Extractor {
    /** A cheap test whether the file may hold declarations of this family. */
    boolean accepts(Src src);

    /** Adds what the file declares. */
    void scan(Src src, FileScan.Builder out);
}
