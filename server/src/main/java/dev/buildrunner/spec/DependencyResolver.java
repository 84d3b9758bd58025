package dev.buildrunner.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the features a dependency as written may mean, in this order: by id (or the slug of the
 * text), by number ("Feature 3", "#3"), by exact name (a trailing "(...)" remark ignored), then by
 * partial name in whole words: names starting with the text, else names containing it, else names
 * the text contains. Every list returned is in spec order.
 *
 * <p>Built once per parse from the features read; the name indexes are built on the first lookup
 * that needs them. Each lookup costs about the number of features sharing the text's rarest word,
 * not the number of features, so resolving every dependency of a large spec stays linear. Not
 * thread-safe (one per parse).
 */
final class DependencyResolver {

    private static final Pattern BY_NUMBER = Pattern.compile("^(?:feature|功能|req|requirement|#)?\\s*#?\\s*(\\d+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REMARK = Pattern.compile("\\s*\\([^)]*\\)\\s*$");

    private final List<FeatureDraft> drafts;
    private final Map<String, FeatureDraft> byId = new HashMap<>();
    private final Map<Integer, FeatureDraft> byNumber = new HashMap<>();
    /** A name or remark-less name, normalised, to the first feature having it. */
    private final Map<String, FeatureDraft> byName = new HashMap<>();
    /** A remark-less name, normalised, to the features having it, in spec order. */
    private final Map<String, List<Integer>> byBare = new HashMap<>();
    /** A word to where it occurs in the normalised names: pairs (feature index, word index). */
    private final Map<String, List<int[]>> wordAt = new HashMap<>();
    private String[][] nameWords;
    private int maxBareWords;

    /** Indexes the features as they are now (ids assigned). */
    DependencyResolver(List<FeatureDraft> drafts) {
        this.drafts = drafts;
        for (FeatureDraft d : drafts) {
            byId.put(d.id.toLowerCase(Locale.ROOT), d);
            byNumber.putIfAbsent(d.number, d);
        }
    }

    private void indexNames() {
        nameWords = new String[drafts.size()][];
        for (int i = 0; i < drafts.size(); i++) {
            FeatureDraft d = drafts.get(i);
            List<String> words = words(d.name);
            nameWords[i] = words.toArray(new String[0]);
            for (int w = 0; w < nameWords[i].length; w++) {
                wordAt.computeIfAbsent(nameWords[i][w], k -> new ArrayList<>()).add(new int[] {i, w});
            }
            List<String> bareWords = words(REMARK.matcher(d.name).replaceAll(""));
            String name = String.join(" ", words);
            String bare = String.join(" ", bareWords);
            byName.putIfAbsent(name, d);
            byName.putIfAbsent(bare, d);
            if (!bare.isEmpty()) {
                byBare.computeIfAbsent(bare, k -> new ArrayList<>()).add(i);
                maxBareWords = Math.max(maxBareWords, bareWords.size());
            }
        }
    }

    /**
     * @param raw a dependency as written ("Gap Analyzer", "Feature 3", "user-auth")
     * @return the features it may mean, in spec order: one when it is unambiguous, none when it
     *     names nothing
     */
    List<FeatureDraft> resolve(String raw) {
        String s = raw.trim();
        FeatureDraft exact = byId.get(s.toLowerCase(Locale.ROOT));
        if (exact == null) {
            exact = byId.get(TextScan.slug(s));
        }
        if (exact != null) {
            return List.of(exact);
        }
        Matcher m = BY_NUMBER.matcher(s);
        if (m.matches()) {
            int n = Integer.parseInt(m.group(1));
            FeatureDraft d = byNumber.get(n);
            if (d != null) {
                return List.of(d);
            }
            return n >= 1 && n <= drafts.size() ? List.of(drafts.get(n - 1)) : List.of();
        }
        List<String> wantWords = words(s);
        if (wantWords.isEmpty()) {
            return List.of();
        }
        if (nameWords == null) {
            indexNames();
        }
        FeatureDraft named = byName.get(String.join(" ", wantWords));
        if (named != null) {
            return List.of(named);
        }
        List<Integer> prefix = new ArrayList<>();
        List<Integer> inner = new ArrayList<>();
        containing(wantWords.toArray(new String[0]), prefix, inner);
        if (!prefix.isEmpty()) {
            return inOrder(prefix);
        }
        if (!inner.isEmpty()) {
            return inOrder(inner);
        }
        List<Integer> outer = new ArrayList<>();
        for (int from = 0; from < wantWords.size(); from++) {
            for (int to = from + 1; to <= wantWords.size() && to - from <= maxBareWords; to++) {
                List<Integer> hits = byBare.get(String.join(" ", wantWords.subList(from, to)));
                if (hits != null) {
                    outer.addAll(hits);
                }
            }
        }
        return inOrder(outer);
    }

    /** Features whose name holds the words in a row: at its start (and more after), or later. */
    private void containing(String[] want, List<Integer> prefix, List<Integer> inner) {
        int rarest = 0;
        List<int[]> fewest = null;
        for (int j = 0; j < want.length; j++) {
            List<int[]> occ = wordAt.get(want[j]);
            if (occ == null) {
                return;
            }
            if (fewest == null || occ.size() < fewest.size()) {
                fewest = occ;
                rarest = j;
            }
        }
        for (int[] at : fewest) {
            String[] name = nameWords[at[0]];
            int start = at[1] - rarest;
            if (start < 0 || start + want.length > name.length) {
                continue;
            }
            boolean all = true;
            for (int j = 0; j < want.length && all; j++) {
                all = name[start + j].equals(want[j]);
            }
            if (all) {
                (start == 0 && name.length > want.length ? prefix : inner).add(at[0]);
            }
        }
    }

    private List<FeatureDraft> inOrder(List<Integer> indexes) {
        List<FeatureDraft> out = new ArrayList<>();
        int[] sorted = indexes.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
        for (int i : sorted) {
            out.add(drafts.get(i));
        }
        return out;
    }

    /** Lower-cased, accent-folded letter-and-digit runs of a text. */
    static List<String> words(String s) {
        String f = Labels.fold(s).toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < f.length(); ) {
            int cp = f.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                w.appendCodePoint(cp);
            } else if (w.length() > 0) {
                out.add(w.toString());
                w.setLength(0);
            }
        }
        if (w.length() > 0) {
            out.add(w.toString());
        }
        return out;
    }
}
