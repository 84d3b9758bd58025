package dev.buildrunner.analysis.quality;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.buildrunner.analysis.BlobCache;
import dev.buildrunner.analysis.SourceFile;
import dev.buildrunner.analysis.SourceTree;
import java.util.List;

/**
 * Lines of code for the score: the non-blank lines of the files the Java tools analyse (or, when
 * there are none, of the files the secret scanner reads), each file's count cached by blob id
 * (namespace {@value #NAMESPACE}).
 */
final class CodeSize {
    static final String NAMESPACE = "quality/lines/v1";
    private static final TypeReference<Integer> COUNT = new TypeReference<>() {
    };

    private CodeSize() {
    }

    /** The non-blank lines of these files. */
    static int lines(List<SourceFile> files, SourceTree tree, BlobCache cache) {
        long total = 0;
        for (SourceFile f : files) {
            Integer n = cache.get(NAMESPACE, f.blobId(), COUNT).orElse(null);
            if (n == null) {
                n = tree.readText(f.path()).map(CodeSize::nonBlank).orElse(0);
                cache.put(NAMESPACE, f.blobId(), n);
            }
            total += n;
        }
        return (int) Math.min(Integer.MAX_VALUE, total);
    }

    static int nonBlank(String text) {
        if (text.indexOf('\0') >= 0) {
            return 0;
        }
        int n = 0;
        boolean blank = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                n += blank ? 0 : 1;
                blank = true;
            } else if (!Character.isWhitespace(c)) {
                blank = false;
            }
        }
        return n + (blank ? 0 : 1);
    }
}
