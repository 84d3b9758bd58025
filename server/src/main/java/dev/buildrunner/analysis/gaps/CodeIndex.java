package dev.buildrunner.analysis.gaps;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.buildrunner.analysis.BlobCache;
import dev.buildrunner.analysis.SourceFile;
import dev.buildrunner.analysis.SourceTree;
import dev.buildrunner.analysis.gaps.code.Language;
import dev.buildrunner.analysis.gaps.scan.CodePaths;
import dev.buildrunner.analysis.gaps.scan.FileScan;
import dev.buildrunner.analysis.gaps.scan.FileScanner;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One pass over a tree's code files: each file's {@link FileScan} from the cache when its blob
 * was scanned before (namespace {@value #NAMESPACE}{@code /<language>}), else read and scanned
 * and cached. So a run after a previous one reads only the files that changed (issue 5:
 * "incremental"). Test code, vendored and generated code, and files over {@value #MAX_BYTES}
 * bytes are not read.
 */
final class CodeIndex {
    /** Cache namespace; its version changes whenever what a scan holds changes. */
    static final String NAMESPACE = "gaps/v1";
    /** Larger files are bundles or data, not hand-written routes. */
    static final long MAX_BYTES = 1 << 20;
    private static final TypeReference<FileScan> TYPE = new TypeReference<>() {
    };

    /**
     * The scans and how they were obtained.
     *
     * @param scans scan by path, sorted
     * @param stats files considered, read, cached
     */
    record Scanned(Map<String, FileScan> scans, ScanStats stats) {
    }

    private CodeIndex() {
    }

    static Scanned scan(SourceTree tree, BlobCache cache) {
        Map<String, FileScan> scans = new TreeMap<>();
        int read = 0;
        int cached = 0;
        for (SourceFile f : tree.files()) {
            Optional<Language> lang = Language.of(f.path());
            if (lang.isEmpty() || CodePaths.isTest(f.path()) || CodePaths.isSkipped(f.path()) || f.size() > MAX_BYTES) {
                continue;
            }
            String ns = NAMESPACE + "/" + lang.get().key();
            Optional<FileScan> hit = cache.get(ns, f.blobId(), TYPE);
            if (hit.isPresent()) {
                scans.put(f.path(), hit.get());
                cached++;
                continue;
            }
            Optional<byte[]> bytes = tree.read(f.path());
            if (bytes.isEmpty()) {
                continue;
            }
            read++;
            if (bytes.get().length > MAX_BYTES) {
                continue;
            }
            FileScan scan = FileScanner.scan(lang.get(), new String(bytes.get(), StandardCharsets.UTF_8));
            cache.put(ns, f.blobId(), scan);
            scans.put(f.path(), scan);
        }
        return new Scanned(scans, new ScanStats(read + cached, read, cached));
    }
}
