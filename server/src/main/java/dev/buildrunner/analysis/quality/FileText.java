package dev.buildrunner.analysis.quality;

import java.util.Objects;

/**
 * A file handed to a {@link FileCheck}: repository path, blob id and text (UTF-8, malformed bytes
 * replaced).
 */
public record FileText(String path, String blobId, String text) {
    public FileText {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(blobId, "blobId");
        Objects.requireNonNull(text, "text");
    }
}
