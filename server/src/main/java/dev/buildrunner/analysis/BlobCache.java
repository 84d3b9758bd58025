package dev.buildrunner.analysis;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Per-file analysis results keyed by the file's git blob id: what makes analysis incremental.
 * A file whose content did not change has the same blob id, so its results are reused; a file
 * that changed has a new id and is analysed again. Keys also carry a namespace that names the
 * analyser and a hash of its configuration, so changing a rule set never serves stale results.
 *
 * <p>Entries are JSON files under {@code root/namespace/ab/abcdef....json}, written to a temporary
 * file and moved into place atomically: a crash leaves either the old entry, the new one or none,
 * never half of one. Content-addressed entries never change, so concurrent writers of one key
 * write the same bytes and readers need no lock. An unreadable or corrupt entry is a miss.
 * {@link #disabled()} is a cache that keeps nothing (for one-off runs and tests).
 */
public final class BlobCache {
    private static final Pattern NAMESPACE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");
    private static final Pattern BLOB_ID = Pattern.compile("[0-9a-f]{40}([0-9a-f]{24})?");

    private final Path root;
    private final ObjectMapper json;

    private BlobCache(Path root, ObjectMapper json) {
        this.root = root;
        this.json = json;
    }

    /** A cache in {@code root} (created on first write). */
    public static BlobCache at(Path root, ObjectMapper json) {
        return new BlobCache(Objects.requireNonNull(root, "root"), Objects.requireNonNull(json, "json"));
    }

    /** A cache that never hits and stores nothing. */
    public static BlobCache disabled() {
        return new BlobCache(null, new ObjectMapper());
    }

    /** True unless {@link #disabled()}. */
    public boolean enabled() {
        return root != null;
    }

    /**
     * The entry for a blob in a namespace, or empty on a miss (also when the entry is corrupt).
     *
     * @param namespace slash-separated words, e.g. {@code quality/pmd/3f2a9c}
     * @param blobId 40 (SHA-1) or 64 (SHA-256) lower-case hex digits
     */
    public <T> Optional<T> get(String namespace, String blobId, TypeReference<T> type) {
        if (root == null) {
            return Optional.empty();
        }
        Path p = path(namespace, blobId);
        try {
            return Optional.of(json.readValue(Files.readAllBytes(p), type));
        } catch (IOException e) { // missing, unreadable or corrupt: a miss
            return Optional.empty();
        }
    }

    /**
     * Stores an entry, atomically; a no-op for a disabled cache.
     *
     * @throws UncheckedIOException when the cache directory cannot be written
     */
    public <T> void put(String namespace, String blobId, T value) {
        if (root == null) {
            return;
        }
        Path p = path(namespace, blobId);
        try {
            Files.createDirectories(p.getParent());
            Path tmp = Files.createTempFile(p.getParent(), ".entry", ".tmp");
            try {
                Files.write(tmp, json.writeValueAsBytes(value));
                try {
                    Files.move(tmp, p, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the analysis cache entry " + p, e);
        }
    }

    private Path path(String namespace, String blobId) {
        if (!NAMESPACE.matcher(namespace).matches()) {
            throw new IllegalArgumentException("bad cache namespace: " + namespace);
        }
        if (!BLOB_ID.matcher(blobId).matches()) {
            throw new IllegalArgumentException("bad blob id: " + blobId);
        }
        return root.resolve(namespace).resolve(blobId.substring(0, 2)).resolve(blobId + ".json");
    }
}
