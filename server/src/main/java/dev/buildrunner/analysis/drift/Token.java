package dev.buildrunner.analysis.drift;

import java.util.Objects;

/**
 * One token of source code as {@link SourceLexer} reads it: comments are gone, a string literal is
 * one token holding its content.
 *
 * @param kind what it is
 * @param text a word's or punctuation's characters; a string's content without quotes (escapes
 *     resolved to the escaped character)
 * @param line 1-based line where the token starts
 * @param lineStart true when no other token starts earlier on the same line
 */
record Token(Kind kind, String text, int line, boolean lineStart) {
    /** Token kinds: identifiers and numbers are words; every other character is punctuation. */
    enum Kind {
        WORD, STRING, PUNCT
    }

    Token {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    /** True for a word spelled exactly {@code w}. */
    boolean isWord(String w) {
        return kind == Kind.WORD && text.equals(w);
    }

    /** True for the punctuation character {@code c}. */
    boolean isPunct(char c) {
        return kind == Kind.PUNCT && text.length() == 1 && text.charAt(0) == c;
    }

    boolean isString() {
        return kind == Kind.STRING;
    }
}
