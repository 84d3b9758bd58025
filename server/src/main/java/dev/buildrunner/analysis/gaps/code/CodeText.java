package dev.buildrunner.analysis.gaps.code;

import java.util.Arrays;
import java.util.Objects;

/**
 * One source file prepared for scanning with regular expressions: two views of the same length
 * as the source, so that an offset means the same place in all three.
 * <ul>
 *   <li>{@link #text()}: comments replaced by spaces (and Python's triple-quoted strings, which
 *       are docstrings or prose, never routes); string literals kept. Routes and URLs are read
 *       here, so a commented-out route is never seen.</li>
 *   <li>{@link #code()}: also the contents of string literals replaced by spaces (quotes kept):
 *       for structure, such as matching braces and parentheses, that a {@code "/{id}"} in a
 *       string must not disturb.</li>
 * </ul>
 * Line breaks are kept in both views, so {@link #line(int)} works on either. Immutable.
 */
public final class CodeText {
    private final String source;
    private final String text;
    private final String code;
    private final int[] lineStarts;

    private CodeText(String source, String text, String code) {
        this.source = source;
        this.text = text;
        this.code = code;
        int n = 1;
        for (int i = 0; i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                n++;
            }
        }
        lineStarts = new int[n];
        int k = 1;
        for (int i = 0; i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                lineStarts[k++] = i + 1;
            }
        }
    }

    /** Lexes {@code source} as {@code language}; never throws (unterminated constructs end at the end). */
    public static CodeText of(Language language, String source) {
        Objects.requireNonNull(language, "language");
        char[] text = source.toCharArray();
        char[] code = source.toCharArray();
        switch (language) {
            case JAVA -> new Lexer(source, text, code).javaLike();
            case JS -> new Lexer(source, text, code).js(0, source.length());
            case PYTHON -> new Lexer(source, text, code).python();
            case SFC -> Lexer.sfc(source, text, code);
            default -> throw new IllegalStateException(language.name());
        }
        return new CodeText(source, new String(text), new String(code));
    }

    /** The file as read. */
    public String source() {
        return source;
    }

    /** Comments blanked, strings kept. */
    public String text() {
        return text;
    }

    /** Comments and string contents blanked. */
    public String code() {
        return code;
    }

    /** The 1-based line of an offset (0 &lt;= offset &lt;= length). */
    public int line(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /**
     * The offset of the bracket that closes the one at {@code open} ({@code (}, {@code [} or
     * <code>{</code>), counted on {@link #code()}; the length of the text when it is never closed.
     */
    public int closing(int open) {
        char o = code.charAt(open);
        char c = o == '(' ? ')' : o == '[' ? ']' : '}';
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char ch = code.charAt(i);
            if (ch == o) {
                depth++;
            } else if (ch == c && --depth == 0) {
                return i;
            }
        }
        return code.length();
    }

    /** The first offset at or after {@code from} that is not white space in {@link #code()}. */
    public int skipSpace(int from) {
        int i = from;
        while (i < code.length() && Character.isWhitespace(code.charAt(i))) {
            i++;
        }
        return i;
    }
}
