package dev.buildrunner.analysis.gaps;

import dev.buildrunner.spec.Feature;
import dev.buildrunner.spec.Spec;

/**
 * The spec's source lines, to locate what a feature names: a finding about a missing file points
 * at the line naming the file, not only at the feature's heading. Immutable.
 */
final class SpecLines {
    private final String[] lines;
    private final boolean[] inCode;

    SpecLines(Spec spec) {
        this.lines = spec.source().split("\r?\n", -1);
        this.inCode = new boolean[lines.length];
        String open = null;
        for (int i = 0; i < lines.length; i++) {
            String fence = SpecFiles.fence(lines[i]);
            if (open == null && fence != null) {
                open = fence;
                inCode[i] = true;
            } else if (open != null) {
                inCode[i] = true;
                if (fence != null && fence.startsWith(open) && lines[i].trim().length() == fence.length()) {
                    open = null;
                }
            }
        }
    }

    /** The 1-based line {@code n}, or {@code ""} beyond the end. */
    String line(int n) {
        return n >= 1 && n <= lines.length ? lines[n - 1] : "";
    }

    /**
     * The first line of the feature outside code blocks holding every one of {@code needles};
     * the feature's heading line when none does.
     */
    int find(Feature f, String... needles) {
        int last = Math.min(f.lines().last(), lines.length);
        for (int n = f.lines().first(); n <= last; n++) {
            if (inCode[n - 1]) {
                continue;
            }
            boolean all = true;
            for (String needle : needles) {
                if (!lines[n - 1].contains(needle)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return n;
            }
        }
        return f.lines().first();
    }
}
