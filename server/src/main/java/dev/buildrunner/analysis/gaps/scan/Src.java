package dev.buildrunner.analysis.gaps.scan;

import dev.buildrunner.analysis.gaps.code.Annotations;
import dev.buildrunner.analysis.gaps.code.CodeText;
import dev.buildrunner.analysis.gaps.code.Constants;
import dev.buildrunner.analysis.gaps.code.Language;
import dev.buildrunner.analysis.gaps.code.PathExpr;
import java.util.List;
import java.util.Optional;

/**
 * One file being scanned: its lexed text, its constants and its language, with the helpers the
 * extractors share. Immutable.
 */
record Src(CodeText ct, Constants constants, Language lang) {

    static Src of(Language lang, String source) {
        CodeText ct = CodeText.of(lang, source);
        return new Src(ct, Constants.of(ct, lang), lang);
    }

    String text() {
        return ct.text();
    }

    String code() {
        return ct.code();
    }

    int line(int offset) {
        return ct.line(offset);
    }

    /** The string expression at {@code offset}, constants resolved; empty when none starts there or it has no literal. */
    Optional<String> string(int offset) {
        return PathExpr.parse(ct.text(), offset, lang).filter(PathExpr.Parsed::literal)
                .map(p -> constants.resolve(p.value()));
    }

    /**
     * As {@link #string(int)}, also accepting names that resolve to constants: a value with a
     * literal, or one that starts with a known part or holds a {@code /}; empty for a lone
     * unknown name ({@code handler}, {@code url}).
     */
    Optional<String> stringOrConstant(int offset) {
        Optional<PathExpr.Parsed> parsed = PathExpr.parse(ct.text(), offset, lang);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        String v = constants.resolve(parsed.get().value());
        boolean known = parsed.get().literal() || !v.isEmpty() && v.charAt(0) != PathExpr.REF_START
                || v.indexOf('/') >= 0;
        return known ? Optional.of(v) : Optional.empty();
    }

    /** The arguments of the call whose {@code (} is at {@code open}; offsets of the result are absolute. */
    List<Annotations.Arg> args(int open) {
        int close = ct.closing(open);
        String inner = ct.text().substring(open + 1, Math.min(close, ct.text().length()));
        return Annotations.args(inner).stream()
                .map(a -> new Annotations.Arg(a.name(), a.value(), a.offset() + open + 1)).toList();
    }

    /** The first argument named {@code name}, else the positional argument at {@code position} (-1: none). */
    static Optional<Annotations.Arg> arg(List<Annotations.Arg> args, String name, int position) {
        for (Annotations.Arg a : args) {
            if (a.name().equals(name)) {
                return Optional.of(a);
            }
        }
        int k = 0;
        for (Annotations.Arg a : args) {
            if (a.name().isEmpty()) {
                if (k == position) {
                    return Optional.of(a);
                }
                k++;
            }
        }
        return Optional.empty();
    }

    /** True when offset {@code i} of {@code t} starts a word: no identifier character or dot before it. */
    static boolean wordStart(String t, int i) {
        if (i == 0) {
            return true;
        }
        char p = t.charAt(i - 1);
        return !(Character.isLetterOrDigit(p) || p == '_' || p == '$' || p == '.');
    }

    /** Joins two path parts with exactly one {@code /} between them. */
    static String join(String prefix, String path) {
        if (path.isEmpty()) {
            return prefix;
        }
        if (prefix.isEmpty()) {
            return path.startsWith("/") || path.charAt(0) == PathExpr.REF_START ? path : "/" + path;
        }
        String a = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return a + (path.startsWith("/") ? path : "/" + path);
    }
}
