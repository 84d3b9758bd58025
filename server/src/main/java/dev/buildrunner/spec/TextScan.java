package dev.buildrunner.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scanners over a line of spec text: file paths, HTTP endpoints, slugs, list-item clean-up. All
 * patterns are compiled once; every method is pure and thread-safe.
 */
final class TextScan {

    private static final Pattern ENDPOINT = Pattern.compile(
            "(?<![A-Za-z])(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\\s+(/[^\\s`'\",;|)]*)");
    private static final Pattern BACKTICK = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Set<String> BARE_FILES = Set.of("Dockerfile", "Makefile", "Jenkinsfile", "Procfile",
            "Gemfile", "Rakefile", "Vagrantfile", "Containerfile", "Brewfile", "Justfile", "Caddyfile");
    private static final Set<String> CODE_EXTENSIONS = Set.of("py", "java", "kt", "kts", "ts", "tsx", "js", "jsx",
            "mjs", "cjs", "md", "mdx", "yml", "yaml", "json", "xml", "properties", "toml", "txt", "sh", "bash", "go",
            "rs", "rb", "css", "scss", "sass", "less", "html", "htm", "sql", "gradle", "cfg", "ini", "env", "lock",
            "c", "h", "cc", "cpp", "hpp", "cs", "swift", "php", "vue", "svelte", "proto", "graphql", "gql", "csv",
            "conf", "tf", "hcl", "dart", "scala", "clj", "ex", "exs", "erl", "lua", "pl", "r", "ipynb", "svg",
            "png", "jpg", "gif", "ico", "mod", "sum", "tpl", "j2", "mustache", "hbs", "ejs", "pug", "dockerfile");
    private static final Set<String> NOT_FILES = Set.of("e.g", "i.e", "etc", "vs", "v.s", "a.m", "p.m", "u.s");
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
     * File paths a text names. Paths in backticks come first; when none is found there, bare
     * tokens are tried. {@code lenient} (inside a Files field) accepts any extension and
     * directory-like tokens such as {@code bin/br}; otherwise a token needs a known code extension
     * or a trailing slash. "{@code X.java in src/dir/}" gives {@code src/dir/X.java}.
     */
    static List<String> paths(String text, boolean lenient) {
        List<String> out = new ArrayList<>();
        if (text.indexOf('`') >= 0) {
            Matcher m = BACKTICK.matcher(text);
            while (m.find()) {
                String p = cleanToken(m.group(1).trim());
                if (isPath(p, true)) {
                    addUnique(out, p);
                }
            }
            if (!out.isEmpty()) {
                return out;
            }
            text = BACKTICK.matcher(text).replaceAll(" ");
        }
        String[] tokens = WHITESPACE.split(text);
        int pendingFile = -1;
        boolean sawIn = false;
        for (String raw : tokens) {
            String t = cleanToken(raw);
            if (t.equals("in") || t.equals("under") || t.equals("into")) {
                sawIn = pendingFile >= 0;
                continue;
            }
            if (!isPath(t, lenient)) {
                continue;
            }
            if (sawIn && t.endsWith("/") && pendingFile >= 0 && out.get(pendingFile).indexOf('/') < 0) {
                out.set(pendingFile, t + out.get(pendingFile));
                pendingFile = -1;
                sawIn = false;
                continue;
            }
            sawIn = false;
            if (!out.contains(t)) {
                out.add(t);
                pendingFile = t.indexOf('/') < 0 ? out.size() - 1 : -1;
            }
        }
        return out;
    }

    private static void addUnique(List<String> out, String p) {
        if (!out.contains(p)) {
            out.add(p);
        }
    }

    private static String cleanToken(String raw) {
        int s = 0;
        int e = raw.length();
        while (s < e && "([{\"'*<,;".indexOf(raw.charAt(s)) >= 0) {
            s++;
        }
        while (e > s && ")]}\"'*>,;:.!?".indexOf(raw.charAt(e - 1)) >= 0) {
            e--;
        }
        String t = raw.substring(s, e);
        if (t.startsWith("./")) {
            t = t.substring(2);
        }
        return t;
    }

    static boolean isPath(String t, boolean lenient) {
        if (t.isEmpty() || t.length() > 200 || t.startsWith("/") || t.startsWith("@") || t.startsWith("-")
                || t.startsWith("#") || t.contains("://") || t.contains("..") || t.startsWith("www.")) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isWhitespace(c) || "<>{}()=,;|\"'`$%&!?^".indexOf(c) >= 0) {
                return false;
            }
        }
        if (BARE_FILES.contains(t)) {
            return true;
        }
        int slash = t.lastIndexOf('/');
        if (slash >= 0) {
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (c != '/' && !isWordChar(c) && ".-+@~*[]".indexOf(c) < 0) {
                    return false; // each segment must be made of [\w.\-+@~*\[\]]
                }
            }
            if (!hasLetter(t)) {
                return false;
            }
            if (t.endsWith("/")) {
                return true;
            }
            String last = t.substring(slash + 1);
            return lenient || BARE_FILES.contains(last) || isFileName(last, true);
        }
        return isFileName(t, lenient);
    }

    private static boolean isFileName(String t, boolean anyExtension) {
        String ext = fileExtension(t);
        if (ext == null || NOT_FILES.contains(t.toLowerCase(Locale.ROOT))) {
            return false;
        }
        ext = ext.toLowerCase(Locale.ROOT);
        String stem = t.substring(0, t.length() - ext.length() - 1);
        if (!anyExtension && !CODE_EXTENSIONS.contains(ext)) {
            return false;
        }
        // Next.js, Node.js, Vue.js: product names, not files
        return !(ext.equals("js") && isCapitalisedWord(stem));
    }

    /**
     * The extension of a file name, or null when it is none: what
     * {@code [\w.\-+@~]*[\w\-+]\.([A-Za-z][A-Za-z0-9]{0,9})} would capture matching the whole
     * name (the extension holds no dot, so it follows the last one).
     */
    static String fileExtension(String t) {
        int dot = t.lastIndexOf('.');
        int n = t.length() - dot - 1;
        if (dot < 1 || n < 1 || n > 10 || !isAsciiLetter(t.charAt(dot + 1))) {
            return null;
        }
        for (int i = dot + 2; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9')) {
                return null;
            }
        }
        for (int i = 0; i < dot; i++) {
            char c = t.charAt(i);
            if (!isWordChar(c) && "-+".indexOf(c) < 0 && (i == dot - 1 || ".@~".indexOf(c) < 0)) {
                return null;
            }
        }
        return t.substring(dot + 1);
    }

    /** {@code [A-Z][a-z]+}. */
    private static boolean isCapitalisedWord(String s) {
        if (s.length() < 2 || s.charAt(0) < 'A' || s.charAt(0) > 'Z') {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (s.charAt(i) < 'a' || s.charAt(i) > 'z') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Regex {@code \w}: an ASCII letter, digit or underscore. */
    private static boolean isWordChar(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_';
    }

    private static boolean hasLetter(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (Character.isLetter(t.charAt(i))) {
                return true;
            }
        }
        return false;
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

    private static boolean isRegexSpace(char c) {
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
