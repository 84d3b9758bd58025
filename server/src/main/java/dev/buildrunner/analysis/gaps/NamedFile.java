package dev.buildrunner.analysis.gaps;

/**
 * A file or directory a feature names.
 *
 * @param path the path as the spec writes it (repository-relative unless {@code unsafe} says otherwise)
 * @param line 1-based spec line that names it
 * @param directory true when only a directory will do (a trailing {@code /}, or a leaf directory of a drawn tree)
 * @param origin {@code files} (the feature's Files field), {@code tree} (a tree drawn in its text)
 *     or {@code requirement} (a requirement that is nothing but a path)
 * @param unsafe why the path is outside the repository, {@code ""} when it is not
 */
record NamedFile(String path, int line, boolean directory, String origin, String unsafe) {
}
