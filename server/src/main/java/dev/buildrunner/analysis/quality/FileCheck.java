package dev.buildrunner.analysis.quality;

import dev.buildrunner.analysis.SourceFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tool whose issues in a file depend only on that file's content and the configuration: PMD,
 * Checkstyle, the complexity metrics and the secret scanner. That is what lets
 * {@link IncrementalChecks} reuse a file's issues from the cache while its blob id and the
 * configuration stay the same, and analyse only the files that changed.
 *
 * <p>Implementations are stateless and thread-safe; a run's state lives in the call.
 */
public interface FileCheck {
    /** The tool's name: the finding rule ids' prefix and the score's category. */
    String tool();

    /** True when the standards enable this tool. */
    boolean enabled(QualityStandards standards);

    /** True when this tool reads the file (the global exclusions are already applied). */
    boolean accepts(String path, QualityStandards standards);

    /**
     * Everything besides a file's content that its issues depend on (tool version, rule sets,
     * configuration text, ...): hashed into the cache namespace, so a change invalidates every entry.
     */
    String configuration(CheckContext context);

    /**
     * The cache key of each file's issues: its blob id, unless the issues also depend on the file's
     * neighbours (then a hash of both, 40 or 64 hex digits).
     *
     * @param files the files this check accepts
     * @return a key for every given path
     */
    default Map<String, String> cacheKeys(List<SourceFile> files, CheckContext context) {
        Map<String, String> keys = new LinkedHashMap<>();
        files.forEach(f -> keys.put(f.path(), f.blobId()));
        return keys;
    }

    /**
     * Analyses files.
     *
     * @return the issues of each given path, every path present (an empty list when clean)
     * @throws dev.buildrunner.analysis.AnalysisConfigException when the configuration is unusable
     */
    Map<String, List<Issue>> check(List<FileText> files, CheckContext context);

    /**
     * Turns the files' stored issues into reported ones: thresholds and allow-lists that do not
     * change what is stored apply here, after the cache. The default returns them as they are.
     *
     * @param stored issues by path, for every file this check accepts
     */
    default Map<String, List<Issue>> review(Map<String, List<Issue>> stored, CheckContext context) {
        return stored;
    }
}
