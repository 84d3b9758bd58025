package dev.buildrunner.analysis.drift;

import dev.buildrunner.analysis.drift.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits source code into {@link Token}s the way the language reads it, so that the drift analyser
 * sees only real code: comments are dropped, string literals become one token (text blocks,
 * Python triple-quoted and prefixed strings, Kotlin raw strings and {@code ${...}} templates, JS
 * template literals, JS regular-expression literals). An {@code import} in a comment or inside a
 * string is therefore never an import. Lines are counted through every construct.
 *
 * <p>Not a full parser: unterminated single-line strings end at the line's end, and a JS
 * {@code /} is read as a regular expression after punctuation that cannot end an expression. One
 * instance reads one text; use {@link #tokens}.
 */
final class SourceLexer {
    private static final Set<String> REGEX_AFTER_WORDS = Set.of("return", "typeof", "case", "do", "else", "in", "of",
            "new", "delete", "void", "throw", "yield", "await", "instanceof");
    private static final String REGEX_AFTER_PUNCT = "(,=:[!&|?{};+-*%~^";
    private static final Set<String> PYTHON_PREFIXES = Set.of("r", "u", "b", "f", "br", "rb", "fr", "rf");

    private final String s;
    private final Syntax syntax;
    private final List<Token> out = new ArrayList<>();
    private int i;
    private int line = 1;
    private int lastTokenLine;

    private SourceLexer(String s, Syntax syntax) {
        this.s = s;
        this.syntax = syntax;
    }

    /**
     * The tokens of a file.
     *
     * @param path repository path: picks the syntax ({@link Syntax#of}); Vue and Svelte files are
     *     read from their {@code <script>} blocks only
     * @return the tokens in order, or an empty list for a language the analyser does not read
     */
    static List<Token> tokens(String path, String text) {
        return Syntax.of(path)
                .map(syntax -> tokens(Syntax.isComponent(path) ? scriptBlocks(text) : text, syntax))
                .orElse(List.of());
    }

    /** The tokens of a text in the given syntax. */
    static List<Token> tokens(String text, Syntax syntax) {
        SourceLexer lexer = new SourceLexer(text, syntax);
        lexer.run();
        return List.copyOf(lexer.out);
    }

    /** The text with everything outside {@code <script ...>...</script>} blanked, newlines kept. */
    static String scriptBlocks(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        String lower = text.toLowerCase(Locale.ROOT);
        int at = 0;
        while (at < text.length()) {
            int open = lower.indexOf("<script", at);
            int bodyStart = open < 0 ? -1 : lower.indexOf('>', open);
            int close = bodyStart < 0 ? -1 : lower.indexOf("</script", bodyStart);
            int blankTo = bodyStart < 0 ? text.length() : bodyStart + 1;
            for (int k = at; k < blankTo; k++) {
                sb.append(text.charAt(k) == '\n' ? '\n' : ' ');
            }
            if (bodyStart < 0) {
                break;
            }
            int end = close < 0 ? text.length() : close;
            sb.append(text, bodyStart + 1, end);
            at = end;
        }
        return sb.toString();
    }

    private void run() {
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (syntax == Syntax.PYTHON && c == '#') {
                skipLine();
            } else if (syntax != Syntax.PYTHON && c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                skipLine();
            } else if (syntax != Syntax.PYTHON && c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                skipBlockComment();
            } else if (syntax == Syntax.SCRIPT && c == '/' && regexAllowed()) {
                int start = line;
                emit(Kind.PUNCT, readRegex(), start);
            } else if (isQuote(c)) {
                int start = line;
                emit(Kind.STRING, readString(""), start);
            } else if (Character.isJavaIdentifierStart(c) || Character.isDigit(c)) {
                int start = i;
                while (i < n && Character.isJavaIdentifierPart(s.charAt(i))) {
                    i++;
                }
                String word = s.substring(start, i);
                if (syntax == Syntax.PYTHON && i < n && (s.charAt(i) == '"' || s.charAt(i) == '\'')
                        && PYTHON_PREFIXES.contains(word.toLowerCase(Locale.ROOT))) {
                    int l = line;
                    emit(Kind.STRING, readString(word.toLowerCase(Locale.ROOT)), l);
                } else {
                    emit(Kind.WORD, word, line);
                }
            } else {
                emit(Kind.PUNCT, String.valueOf(c), line);
                i++;
            }
        }
    }

    private void emit(Kind kind, String text, int startLine) {
        out.add(new Token(kind, text, startLine, startLine != lastTokenLine));
        lastTokenLine = line;
    }

    private boolean isQuote(char c) {
        return c == '"' || c == '\'' || (c == '`' && syntax == Syntax.SCRIPT);
    }

    private void skipLine() {
        while (i < s.length() && s.charAt(i) != '\n') {
            i++;
        }
    }

    /** Skips a block comment; Kotlin's nest. */
    private void skipBlockComment() {
        i += 2;
        int depth = 1;
        while (i < s.length()) {
            if (s.startsWith("*/", i)) {
                i += 2;
                if (--depth == 0) {
                    return;
                }
            } else if (syntax == Syntax.KOTLIN && s.startsWith("/*", i)) {
                i += 2;
                depth++;
            } else {
                if (s.charAt(i) == '\n') {
                    line++;
                }
                i++;
            }
        }
    }

    private boolean regexAllowed() {
        if (out.isEmpty()) {
            return true;
        }
        Token prev = out.get(out.size() - 1);
        return switch (prev.kind()) {
            case PUNCT -> prev.text().length() == 1 && REGEX_AFTER_PUNCT.indexOf(prev.text().charAt(0)) >= 0;
            case WORD -> REGEX_AFTER_WORDS.contains(prev.text());
            case STRING -> false;
        };
    }

    /** Reads {@code /.../flags}; stops at the line's end when unterminated. */
    private String readRegex() {
        int start = i;
        i++;
        boolean inClass = false;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\n') {
                break;
            }
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '/' && !inClass) {
                i++;
                while (i < s.length() && Character.isLetter(s.charAt(i))) {
                    i++;
                }
                break;
            }
            i++;
        }
        return s.substring(start, Math.min(i, s.length()));
    }

    /**
     * Reads a string literal starting at the quote; {@code prefix} is a Python prefix in lower case
     * ({@code r}, {@code f}, ...) or {@code ""}.
     */
    private String readString(String prefix) {
        char q = s.charAt(i);
        String tripleQuote = String.valueOf(q).repeat(3);
        boolean triple = syntax != Syntax.SCRIPT && (q == '"' || syntax == Syntax.PYTHON) && s.startsWith(tripleQuote, i);
        boolean raw = prefix.indexOf('r') >= 0 || (syntax == Syntax.KOTLIN && triple);
        boolean template = syntax == Syntax.KOTLIN || (syntax == Syntax.SCRIPT && q == '`');
        boolean multiline = triple || (syntax == Syntax.SCRIPT && q == '`');
        i += triple ? 3 : 1;
        StringBuilder sb = new StringBuilder();
        while (i < s.length()) {
            char c = s.charAt(i);
            if (triple ? s.startsWith(tripleQuote, i) : c == q) {
                i += triple ? 3 : 1;
                return sb.toString();
            }
            if (c == '\n') {
                if (!multiline) {
                    return sb.toString();
                }
                line++;
                sb.append(c);
                i++;
            } else if (c == '\\' && i + 1 < s.length() && (!raw || syntax == Syntax.PYTHON)) {
                char e = s.charAt(i + 1);
                if (e == '\n') {
                    line++;
                }
                if (raw) {
                    sb.append(c);
                }
                sb.append(raw ? e : unescape(e));
                i += 2;
            } else if (template && c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
                i += 2;
                sb.append("${");
                skipExpression(sb);
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    /** Skips a template's {@code ${...}} expression up to its closing brace, strings inside included. */
    private void skipExpression(StringBuilder sb) {
        int depth = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '}' && depth == 0) {
                sb.append('}');
                i++;
                return;
            }
            if (isQuote(c)) {
                readString("");
                sb.append("\"\"");
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == '\n') {
                line++;
            }
            sb.append(c);
            i++;
        }
    }

    private static char unescape(char e) {
        return switch (e) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            default -> e;
        };
    }
}
