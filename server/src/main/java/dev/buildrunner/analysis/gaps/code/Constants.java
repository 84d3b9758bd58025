package dev.buildrunner.analysis.gaps.code;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The string constants of one file: every assignment whose right-hand side is a string
 * expression with at least one literal ({@code static final String BASE = "/api";},
 * {@code const API = '/api'}, {@code private base = `${environment.apiUrl}/users`},
 * {@code API_PREFIX = "/v1"}, {@code this.base = '/api'}). The first assignment of a name wins.
 * Used to resolve the references of a {@link PathExpr} value; what is not a constant of the same
 * file stays a reference (unknown). Immutable.
 */
public final class Constants {
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?<![\\w$.])((?:this\\.|self\\.)?[A-Za-z_$][\\w$]*)\\s*(?::\\s*[A-Za-z_$][\\w$.<>\\[\\]| ]*?)?\\s*=(?![=>])");
    private static final int MAX_DEPTH = 8;

    private final Map<String, String> values;

    private Constants(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** No constants. */
    public static Constants none() {
        return new Constants(Map.of());
    }

    /** The constants assigned in a file. */
    public static Constants of(CodeText code, Language lang) {
        Map<String, String> values = new LinkedHashMap<>();
        String text = code.text();
        Matcher m = ASSIGNMENT.matcher(code.code());
        while (m.find()) {
            String name = bare(m.group(1));
            if (values.containsKey(name)) {
                continue;
            }
            Optional<PathExpr.Parsed> p = PathExpr.parse(text, m.end(), lang);
            if (p.isPresent() && p.get().literal() && endsStatement(text, p.get().end())) {
                values.put(name, p.get().value());
            }
        }
        return new Constants(values);
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
