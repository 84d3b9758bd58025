package dev.buildrunner.analysis.drift;

import dev.buildrunner.spec.Feature;
import dev.buildrunner.spec.Spec;

/**
 * Lines of a spec's source, to locate a finding on the line that says what it is about (the
 * dependency, the file, the endpoint) rather than only on the feature's heading. Immutable.
 */
final class SpecLines {
    private final String[] lines;

    SpecLines(Spec spec) {
        this.lines = spec.source().split("\r\n|\r|\n", -1);
    }

    /**
     * The first line of the feature that contains {@code text}, or the feature's first line when
     * none does.
     */
    int find(Feature feature, String text) {
        int last = Math.min(feature.lines().last(), lines.length);
        for (int line = feature.lines().first(); line <= last; line++) {
            if (lines[line - 1].contains(text)) {
                return line;
            }
        }
        return feature.lines().first();
    }
}
