package dev.buildrunner.analysis.gaps.code;

import java.util.Optional;

/**
 * Reads a string expression of source code, such as {@code "/api" + "/users"}, {@code base +
 * "/update"}, {@code `${this.base}/users/${id}`} or {@code f"{PREFIX}/items"}, into one string in
 * which every part that is not a literal is a <em>reference</em>: {@value #REF_START}name{@value
 * #REF_END} (written with the control characters U+0001 and U+0002). References to constants of
 * the same file are replaced later ({@link Constants#resolve}); the rest stay unknown, which
 * {@code PathPattern} reads as an unknown prefix or segment.
 *
 * <p>Terms: quoted strings of the language (escapes honoured), JavaScript template literals,
 * Python f-strings, Kotlin {@code $name} and <code>${expr}</code> templates, dotted names (also calls
 * such as {@code getBase()}, which stay unknown), parenthesised expressions; joined by {@code +}.
 * Pure and thread-safe.
 */
public final class PathExpr {
    /** Starts a reference. */
    public static final char REF_START = '\u0001';
    /** Ends a reference. */
    public static final char REF_END = '\u0002';

    /**
     * A parsed expression.
     *
     * @param value literal text with references
     * @param end the offset after the expression in the text it was read from
     * @param literal true when at least one quoted literal took part
     */
    public record Parsed(String value, int end, boolean literal) {
    }

    private final String t;
    private final Language lang;
    private boolean literal;

    private PathExpr(String t, Language lang) {
        this.t = t;
        this.lang = lang;
    }

    /**
     * Reads the expression starting at {@code from} (after white space) in {@code text} (a {@link
     * CodeText#text()} view); empty when no term starts there.
     */
    public static Optional<Parsed> parse(String text, int from, Language lang) {
        PathExpr p = new PathExpr(text, lang);
        StringBuilder out = new StringBuilder();
        int end = p.expr(from, out, 0);
        return end < 0 ? Optional.empty() : Optional.of(new Parsed(out.toString(), end, p.literal));
    }

    /** A reference to {@code name}. */
    public static String ref(String name) {
        return REF_START + name + REF_END;
    }

    /** True when the value holds a reference. */
    public static boolean hasRef(String value) {
        return value.indexOf(REF_START) >= 0;
    }

    private int expr(int from, StringBuilder out, int depth) {
        if (depth > 8) {
            return -1;
        }
        int i = skip(from);
        int end = term(i, out, depth);
        if (end < 0) {
            return -1;
        }
        while (true) {
            int j = skip(end);
            if (j < t.length() && t.charAt(j) == '+' && (j + 1 >= t.length() || "+=".indexOf(t.charAt(j + 1)) < 0)) {
                int next = term(skip(j + 1), out, depth);
                if (next < 0) {
                    return end;
                }
                end = next;
            } else {
                return end;
            }
        }
    }

    private int term(int i, StringBuilder out, int depth) {
        if (i >= t.length()) {
            return -1;
        }
        char c = t.charAt(i);
        if (c == '"' || c == '\'') {
            if (lang == Language.PYTHON && t.startsWith("" + c + c + c, i)) {
                return -1;
            }
            return quoted(i, c, lang == Language.JAVA && c == '"', false, out);
        }
        if (c == '`' && (lang == Language.JS || lang == Language.SFC)) {
            return template(i, out);
        }
        if (lang == Language.PYTHON && (c == 'f' || c == 'F' || c == 'r' || c == 'R' || c == 'b' || c == 'B'
                || c == 'u' || c == 'U')) {
            int j = i;
            boolean f = false;
            while (j < t.length() && j - i < 2 && "fFrRbBuU".indexOf(t.charAt(j)) >= 0) {
                f |= t.charAt(j) == 'f' || t.charAt(j) == 'F';
                j++;
            }
            if (j < t.length() && (t.charAt(j) == '"' || t.charAt(j) == '\'')) {
                return quoted(j, t.charAt(j), false, f, out);
            }
        }
        if (c == '(') {
            int end = expr(i + 1, out, depth + 1);
            if (end < 0) {
                return -1;
            }
            int j = skip(end);
            return j < t.length() && t.charAt(j) == ')' ? j + 1 : -1;
        }
        if (Character.isJavaIdentifierStart(c)) {
            int j = name(i);
            String name = t.substring(i, j);
            int k = skip(j);
            if (k < t.length() && t.charAt(k) == '(') {
                int close = matching(k, '(', ')');
                if (close < 0) {
                    return -1;
                }
                out.append(ref(name + "()"));
                return close + 1;
            }
            out.append(ref(name));
            return j;
        }
        return -1;
    }

