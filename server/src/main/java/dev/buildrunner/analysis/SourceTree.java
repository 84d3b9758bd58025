package dev.buildrunner.analysis;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The files an analyser reads: a commit's tree ({@link GitTrees#atCommit}), the index (staged
 * files, {@link GitTrees#index}) or the work tree ({@link GitTrees#workTree}). Paths are
 * repository-relative with {@code /}; nothing outside the repository can be named or read.
 * Regular files only (no submodules; symbolic links are skipped).
 */
public interface SourceTree {
    /** The revision this tree is: a commit id, {@code INDEX} or {@code WORKTREE}. */
    String revision();

    /** Every file, sorted by path. */
    List<SourceFile> files();

    /**
     * The bytes of a file, or empty when the tree has no such file.
     *
     * @throws java.io.UncheckedIOException when the file exists but cannot be read
     */
    Optional<byte[]> read(String path);

    /** The file's text decoded as UTF-8 (malformed bytes replaced), or empty when absent. */
    default Optional<String> readText(String path) {
        return read(path).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /** The file at a path, or empty. */
    default Optional<SourceFile> file(String path) {
        return Optional.ofNullable(byPath().get(path));
    }

    /** True when the tree has a file at exactly this path. */
    default boolean exists(String path) {
        return byPath().containsKey(path);
    }

    /** True when some file lies under this directory path (no trailing slash needed). */
    default boolean directoryExists(String dir) {
        String prefix = dir.endsWith("/") ? dir : dir + "/";
        return files().stream().anyMatch(f -> f.path().startsWith(prefix));
    }

    /** The files keyed by path. Implementations cache it. */
    default Map<String, SourceFile> byPath() {
        return files().stream().collect(Collectors.toMap(SourceFile::path, Function.identity()));
    }
}
