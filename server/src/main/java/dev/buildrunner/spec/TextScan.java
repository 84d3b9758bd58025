package dev.buildrunner.spec;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scanners over a line of spec text: HTTP endpoints, slugs, list-item clean-up, Task Master tags
 * (file paths: {@link FilePaths}). Hot scans are hand-written, each equal to the regex its javadoc
 * names; the regexes left are compiled once. Every method is pure and thread-safe.
 */
final class TextScan {

    private static final Pattern ENDPOINT = Pattern.compile(
            "(?<![A-Za-z])(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\\s+(/[^\\s`'\",;|)]*)");
    private static final String MARKS = "✅✔☑✓☐⬜🔲❌✗⏳✖";

    private TextScan() {
    }

    /** HTTP endpoints named in a text, in order (duplicates kept; callers dedupe). */
    static void endpoints(String text, List<Endpoint> out) {
        if (!mayHaveEndpoint(text)) {
            return;
        }
        Matcher m = ENDPOINT.matcher(text);
        while (m.find()) {
            String path = trimPath(m.group(2));
            if (!path.isEmpty()) {
                out.add(new Endpoint(m.group(1), path));
            }
        }
    }

    /**
     * A necessary condition for {@link #ENDPOINT} to find something, checked without a regex: a
     * {@code /} after white space that follows a capital letter. Most lines fail it.
     */
    private static boolean mayHaveEndpoint(String text) {
        for (int at = text.indexOf('/'); at >= 0; at = text.indexOf('/', at + 1)) {
            int i = at - 1;
            while (i >= 0 && isRegexSpace(text.charAt(i))) {
                i--;
            }
            if (i < at - 1 && i >= 0 && text.charAt(i) >= 'A' && text.charAt(i) <= 'Z') {
                return true;
            }
        }
        return false;
    }

    private static String trimPath(String p) {
        int end = p.length();
        while (end > 1) {
            char c = p.charAt(end - 1);
            if (c == '.' || c == ':' || c == '!' || c == '?' || c == '*') {
                end--;
            } else if ((c == ']' && p.lastIndexOf('[', end - 1) < 0) || (c == '>' && p.lastIndexOf('<', end - 1) < 0)
                    || (c == '}' && p.lastIndexOf('{', end - 1) < 0)) {
                end--;
            } else {
                break;
            }
        }
        return p.substring(0, end);
    }