    /** A dotted name: {@code a}, {@code this.base}, {@code environment.apiUrl}, {@code import.meta.env.X}. */
    private int name(int i) {
        int j = i;
        while (true) {
            while (j < t.length() && Character.isJavaIdentifierPart(t.charAt(j)) && t.charAt(j) != REF_START
                    && t.charAt(j) != REF_END) {
                j++;
            }
            if (j + 1 < t.length() && t.charAt(j) == '.' && Character.isJavaIdentifierStart(t.charAt(j + 1))) {
                j++;
            } else if (j + 2 < t.length() && t.charAt(j) == '?' && t.charAt(j + 1) == '.'
                    && Character.isJavaIdentifierStart(t.charAt(j + 2))) {
                j += 2;
            } else {
                return j;
            }
        }
    }

    /** A quoted string; {@code kotlin}: {@code $name} and <code>${..}</code> are references; {@code fstring}: <code>{..}</code> are. */
    private int quoted(int open, char q, boolean kotlin, boolean fstring, StringBuilder out) {
        literal = true;
        int i = open + 1;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (c == '\n') {
                return -1;
            }
            if (c == '\\' && i + 1 < t.length()) {
                out.append(t.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == q) {
                return i + 1;
            }
            if (kotlin && c == '$' && i + 1 < t.length()) {
                if (t.charAt(i + 1) == '{') {
                    int close = t.indexOf('}', i + 2);
                    if (close > 0) {
                        out.append(ref(t.substring(i + 2, close).trim()));
                        i = close + 1;
                        continue;
                    }
                } else if (Character.isJavaIdentifierStart(t.charAt(i + 1))) {
                    int j = i + 1;
                    while (j < t.length() && Character.isJavaIdentifierPart(t.charAt(j))) {
                        j++;
                    }
                    out.append(ref(t.substring(i + 1, j)));
                    i = j;
                    continue;
                }
            }
            if (fstring && c == '{') {
                if (i + 1 < t.length() && t.charAt(i + 1) == '{') {
                    out.append('{');
                    i += 2;
                    continue;
                }
                int close = t.indexOf('}', i + 1);
                if (close < 0) {
                    return -1;
                }
                String inner = t.substring(i + 1, close);
                int colon = inner.indexOf(':');
                out.append(ref((colon >= 0 ? inner.substring(0, colon) : inner).trim()));
                i = close + 1;
                continue;
            }
            if (fstring && c == '}' && i + 1 < t.length() && t.charAt(i + 1) == '}') {
                out.append('}');
                i += 2;
                continue;
            }
            out.append(c);
            i++;
        }
        return -1;
    }

    private int template(int open, StringBuilder out) {
        literal = true;
        int i = open + 1;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (c == '\\' && i + 1 < t.length()) {
                out.append(t.charAt(i + 1));
                i += 2;
            } else if (c == '`') {
                return i + 1;
            } else if (c == '$' && i + 1 < t.length() && t.charAt(i + 1) == '{') {
                int close = matching(i + 1, '{', '}');
                if (close < 0) {
                    return -1;
                }
                out.append(ref(t.substring(i + 2, close).trim()));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return -1;
    }

    private int matching(int open, char o, char c) {
        int depth = 0;
        for (int i = open; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (ch == o) {
                depth++;
            } else if (ch == c && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private int skip(int i) {
        while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
            i++;
        }
        return i;
    }
}
