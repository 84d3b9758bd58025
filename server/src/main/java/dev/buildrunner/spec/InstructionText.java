package dev.buildrunner.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Text helpers for natural-language instructions: splitting into clauses, quotes, new names and
 * finding the requirement a person quotes. Stateless.
 */
final class InstructionText {

    private static final String OPEN = "\"“'‘`";
    private static final String CLOSE = "\"”'’`";
    private static final Pattern BULLET = Pattern.compile("^(?:[-*+•]|\\d+[.)])\\s+");
    private static final Pattern POLITE = Pattern.compile("^(?i)(?:please|kindly)[,\\s]+|[,\\s]+(?i:please)$");

    private InstructionText() {
    }

    /**
     * The instructions in a text: split at new lines and at {@code ;} outside quotes, list markers,
     * "please" and final periods removed, whitespace squashed, empty ones dropped.
     */
    static List<String> clauses(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\r\n|\n|\r")) {
            StringBuilder sb = new StringBuilder();
            char quote = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quote == 0 && c == ';') {
                    add(out, sb.toString());
                    sb.setLength(0);
                    continue;
                }
                if (quote == 0 && "\"“`".indexOf(c) >= 0) {
                    quote = CLOSE.charAt(OPEN.indexOf(c));
                } else if (quote != 0 && c == quote) {
                    quote = 0;
                }
                sb.append(c);
            }
            add(out, sb.toString());
        }
        return out;
    }

    private static void add(List<String> out, String raw) {
        String s = TextScan.squash(raw);
        s = BULLET.matcher(s).replaceFirst("");
        s = POLITE.matcher(s).replaceAll("").strip();
        while (!s.isEmpty() && ".!".indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(0, s.length() - 1).strip();
        }
        if (!s.isEmpty()) {
            out.add(s);
        }
    }

    /** The text without one pair of surrounding quotes ("", '', “”, ‘’, ``), stripped. */
    static String unquote(String s) {
        String t = s.strip();
        if (t.length() >= 2) {
            int open = OPEN.indexOf(t.charAt(0));
            if (open >= 0 && t.charAt(t.length() - 1) == CLOSE.charAt(open)) {
                return t.substring(1, t.length() - 1).strip();
            }
        }
        return t;
    }

    /**
     * When {@code s} starts with a quote: {inner text, the rest after the closing quote}, the
     * closing quote being the first one followed by no letter or digit (so "can't" stays whole).
     * Null when {@code s} starts with no quote or the quote is never closed.
     */
    static String[] leadingQuoted(String s) {
        String t = s.strip();
        if (t.isEmpty() || OPEN.indexOf(t.charAt(0)) < 0) {
            return null;
        }
        char close = CLOSE.charAt(OPEN.indexOf(t.charAt(0)));
        for (int i = 1; i < t.length(); i++) {
            if (t.charAt(i) == close && (i + 1 == t.length() || !Character.isLetterOrDigit(t.charAt(i + 1)))) {
                return new String[] {t.substring(1, i).strip(), t.substring(i + 1)};
            }
        }
        return null;
    }

    /** A new feature name as typed: quotes removed; an unquoted all-lower-case name title-cased. */
    static String newName(String typed) {
        String t = typed.strip();
        String inner = unquote(t);
        if (!inner.equals(t) || !inner.equals(inner.toLowerCase(Locale.ROOT))) {
            return TextScan.squash(inner);
        }
        StringBuilder sb = new StringBuilder();
        for (String w : TextScan.squash(inner).split(" ")) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(w.isEmpty() ? w : w.substring(0, 1).toUpperCase(Locale.ROOT) + w.substring(1));
        }
        return sb.toString();
    }

    /**
     * The requirement of {@code f} that {@code typed} names: equal, equal ignoring case, or the
     * only one containing it (ignoring case).
     */
    static Optional<String> requirement(Feature f, String typed) {
        String t = TextScan.squash(typed);
        List<String> hits = matches(f, t);
        return hits.size() == 1 ? Optional.of(hits.get(0)) : Optional.empty();
    }

    /** Why {@link #requirement} found none: unknown (listing the requirements) or ambiguous. */
    static Diagnostic requirementProblem(Feature f, String typed, String clause) {
        List<String> hits = matches(f, TextScan.squash(typed));
        if (hits.size() > 1) {
            return Diagnostic.error(f.lines().first(), "nl-ambiguous-requirement", "\"" + clause + "\": \"" + typed
                    + "\" matches " + hits.size() + " requirements of '" + f.id() + "': " + quoted(hits, 10));
        }
        return Diagnostic.error(f.lines().first(), "nl-unknown-requirement", "\"" + clause + "\": feature '" + f.id()
                + "' has no requirement \"" + typed + "\""
                + (f.requirements().isEmpty() ? " (it has none)" : "; its requirements: " + quoted(f.requirements(), 10)));
    }

    private static List<String> matches(Feature f, String t) {
        if (t.isEmpty()) {
            return List.of();
        }
        for (String r : f.requirements()) {
            if (r.equals(t)) {
                return List.of(r);
            }
        }
        List<String> same = f.requirements().stream().filter(r -> r.equalsIgnoreCase(t)).toList();
        if (!same.isEmpty()) {
            return same;
        }
        String lower = t.toLowerCase(Locale.ROOT);
        return f.requirements().stream().filter(r -> r.toLowerCase(Locale.ROOT).contains(lower)).toList();
    }

    private static String quoted(List<String> texts, int max) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(max, texts.size()); i++) {
            parts.add("\"" + texts.get(i) + "\"");
        }
        String s = String.join(", ", parts);
        return texts.size() > max ? s + " and " + (texts.size() - max) + " more" : s;
    }
}
