package dev.buildrunner.spec;

/**
 * An inclusive range of 1-based lines in a spec's source text.
 *
 * @param first first line, 1-based
 * @param last last line, inclusive, {@code >= first}
 */
public record LineRange(int first, int last) {

    public LineRange {
        if (first < 1 || last < first) {
            throw new IllegalArgumentException("expected 1 <= first <= last, got: " + first + ".." + last);
        }
    }

    public boolean contains(int line) {
        return line >= first && line <= last;
    }

    @Override
    public String toString() {
        return first + ".." + last;
    }
}
