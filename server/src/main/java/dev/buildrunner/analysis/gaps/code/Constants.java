package dev.buildrunner.analysis.gaps.code;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The string constants of one file: every assignment whose right-hand side is a string
 * expression with at least one literal ({@code static final String BASE = "/api";},
 * {@code const API = '/api'}, {@code private base = `${environment.apiUrl}/users`},
 * {@code API_PREFIX = "/v1"}, {@code this.base = '/api'}). The first assignment of a name wins.
 * Used to resolve the references of a {@link PathExpr} value; what is not a constant of the same
 * file stays a reference (unknown). Immutable.
 */
public final class Constants {
    private static final int MAX_DEPTH = 8;

    private final Map<String, String> values;

    private Constants(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** No constants. */
    public static Constants none() {
        return new Constants(Map.of());
    }

    /**
     * The constants assigned in a file. One pass over the {@code =} signs of the code view (no
     * regular expression per identifier): an assignment counts when its right-hand side starts
     * like a string expression (a quote, a backtick, a Python string prefix, or a name followed by
     * {@code +}) and is all of the statement.
     */
    public static Constants of(CodeText code, Language lang) {
        Map<String, String> values = new LinkedHashMap<>();
        String c = code.code();
        String text = code.text();
        for (int eq = c.indexOf('='); eq >= 0; eq = c.indexOf('=', eq + 1)) {
            if (eq + 1 < c.length() && (c.charAt(eq + 1) == '=' || c.charAt(eq + 1) == '>')) {
                eq++;
                continue;
            }
            if (eq > 0 && "=!<>+-*/%&|^:?~".indexOf(c.charAt(eq - 1)) >= 0) {
                continue;
            }
            int rhs = code.skipSpace(eq + 1);
            if (rhs >= c.length() || !startsStringExpression(text, rhs, lang)) {
                continue;
            }
            String name = nameBefore(c, eq);
            if (name == null || values.containsKey(bare(name))) {
                continue;
            }
            Optional<PathExpr.Parsed> p = PathExpr.parse(text, rhs, lang);
            if (p.isPresent() && p.get().literal() && endsStatement(text, p.get().end())) {
                values.put(bare(name), p.get().value());
            }
        }
        return new Constants(values);
    }

    /** A quote, a backtick, a Python string prefix before a quote, or a dotted name followed by {@code +}. */
    private static boolean startsStringExpression(String t, int i, Language lang) {
        char ch = t.charAt(i);
        if (ch == '"' || ch == '\'' || ch == '`' || ch == '(') {
            return true;
        }
        if (!Character.isJavaIdentifierStart(ch)) {
            return false;
        }
        int j = i;
        while (j < t.length() && j - i < 2 && lang == Language.PYTHON && "fFrRbBuU".indexOf(t.charAt(j)) >= 0) {
            j++;
        }
        if (j > i && j < t.length() && (t.charAt(j) == '"' || t.charAt(j) == '\'')) {
            return true;
        }
        j = i;
        while (j < t.length() && (Character.isJavaIdentifierPart(t.charAt(j)) || t.charAt(j) == '.')) {
            j++;
        }
        while (j < t.length() && (t.charAt(j) == ' ' || t.charAt(j) == '\t')) {
            j++;
        }
        return j + 1 < t.length() && t.charAt(j) == '+' && t.charAt(j + 1) != '+' && t.charAt(j + 1) != '=';
    }

    /**
     * The assigned name before an {@code =}: {@code name}, {@code this.name} or {@code self.name},
     * after an optional type annotation ({@code base: string}); null for anything else
     * ({@code obj.field}, {@code a[0]}).
     */
    private static String nameBefore(String c, int eq) {
        int end = skipBack(c, eq - 1);
        int start = identStart(c, end);
        if (start > end) {
            return null;
        }
        int before = skipBack(c, start - 1);
        if (before >= 0 && c.charAt(before) == ':' && (before == 0 || c.charAt(before - 1) != ':')) {
            end = skipBack(c, before - 1);
            start = identStart(c, end);
            if (start > end) {
                return null;
            }
        }
        String name = c.substring(start, end + 1);
        int dot = name.indexOf('.');
        if (dot >= 0 && !(name.startsWith("this.") || name.startsWith("self.")) || name.indexOf('.', dot + 1) >= 0
                || !Character.isJavaIdentifierStart(name.charAt(0))) {
            return null;
        }
        return name;
    }

    private static int skipBack(String c, int i) {
        while (i >= 0 && Character.isWhitespace(c.charAt(i))) {
            i--;
        }
        return i;
    }

    /** The start of the dotted name that ends at {@code end} (inclusive); {@code end + 1} when there is none. */
    private static int identStart(String c, int end) {
        int i = end;
        while (i >= 0 && (Character.isJavaIdentifierPart(c.charAt(i)) || c.charAt(i) == '.')
                && c.charAt(i) != PathExpr.REF_START && c.charAt(i) != PathExpr.REF_END) {
            i--;
        }
        return i + 1;
    }

    /** The constants by bare name ({@code this.} and {@code self.} removed), as parsed. */
    public Map<String, String> values() {
        return values;
    }

    /**
     * Replaces the references of a value by the constants they name, recursively (at most 8
     * levels, so a cycle stays a reference). {@code this.base}, {@code self.base} and a
     * class-qualified {@code Paths.BASE} look up {@code base} and {@code BASE}.
     */
    public String resolve(String value) {
        return resolve(value, 0);
    }

    private String resolve(String value, int depth) {
        if (!PathExpr.hasRef(value) || depth >= MAX_DEPTH) {
            return value;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            int end = c == PathExpr.REF_START ? value.indexOf(PathExpr.REF_END, i) : -1;
            if (end < 0) {
                out.append(c);
                i++;
                continue;
            }
            String name = value.substring(i + 1, end);
            String v = lookup(name);
            out.append(v == null ? value.substring(i, end + 1) : resolve(v, depth + 1));
            i = end + 1;
        }
        return out.toString();
    }

    private String lookup(String name) {
        String v = values.get(bare(name));
        if (v == null) {
            int dot = name.lastIndexOf('.');
            if (dot > 0 && Character.isUpperCase(name.charAt(0)) && name.indexOf('.') == dot) {
                v = values.get(name.substring(dot + 1));
            }
        }
        return v;
    }

    private static String bare(String name) {
        if (name.startsWith("this.")) {
            return name.substring(5);
        }
        if (name.startsWith("self.")) {
            return name.substring(5);
        }
        return name;
    }

    /** The expression is the whole right-hand side: what follows ends a statement or an argument. */
    private static boolean endsStatement(String text, int end) {
        int i = end;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\r')) {
            i++;
        }
        return i >= text.length() || ";\n,)}".indexOf(text.charAt(i)) >= 0;
    }
}
