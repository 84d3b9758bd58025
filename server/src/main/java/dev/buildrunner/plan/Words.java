package dev.buildrunner.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Word tokens of requirement texts and file paths, used to give files to the requirement they
 * belong to and to read a task's domain from its words.
 */
final class Words {

    /** Words that say nothing about what a requirement or file is about. */
    private static final Set<String> STOP = Set.of("a", "an", "and", "the", "of", "for", "to", "in", "on", "by",
            "with", "from", "as", "at", "is", "be", "are", "or", "all", "each", "via", "using", "into", "that",
            "this", "its", "it", "per", "new");

    /** Path segments common to most files of a project: they tell nothing about one requirement. */
    private static final Set<String> PATH_STOP = Set.of("src", "main", "java", "kotlin", "python", "core", "lib",
            "libs", "app", "pkg", "internal", "com", "org", "dev", "index", "init", "mod", "source", "sources",
            "server", "client", "common", "shared", "util", "utils");

    /** Shortest common prefix, in characters, for two different words to count as one (config, configuration). */
    private static final int MIN_PREFIX = 4;

    private Words() {
    }

    /**
     * Tokens of a text in order of appearance, without duplicates: camelCase split, lower case,
     * split at anything but letters and digits, English plural folded ({@code checkers} ->
     * {@code checker}, {@code dependencies} -> {@code dependency}), stop words dropped.
     */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char previous = ' ';
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            boolean part = Character.isLetterOrDigit(c);
            boolean camelBreak = part && Character.isUpperCase(c) && Character.isLowerCase(previous);
            if ((!part || camelBreak) && word.length() > 0) {
                String w = word.toString().toLowerCase(Locale.ROOT);
                word.setLength(0);
                if (!STOP.contains(w)) {
                    String stem = stem(w);
                    if (!out.contains(stem)) {
                        out.add(stem);
                    }
                }
            }
            if (part) {
                word.append(c);
            }
            previous = c;
        }
        return out;
    }

    /** Tokens of a repository path: every segment, file extension and generic segments dropped. */
    static List<String> pathTokens(String path) {
        String p = path.replace('\\', '/');
        int slash = p.lastIndexOf('/');
        int dot = p.lastIndexOf('.');
        if (dot > slash + 1) {
            p = p.substring(0, dot);
        }
        List<String> out = new ArrayList<>();
        for (String t : tokens(p)) {
            if (!PATH_STOP.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** True when two tokens name the same thing: equal, or one a prefix (of at least 4 letters) of the other. */
    static boolean match(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        return shorter.length() >= MIN_PREFIX && longer.startsWith(shorter);
    }

    private static String stem(String w) {
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }
}
