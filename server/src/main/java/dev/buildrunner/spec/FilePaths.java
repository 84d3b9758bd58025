package dev.buildrunner.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repository file paths a line of spec text names ({@code `src/app.py`}, {@code Dockerfile},
 * "{@code X.java in src/dir/}"), read without a regex per token. Pure and thread-safe.
 */
final class FilePaths {

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

    private FilePaths() {
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
}
