package dev.buildrunner.spec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Task Master PRDs: API endpoints listed outside the core features go to the feature whose text
 * names their path, else whose name names their last word-like segment; the "Logical Dependency
 * Chain" becomes dependencies. One instance per parse; each step is one pass over the features
 * plus hash lookups.
 */
final class TaskMasterLinks {

    private static final Pattern DEPENDS_ON = Pattern.compile("\\(depends on ([^)]*)\\)", Pattern.CASE_INSENSITIVE);

    private final SourceText st;
    private final MdDocument doc;
    private final List<FeatureDraft> drafts;
    private final boolean[] codeLine;

    TaskMasterLinks(SourceText st, MdDocument doc, List<FeatureDraft> drafts, boolean[] codeLine) {
        this.st = st;
        this.doc = doc;
        this.drafts = drafts;
        this.codeLine = codeLine;
    }

    /** Gives each endpoint named outside the features to the feature naming it; adds templates. */
    void attachApiEndpoints(EndpointTemplates templates) {
        boolean[] inFeature = new boolean[st.lineCount() + 1];
        for (FeatureDraft d : drafts) {
            for (int i = d.firstLine; i <= d.lastLine; i++) {
                inFeature[i] = true;
            }
        }
        List<Endpoint> outside = new ArrayList<>();
        for (int i = 0; i < st.lineCount(); i++) {
            if (!inFeature[i] && !codeLine[i]) {
                TextScan.endpoints(st.line(i), outside);
            }
        }
        Set<Endpoint> distinct = new LinkedHashSet<>(outside);
        Set<String> paths = new java.util.HashSet<>();
        distinct.forEach(e -> paths.add(e.path()));
        Map<String, FeatureDraft> naming = featuresNaming(paths);
        NameWords names = new NameWords();
        for (Endpoint e : distinct) {
            templates.add(e);
            FeatureDraft target = naming.get(e.path());
            if (target == null) {
                target = names.featureNamedLike(e.path());
            }
            if (target != null && !target.endpoints.contains(e)) {
                target.endpoints.add(e);
            }
        }
    }

