package dev.buildrunner.spec;

import java.util.Locale;
import java.util.Optional;

/**
 * A feature's complexity, the scale of seeds 001 and 003 (simple/medium/complex). It drives task
 * estimates and batching: a complex task is batched alone (seed 003).
 */
public enum Complexity {
    SIMPLE,
    MEDIUM,
    COMPLEX;

    /**
     * Reads a complexity label as specs write it: {@code simple|low|easy}, {@code medium|moderate},
     * {@code complex|high|hard} (case-insensitive, surrounding text such as "(3 days)" ignored).
     *
     * @return the complexity, or empty when the text names none
     */
    public static Optional<Complexity> parse(String text) {
        String t = text.toLowerCase(Locale.ROOT).trim();
        if (t.startsWith("simple") || t.startsWith("low") || t.startsWith("easy") || t.startsWith("trivial")) {
            return Optional.of(SIMPLE);
        }
        if (t.startsWith("medium") || t.startsWith("moderate") || t.startsWith("mid")) {
            return Optional.of(MEDIUM);
        }
        if (t.startsWith("complex") || t.startsWith("high") || t.startsWith("hard") || t.startsWith("very")) {
            return Optional.of(COMPLEX);
        }
        return Optional.empty();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
