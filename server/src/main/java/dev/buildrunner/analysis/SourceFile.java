package dev.buildrunner.analysis;

import java.util.Objects;

/**
 * One file of a {@link SourceTree}.
 *
 * @param path repository-relative path with {@code /} separators
 * @param blobId the git blob id of its content (40 hex digits): equal ids mean equal bytes, which
 *     is what the analysis cache is keyed by
 * @param size its length in bytes, or -1 when not known without reading it
 */
public record SourceFile(String path, String blobId, long size) {
    public SourceFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(blobId, "blobId");
    }

    /** The file name's extension without the dot, lower case; {@code ""} when there is none. */
    public String extension() {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash + 1 ? path.substring(dot + 1).toLowerCase(java.util.Locale.ROOT) : "";
    }
}
