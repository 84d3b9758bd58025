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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One pass over a tree's code files, each file's {@link FileScan} taken from the previous runs
 * when its blob was scanned before, else read, scanned and remembered. So a run after a previous
 * one reads only the files that changed (issue 5: "incremental"). Test code, vendored and
 * generated code, and files over {@value #MAX_BYTES} bytes are not read.
 *
 * <p>The scans are kept in the analysis cache as one entry, a {@link Pack} keyed by
 * {@code <language>:<blob id>}, under namespace {@value #NAMESPACE}: a scan costs about as much
 * as reading one small cache file, so one entry per blob would make the first run several times
 * slower and a cached run no faster. The pack is rewritten only when a blob was scanned; it keeps
 * the blobs of earlier trees too (switching branches back and forth reads nothing twice) until
 * it holds more than twice the current tree's blobs. Concurrent runs may overwrite each other's
 * pack: every scan in it is content-addressed, so any pack is right, at worst incomplete.
 */
final class CodeIndex {
    /** Cache namespace; its version changes whenever what a scan holds changes. */
    static final String NAMESPACE = "gaps/v1";
    /** The pack's key in the cache: SHA-1 of "gaps/v1 scans" (the cache is keyed by 40 hex digits). */
    static final String PACK_KEY = "577fa731a18625be1c74739cf5769cd6e397d9aa";
    /** Larger files are bundles or data, not hand-written routes. */
    static final long MAX_BYTES = 1 << 20;
    private static final TypeReference<Pack> TYPE = new TypeReference<>() {
    };

    /**
     * The remembered scans.
     *
     * @param scans scans that found something, by {@code <language>:<blob id>}
     * @param empty keys of blobs whose scan found nothing (most files), sorted
     */
    record Pack(Map<String, FileScan> scans, List<String> empty) {
        Pack {
            scans = Map.copyOf(scans);
            empty = List.copyOf(empty);
        }
    }

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
        Pack previous = cache.get(NAMESPACE, PACK_KEY, TYPE).orElse(new Pack(Map.of(), List.of()));
        Map<String, FileScan> known = new HashMap<>(previous.scans());
        java.util.Set<String> empty = new java.util.HashSet<>(previous.empty());
        Map<String, FileScan> current = new HashMap<>();
        Map<String, FileScan> scans = new TreeMap<>();
        int read = 0;
        int cached = 0;
        for (SourceFile f : tree.files()) {
            Optional<Language> lang = Language.of(f.path());
            if (lang.isEmpty() || CodePaths.isTest(f.path()) || CodePaths.isSkipped(f.path()) || f.size() > MAX_BYTES) {
                continue;
            }
            String key = lang.get().key() + ":" + f.blobId();
            FileScan scan = empty.contains(key) ? FileScan.EMPTY : known.get(key);
            if (scan == null) {
                scan = current.get(key);
            }
            if (scan != null) {
                cached++;
            } else {
                Optional<byte[]> bytes = tree.read(f.path());
                if (bytes.isEmpty()) {
                    continue;
                }
                read++;
                scan = bytes.get().length > MAX_BYTES ? FileScan.EMPTY
                        : FileScanner.scan(lang.get(), new String(bytes.get(), StandardCharsets.UTF_8));
            }
            current.put(key, scan);
            scans.put(f.path(), scan);
        }
        if (read > 0 && cache.enabled()) {
            if (known.size() + empty.size() + current.size() > 2 * current.size() + 1000) {
                known.clear();
                empty.clear();
            }
            current.forEach((k, s) -> {
                if (s.equals(FileScan.EMPTY)) {
                    empty.add(k);
                    known.remove(k);
                } else {
                    known.put(k, s);
                }
            });
            cache.put(NAMESPACE, PACK_KEY, new Pack(known, List.copyOf(new TreeSet<>(empty))));
        }
        return new Scanned(scans, new ScanStats(read + cached, read, cached));
    }
}
