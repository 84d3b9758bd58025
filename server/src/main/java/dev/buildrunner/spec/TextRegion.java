package dev.buildrunner.spec;

/**
 * A region of a text, equal to another region with the same characters and hashed as
 * {@link String#hashCode()} hashes them, so that a cache keyed by text can be probed without
 * copying the region first. Keys kept in a cache should be {@link #of(String) whole strings}, so
 * that they do not pin the larger text they were cut from.
 */
final class TextRegion {

    private final String text;
    private final int from;
    private final int to;
    private final int hash;

    /** The characters {@code from} (inclusive) to {@code to} (exclusive) of {@code text}. */
    TextRegion(String text, int from, int to) {
        this.text = text;
        this.from = from;
        this.to = to;
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + text.charAt(i);
        }
        this.hash = h;
    }

    private TextRegion(String whole) {
        this.text = whole;
        this.from = 0;
        this.to = whole.length();
        this.hash = whole.hashCode();
    }

    /** A whole string as a region (its hash is the string's cached one). */
    static TextRegion of(String whole) {
        return new TextRegion(whole);
    }

    int length() {
        return to - from;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextRegion r && r.hash == hash && r.length() == length()
                && text.regionMatches(from, r.text, r.from, length());
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** The region's characters as a string (a copy unless it is a whole string). */
    @Override
    public String toString() {
        return from == 0 && to == text.length() ? text : text.substring(from, to);
    }
}
