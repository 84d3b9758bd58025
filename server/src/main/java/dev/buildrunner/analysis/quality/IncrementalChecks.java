package dev.buildrunner.analysis.quality;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.buildrunner.analysis.BlobCache;
import dev.buildrunner.analysis.SourceFile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a {@link FileCheck} incrementally (issue 5: "analyse only the changed files, reuse the
 * previous commit's results for the rest, cache keyed by blob id"): each file's stored issues are
 * looked up in the {@link BlobCache} under the namespace {@code quality/<tool>/<hash of the check's
 * configuration>} and the file's {@link FileCheck#cacheKeys cache key}; only the misses are read and
 * analysed, in one call of the tool, and stored. Then {@link FileCheck#review} turns every file's
 * stored issues into reported ones.
 */
final class IncrementalChecks {
    private static final TypeReference<List<Issue>> ISSUES = new TypeReference<>() {
    };

    private final BlobCache cache;

    IncrementalChecks(BlobCache cache) {
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    /** What one check reported, with its status. */
    record Outcome(ToolStatus status, Map<String, List<Issue>> issues) {
    }

    /**
     * Runs a check on the files it accepts.
     *
     * @param files the tree's files, global exclusions already applied
     */
    Outcome run(FileCheck check, List<SourceFile> files, CheckContext context) {
        long t0 = System.nanoTime();
        QualityStandards standards = context.standards();
        String namespace = namespace(check.tool(), check.configuration(context));
        Map<String, List<Issue>> stored = new LinkedHashMap<>();
        List<SourceFile> accepted = files.stream().filter(f -> check.accepts(f.path(), standards)).toList();
        Map<String, String> keys = check.cacheKeys(accepted, context);
        List<FileText> misses = new ArrayList<>();
        for (SourceFile f : accepted) {
            String key = keys.get(f.path());
            var hit = cache.get(namespace, key, ISSUES);
            if (hit.isPresent()) {
                stored.put(f.path(), hit.get());
            } else {
                context.tree().readText(f.path())
                        .ifPresent(text -> misses.add(new FileText(f.path(), f.blobId(), text)));
            }
        }
        int fromCache = stored.size();
        if (!misses.isEmpty()) {
            Map<String, List<Issue>> fresh = check.check(misses, context);
            for (FileText f : misses) {
                List<Issue> issues = List.copyOf(fresh.getOrDefault(f.path(), List.of()));
                cache.put(namespace, keys.get(f.path()), issues);
                stored.put(f.path(), issues);
            }
        }
        Map<String, List<Issue>> reported = new LinkedHashMap<>();
        int count = 0;
        for (Map.Entry<String, List<Issue>> e : check.review(stored, context).entrySet()) {
            if (!e.getValue().isEmpty()) {
                reported.put(e.getKey(), List.copyOf(e.getValue()));
                count += e.getValue().size();
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        ToolStatus status = accepted.isEmpty()
                ? new ToolStatus(check.tool(), ToolStatus.State.SKIPPED, "no files to analyse", ms, 0, 0, 0)
                : new ToolStatus(check.tool(), ToolStatus.State.RAN, "", ms, misses.size(), fromCache, count);
        return new Outcome(status, reported);
    }

    /** {@code quality/<tool>/<first 16 hex digits of SHA-256(configuration)>}. */
    static String namespace(String tool, String configuration) {
        return "quality/" + tool + "/" + sha256(configuration).substring(0, 16);
    }

    /** SHA-256 of UTF-8 text, 64 lower-case hex digits. */
    static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
