package dev.buildrunner.analysis.gaps.code;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;

/**
 * Blanks comments (in both views) and string contents (in the code view) of one file for
 * {@link CodeText}. A hand-written scanner per family, single pass, never throws: whatever is left
 * unterminated runs to the end of its line (quoted strings) or of the file (block comments,
 * triple-quoted strings, template literals).
 */
final class Lexer {
    /** After these keywords a {@code /} starts a regular expression literal, not a division. */
    private static final Set<String> REGEX_KEYWORDS = Set.of("return", "typeof", "case", "do", "else", "in", "of",
            "new", "delete", "void", "throw", "yield", "await", "instanceof");
    /** After these characters a {@code /} starts a regular expression literal. */
    private static final String REGEX_AFTER = "(,=:[!&|?{};+-*%<>~^";

    private final String s;
    private final char[] text;
    private final char[] code;

    Lexer(String s, char[] text, char[] code) {
        this.s = s;
        this.text = text;
        this.code = code;
    }

    /** Java, Kotlin, Groovy. */
    void javaLike() {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                i = lineComment(i);
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                i = blockComment(i);
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                blank(code, i + 3, Math.max(i + 3, end - 3));
                i = end;
            } else if (c == '"' || c == '\'') {
                i = quoted(i, c);
            } else {
                i++;
            }
        }
    }

    /** JavaScript and TypeScript between {@code from} and {@code to}. */
    void js(int from, int to) {
        Deque<Integer> interpolations = new ArrayDeque<>();
        int depth = 0;
        boolean inTemplate = false;
        int lastSig = -1;
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (inTemplate) {
                if (c == '\\') {
                    blank(code, i, Math.min(to, i + 2));
                    i += 2;
                } else if (c == '`') {
                    inTemplate = false;
                    lastSig = i;
                    i++;
                } else if (c == '$' && i + 1 < to && s.charAt(i + 1) == '{') {
                    interpolations.push(depth);
                    depth++;
                    inTemplate = false;
                    lastSig = i + 1;
                    i += 2;
                } else {
                    blank(code, i, i + 1);
                    i++;
                }
                continue;
            }
            if (c == '/' && i + 1 < to && s.charAt(i + 1) == '/') {
                i = Math.min(lineComment(i), to);
                continue;
            }
            if (c == '/' && i + 1 < to && s.charAt(i + 1) == '*') {
                i = Math.min(blockComment(i), to);
                continue;
            }
            if (c == '`') {
                inTemplate = true;
                i++;
                continue;
            }
            if (c == '\'' || c == '"') {
                i = quoted(i, c);
                lastSig = i - 1;
                continue;
            }
            if (c == '/' && regexMayStart(lastSig)) {
                int end = regexEnd(i, to);
                if (end > 0) {
                    blank(code, i + 1, end - 1);
                    i = end;
                    lastSig = i - 1;
                    continue;
                }
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (!interpolations.isEmpty() && depth == interpolations.peek()) {
                    interpolations.pop();
                    inTemplate = true;
                    i++;
                    continue;
                }
            }
            if (!Character.isWhitespace(c)) {
                lastSig = i;
            }
            i++;
        }
    }

    /** Python: comments, quoted strings with prefixes, triple-quoted strings blanked whole. */
    void python() {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '#') {
                i = lineComment(i);
                continue;
            }
            int q = stringStart(i);
            if (q < 0) {
                i++;
                continue;
            }
            char quote = s.charAt(q);
            if (s.startsWith("" + quote + quote + quote, q)) {
                int j = q + 3;
                while (j < n && !s.startsWith("" + quote + quote + quote, j)) {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                int end = Math.min(n, j + 3);
                blank(text, i, end);
                blank(code, i, end);
                i = end;
            } else {
                i = quoted(q, quote);
            }
        }
    }

    /** Vue and Svelte: only {@code <script>} blocks are code; the rest is blanked. */
    static void sfc(String s, char[] text, char[] code) {
        Lexer lx = new Lexer(s, text, code);
        String lower = s.toLowerCase(Locale.ROOT);
        int pos = 0;
        while (pos < s.length()) {
            int open = lower.indexOf("<script", pos);
            int bodyStart = open < 0 ? -1 : lower.indexOf('>', open);
            if (open < 0 || bodyStart < 0) {
                blank(s, text, pos, s.length());
                blank(s, code, pos, s.length());
                return;
            }
            bodyStart++;
            blank(s, text, pos, bodyStart);
            blank(s, code, pos, bodyStart);
            int close = lower.indexOf("</script", bodyStart);
            int bodyEnd = close < 0 ? s.length() : close;
            lx.js(bodyStart, bodyEnd);
            pos = bodyEnd;
        }
    }

    /** The offset of the opening quote of a Python string starting at {@code i} (prefix letters allowed), or -1. */
    private int stringStart(int i) {
        char c = s.charAt(i);
        if (c == '"' || c == '\'') {
            return i;
        }
        if (i > 0 && (Character.isLetterOrDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '_')) {
            return -1;
        }
        int j = i;
        while (j < s.length() && j - i < 2 && "rRbBuUfF".indexOf(s.charAt(j)) >= 0) {
            j++;
        }
        return j > i && j < s.length() && (s.charAt(j) == '"' || s.charAt(j) == '\'') ? j : -1;
    }

    /** A one-line quoted string from its opening quote; returns the offset after it. */
    private int quoted(int open, char quote) {
        int n = s.length();
        int j = open + 1;
        while (j < n) {
            char c = s.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == quote || c == '\n') {
                break;
            }
            j++;
        }
        j = Math.min(j, n);
        blank(code, open + 1, j);
        return j < n && s.charAt(j) == quote ? j + 1 : j;
    }

    private int lineComment(int i) {
        int end = s.indexOf('\n', i);
        end = end < 0 ? s.length() : end;
        blank(text, i, end);
        blank(code, i, end);
        return end;
    }

    private int blockComment(int i) {
        int end = s.indexOf("*/", i + 2);
        end = end < 0 ? s.length() : end + 2;
        blank(text, i, end);
        blank(code, i, end);
        return end;
    }

    private boolean regexMayStart(int lastSig) {
        if (lastSig < 0) {
            return true;
        }
        char p = s.charAt(lastSig);
        if (REGEX_AFTER.indexOf(p) >= 0) {
            return true;
        }
        if (!Character.isLetter(p)) {
            return false;
        }
        int start = lastSig;
        while (start > 0 && Character.isLetter(s.charAt(start - 1))) {
            start--;
        }
        return REGEX_KEYWORDS.contains(s.substring(start, lastSig + 1));
    }

    /** The offset after a regex literal starting at {@code i} (flags included), or -1 when the line ends first. */
    private int regexEnd(int i, int to) {
        boolean inClass = false;
        int j = i + 1;
        while (j < to) {
            char c = s.charAt(j);
            if (c == '\n') {
                return -1;
            }
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '/' && !inClass) {
                j++;
                while (j < to && Character.isLetter(s.charAt(j))) {
                    j++;
                }
                return j;
            }
            j++;
        }
        return -1;
    }

    private void blank(char[] view, int from, int to) {
        blank(s, view, from, to);
    }

    /** Replaces characters by spaces, keeping line breaks so that lines keep their numbers. */
    private static void blank(String s, char[] view, int from, int to) {
        for (int k = Math.max(0, from); k < Math.min(to, view.length); k++) {
            char c = s.charAt(k);
            if (c != '\n' && c != '\r') {
                view[k] = ' ';
            }
        }
    }
}
