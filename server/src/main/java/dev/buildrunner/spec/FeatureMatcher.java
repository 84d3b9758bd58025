package dev.buildrunner.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Finds the feature a person means by a name typed in an instruction ("auth", "user profile",
 * "User Authentcation"). Tries, in order, and stops at the first tier that matches anything:
 * <ol>
 *   <li>the id, case-insensitive ({@code user-authentication}, {@code US1});</li>
 *   <li>the name, case-insensitive, or the same slug ("user authentication");</li>
 *   <li>a prefix of the id or of the name's slug ("user-auth", "role based");</li>
 *   <li>every typed word starts a word of the name, in any order ("auth", "access control");</li>
 *   <li>the initials of the name's words ("rbac" for Role-Based Access Control);</li>
 *   <li>a typo: the slugs differ by at most one edit per five characters (at least one).</li>
 * </ol>
 * One feature at a tier is a match; several are an ambiguity listing them; none at all is an
 * unknown feature listing the nearest names. Runs in time linear in the number of features.
 */
final class FeatureMatcher {

    /**
     * Outcome of a lookup: exactly one of {@code feature} and {@code problem} is set; {@code
     * ambiguous} when several features matched (they are the candidates), else the candidates are
     * the nearest names.
     */
    record Match(Feature feature, String problem, boolean ambiguous, List<Feature> candidates) {
        boolean found() {
            return feature != null;
        }
    }

    private final List<Feature> features;
    private final List<String> nameSlugs;

    FeatureMatcher(List<Feature> features) {
        this.features = List.copyOf(features);
        this.nameSlugs = this.features.stream().map(f -> TextScan.slug(f.name())).toList();
    }

    /** Resolves {@code typed} (quotes, "the", "feature" around it already removed) to one feature. */
    Match find(String typed) {
        String t = TextScan.squash(typed).toLowerCase(Locale.ROOT);
        String slug = TextScan.slug(typed);
        if (t.isEmpty()) {
            return new Match(null, "no feature named", false, List.of());
        }
        List<BiPredicate<Feature, String>> tiers = List.of(
                (f, s) -> f.id().toLowerCase(Locale.ROOT).equals(t),
                (f, s) -> TextScan.squash(f.name()).toLowerCase(Locale.ROOT).equals(t)
                        || (!slug.isEmpty() && (slug.equals(s) || slug.equals(f.id()))),
                (f, s) -> !slug.isEmpty() && (s.startsWith(slug) || f.id().toLowerCase(Locale.ROOT).startsWith(slug)),
                (f, s) -> wordPrefixes(slug, s),
                (f, s) -> slug.length() >= 2 && slug.indexOf('-') < 0 && slug.equals(initials(s)),
                (f, s) -> !slug.isEmpty() && distance(slug, s, Math.max(1, slug.length() / 5)) <= Math.max(1,
                        slug.length() / 5));
        for (BiPredicate<Feature, String> tier : tiers) {
            Set<Feature> hits = new LinkedHashSet<>();
            for (int i = 0; i < features.size(); i++) {
                if (tier.test(features.get(i), nameSlugs.get(i))) {
                    hits.add(features.get(i));
                }
            }
            if (hits.size() == 1) {
                return new Match(hits.iterator().next(), null, false, List.of());
            }
            if (hits.size() > 1) {
                List<Feature> c = List.copyOf(hits);
                return new Match(null, "\"" + typed + "\" is ambiguous: it matches " + list(c, 10)
                        + "; name one of them", true, c);
            }
        }
        List<Feature> near = new ArrayList<>(features);
        near.sort(Comparator.comparingInt((Feature f) -> distance(slug, TextScan.slug(f.name()), Integer.MAX_VALUE))
                .thenComparing(Feature::id));
        List<Feature> c = near.subList(0, Math.min(5, near.size()));
        return new Match(null, "no feature matches \"" + typed + "\""
                + (c.isEmpty() ? " (the spec has no features)" : "; nearest: " + list(c, 5)), false, List.copyOf(c));
    }

    /** Lists features as {@code id ("Name")}, at most {@code max}, then "and N more". */
    static String list(List<Feature> fs, int max) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(max, fs.size()); i++) {
            Feature f = fs.get(i);
            parts.add(f.id() + " (\"" + f.name() + "\")");
        }
        String s = String.join(", ", parts);
        return fs.size() > max ? s + " and " + (fs.size() - max) + " more" : s;
    }

    private static String initials(String nameSlug) {
        StringBuilder sb = new StringBuilder();
        for (String w : nameSlug.split("-")) {
            if (!w.isEmpty()) {
                sb.appendCodePoint(w.codePointAt(0));
            }
        }
        return sb.toString();
    }

    private static boolean wordPrefixes(String typedSlug, String nameSlug) {
        if (typedSlug.isEmpty()) {
            return false;
        }
        String[] words = nameSlug.split("-");
        for (String w : typedSlug.split("-")) {
            boolean found = false;
            for (String n : words) {
                if (n.startsWith(w)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /** Levenshtein distance, giving up (returning limit + 1) once it exceeds {@code limit}. */
    static int distance(String a, String b, int limit) {
        if (limit != Integer.MAX_VALUE && Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] tmp = prev;
            prev = cur;
            cur = tmp;
        }
        return prev[b.length()];
    }
}