    /**
     * For each path, the first feature (then first line) whose text holds it as a whole token: not
     * glued to a letter or digit before, nor to a letter, digit or '/' after. Paths start with '/',
     * so only the slashes of each line are tried, once per distinct path length.
     */
    private Map<String, FeatureDraft> featuresNaming(Set<String> paths) {
        Map<String, FeatureDraft> out = new HashMap<>();
        TreeSet<Integer> lengths = new TreeSet<>();
        paths.forEach(p -> lengths.add(p.length()));
        for (FeatureDraft d : drafts) {
            for (int i = d.firstLine; i <= d.lastLine && out.size() < paths.size(); i++) {
                String l = st.line(i);
                for (int at = l.indexOf('/'); at >= 0; at = l.indexOf('/', at + 1)) {
                    if (at > 0 && Character.isLetterOrDigit(l.charAt(at - 1))) {
                        continue;
                    }
                    for (int len : lengths) {
                        int after = at + len;
                        if (after > l.length()) {
                            break;
                        }
                        boolean endOk = after >= l.length() || !(Character.isLetterOrDigit(l.charAt(after))
                                || l.charAt(after) == '/');
                        String candidate = endOk ? l.substring(at, after) : null;
                        if (candidate != null && paths.contains(candidate)) {
                            out.putIfAbsent(candidate, d);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The words (4 letters or more) of feature names, for matching a path's last word-like segment. */
    private final class NameWords {
        /** A word of a name to the first feature having it. */
        private final Map<String, Integer> word = new HashMap<>();
        /** A prefix (4 letters or more) of a word of a name to the first feature having it. */
        private final Map<String, Integer> prefix = new HashMap<>();

        NameWords() {
            for (int i = 0; i < drafts.size(); i++) {
                for (String w : DependencyResolver.words(drafts.get(i).name)) {
                    if (w.length() >= 4) {
                        word.putIfAbsent(w, i);
                        for (int n = 4; n <= w.length(); n++) {
                            prefix.putIfAbsent(w.substring(0, n), i);
                        }
                    }
                }
            }
        }

        /** The first feature with a name word that starts with the path's word, or that the word starts with. */
        FeatureDraft featureNamedLike(String path) {
            String w = null;
            for (String seg : path.split("/")) {
                if (seg.length() >= 4 && seg.chars().allMatch(Character::isLetter)) {
                    w = seg.toLowerCase(Locale.ROOT);
                }
            }
            if (w == null) {
                return null;
            }
            int best = prefix.getOrDefault(w, Integer.MAX_VALUE);
            for (int n = 4; n <= w.length(); n++) {
                best = Math.min(best, word.getOrDefault(w.substring(0, n), Integer.MAX_VALUE));
            }
            return best == Integer.MAX_VALUE ? null : drafts.get(best);
        }
    }

    /**
     * Task Master's "Logical Dependency Chain": items naming a core feature, with "(depends on 3 &amp;
     * 4)" pointing at other items, become dependencies between those features.
     *
     * @param features the features built from the drafts, same order; entries are replaced
     */
    void dependencyChain(DependencyResolver resolver, List<Feature> features, List<Diagnostic> diags) {
        MdBlock section = null;
        for (MdBlock n = doc.first(); n != null; n = n.next()) {
            if (n.is(MdBlock.Kind.HEADING) && Labels.normalize(n.text).equals("logical dependency chain")) {
                section = n;
                break;
            }
        }
        if (section == null) {
            return;
        }
        MdBlock list = null;
        for (MdBlock n = section.next(); n != null && !n.is(MdBlock.Kind.HEADING); n = n.next()) {
            if (n.is(MdBlock.Kind.LIST)) {
                list = n;
                break;
            }
        }
        if (list == null) {
            return;
        }
        Map<FeatureDraft, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < drafts.size(); i++) {
            index.putIfAbsent(drafts.get(i), i);
        }
        List<FeatureDraft> chain = new ArrayList<>();
        List<String> dependsOn = new ArrayList<>();
        int unmapped = 0;
        for (MdBlock c = list.firstChild(); c != null; c = c.next()) {
            MdBlock p = c.is(MdBlock.Kind.ITEM) ? c.firstChild() : null;
            if (p != null && p.is(MdBlock.Kind.PARAGRAPH)) {
                String text = TextScan.squash(st.chars(p));
                Matcher m = DEPENDS_ON.matcher(text);
                dependsOn.add(m.find() ? m.group(1) : "");
                String name = DEPENDS_ON.matcher(text).replaceAll("").replaceAll("[.\\s]+$", "").trim();
                List<FeatureDraft> hits = resolver.resolve(name);
                chain.add(hits.size() == 1 ? hits.get(0) : null);
                unmapped += hits.size() == 1 ? 0 : 1;
            }
        }
        for (int i = 0; i < chain.size(); i++) {
            FeatureDraft d = chain.get(i);
            if (d == null) {
                continue;
            }
            for (String num : dependsOn.get(i).split("[^0-9]+")) {
                if (num.isEmpty()) {
                    continue;
                }
                int k = Integer.parseInt(num) - 1;
                FeatureDraft target = k >= 0 && k < chain.size() ? chain.get(k) : null;
                int at = index.get(d);
                Feature f = features.get(at);
                if (target != null && target != d && !f.dependencies().contains(target.id)) {
                    List<String> deps = new ArrayList<>(f.dependencies());
                    deps.add(target.id);
                    features.set(at, new Feature(f.id(), f.name(), f.lines(), f.complexity(), f.priority(),
                            f.description(), f.requirements(), f.files(), deps, f.acceptanceCriteria(), f.endpoints(),
                            f.attributes()));
                }
            }
        }
        if (unmapped > 0) {
            diags.add(Diagnostic.info(st.startLine(section) + 1, "dependency-chain-unmapped", unmapped
                    + " item(s) of the dependency chain name no core feature; their order is not used as"
                    + " dependencies"));
        }
    }
}