    /**
     * The number of leading characters of an item's text that are checkboxes or status marks
     * ({@code [ ]}, {@code [x]}, doubled {@code [ ] [ ]}, ✅, ⏳ ...) and the spaces after them.
     */
    static int leadingMarks(String text) {
        int i = 0;
        while (i < text.length()) {
            if (isCheckbox(text, i)) { // [ ], [x], [X], [✓], [✔] and the white space after it
                i += 3;
                while (i < text.length() && isRegexSpace(text.charAt(i))) {
                    i++;
                }
                continue;
            }
            int cp = text.codePointAt(i);
            if (MARKS.indexOf(cp) >= 0 || cp == 0xFE0F) {
                i += Character.charCount(cp);
                while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\uFE0F')) {
                    i++;
                }
                continue;
            }
            break;
        }
        return i;
    }

    private static boolean isCheckbox(String text, int i) {
        return i + 2 < text.length() && text.charAt(i) == '[' && " xX✓✔".indexOf(text.charAt(i + 1)) >= 0
                && text.charAt(i + 2) == ']';
    }

    /** True when the text starts with a ticked checkbox ({@code [x]}) or a check mark. */
    static boolean isDone(String text) {
        return text.startsWith("[x]") || text.startsWith("[X]") || text.startsWith("✅") || text.startsWith("✔")
                || text.startsWith("☑") || text.startsWith("✓");
    }

    /**
     * The slug of a name: lower-case ASCII letters and digits, accents folded, letters of other
     * scripts (CJK, Cyrillic...) kept, everything else collapsed to single dashes; trailing
     * parenthesised remarks such as "(Build 7A)" left out so the id survives a rescheduling.
     */
    static String slug(String name) {
        String n = name.trim();
        while (n.endsWith(")")) {
            int open = n.lastIndexOf('(');
            if (open <= 0) {
                break;
            }
            n = n.substring(0, open).trim();
        }
        String s = Labels.fold(n).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(s.length());
        boolean dash = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            boolean keep = (cp < 128 && Character.isLetterOrDigit(cp)) || (cp >= 128 && Character.isLetterOrDigit(cp)
                    && Character.UnicodeScript.of(cp) != Character.UnicodeScript.LATIN);
            if (keep) {
                if (dash && sb.length() > 0) {
                    sb.append('-');
                }
                sb.appendCodePoint(cp);
                dash = false;
            } else {
                dash = true;
            }
        }
        return sb.toString();
    }

    /**
     * True when the text has a Task Master tag line: {@code <context>} or {@code <PRD>} (ASCII case
     * ignored) alone on a line, white space around it allowed. Gives what the regex
     * {@code (?im)^\s*<(?:context|prd)>\s*$} finds (Java's line terminators and {@code \s}), by a
     * scan that looks only around each {@code <}.
     */
    static boolean hasTagLine(String s) {
        for (int at = s.indexOf('<'); at >= 0; at = s.indexOf('<', at + 1)) {
            int end = tagEnd(s, at, "context>");
            if (end < 0) {
                end = tagEnd(s, at, "prd>");
            }
            if (end >= 0 && lineStartBefore(s, at) && lineEndAfter(s, end)) {
                return true;
            }
        }
        return false;
    }

    /** The index after {@code '<' + word} at {@code at}, ASCII case ignored; -1 when it is not there. */
    private static int tagEnd(String s, int at, String word) {
        if (at + 1 + word.length() > s.length()) {
            return -1;
        }
        for (int i = 0; i < word.length(); i++) {
            char c = s.charAt(at + 1 + i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + 32);
            }
            if (c != word.charAt(i)) {
                return -1;
            }
        }
        return at + 1 + word.length();
    }

    /** Only regex-{@code \s} between a line start (or the text start) and {@code at}. */
    private static boolean lineStartBefore(String s, int at) {
        int i = at - 1;
        while (i >= 0 && isRegexSpace(s.charAt(i))) {
            if (s.charAt(i) == '\n' || s.charAt(i) == '\r') {
                return true;
            }
            i--;
        }
        return i < 0 || isOtherLineEnd(s.charAt(i));
    }

    /** Only regex-{@code \s} between {@code from} and a line end (or the text end). */
    private static boolean lineEndAfter(String s, int from) {
        int i = from;
        while (i < s.length() && isRegexSpace(s.charAt(i))) {
            if (s.charAt(i) == '\n' || s.charAt(i) == '\r') {
                return true;
            }
            i++;
        }
        return i == s.length() || isOtherLineEnd(s.charAt(i));
    }

    /** Regex {@code \\s}: space, tab, line feed, vertical tab, form feed, carriage return. */
    static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Line terminators other than {@code \n} and {@code \r} that Java's {@code ^} and {@code $} know. */
    private static boolean isOtherLineEnd(char c) {
        return c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** Collapses runs of whitespace to one space and trims. */
    static String squash(String s) {
        if (isSquashed(s)) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                space = sb.length() > 0;
            } else {
                if (space) {
                    sb.append(' ');
                    space = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** True when squashing would change nothing: no white space but single spaces between other characters. */
    private static boolean isSquashed(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                if (i == 0 || i == n - 1 || s.charAt(i + 1) == ' ') {
                    return false;
                }
            } else if (c < ' ' || c >= 0x80 && Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /** Removes bold/italic markers ({@code **x**}, {@code __x__}) from a text. */
    static String stripEmphasis(String s) {
        return s.replace("**", "").replace("__", "");
    }

    /** True when a path has a parameter segment: {@code {id}}, {@code :id}, {@code <id>}, {@code [id]}. */
    static boolean isTemplate(String path) {
        for (String seg : path.split("/")) {
            if (isParam(seg)) {
                return true;
            }
        }
        return false;
    }

    static boolean isParam(String seg) {
        return seg.length() > 1 && (seg.startsWith(":") || (seg.startsWith("{") && seg.endsWith("}"))
                || (seg.startsWith("<") && seg.endsWith(">")) || (seg.startsWith("[") && seg.endsWith("]")));
    }

    /** True when a concrete path ({@code /users/1}) is an instance of a template ({@code /users/{id}}). */
    static boolean matchesTemplate(String template, String concrete) {
        String[] t = template.split("/", -1);
        String[] c = concrete.split("/", -1);
        if (t.length != c.length) {
            return false;
        }
        for (int i = 0; i < t.length; i++) {
            if (isParam(t[i])) {
                if (c[i].isEmpty()) {
                    return false;
                }
            } else if (!t[i].equals(c[i])) {
                return false;
            }
        }
        return true;
    }
}
