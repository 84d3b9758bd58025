package dev.buildrunner.spec;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import dev.buildrunner.spec.FeatureDraft.Item;
import dev.buildrunner.spec.FeatureDraft.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The second pass over a spec's features: ids made unique, endpoints collected and tied to
 * templates, spec-kit functional requirements and Task Master API endpoints attached to features,
 * dependencies resolved to ids. Reports what it cannot resolve.
 */
final class SpecLinker {

    private static final Pattern FR = Pattern.compile("^\\**\\s*(FR-\\d+)\\b");
    private static final Pattern BY_NUMBER = Pattern.compile("^(?:feature|功能|req|requirement|#)?\\s*#?\\s*(\\d+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DEPENDS_ON = Pattern.compile("\\(depends on ([^)]*)\\)", Pattern.CASE_INSENSITIVE);

    private final SourceText st;
    private final Document doc;
    private final SpecFormat format;
    private final List<FeatureDraft> drafts;
    private final boolean[] codeLine;
    private final List<Diagnostic> diags;
    private final List<Feature> features = new ArrayList<>();

    SpecLinker(SourceText st, Document doc, SpecFormat format, List<FeatureDraft> drafts, boolean[] codeLine,
            List<Diagnostic> diags) {
        this.st = st;
        this.doc = doc;
        this.format = format;
        this.drafts = drafts;
        this.codeLine = codeLine;
        this.diags = diags;
    }

    List<Feature> features() {
        return features;
    }

    void link() {
        for (FeatureDraft d : drafts) {
            collectEndpoints(d);
        }
        List<Endpoint> templates = new ArrayList<>();
        for (FeatureDraft d : drafts) {
            for (Endpoint e : d.endpoints) {
                addTemplate(templates, e);
            }
        }
        if (format == SpecFormat.SPEC_KIT) {
            attachFunctionalRequirements(templates);
        }
        if (format == SpecFormat.TASKMASTER) {
            attachApiEndpoints(templates);
        }
        for (FeatureDraft d : drafts) {
            canonicalise(d.endpoints, templates);
        }
        assignIds();
        resolveDependencies();
        if (format == SpecFormat.TASKMASTER) {
            dependencyChain();
        }
    }

    // ------------------------------------------------------------ endpoints

    private void collectEndpoints(FeatureDraft d) {
        List<Endpoint> found = new ArrayList<>();
        for (int i = d.firstLine; i <= d.lastLine && i < st.lineCount(); i++) {
            if (!codeLine[i]) {
                TextScan.endpoints(st.line(i), found);
            }
        }
        for (Endpoint e : found) {
            if (!d.endpoints.contains(e)) {
                d.endpoints.add(e);
            }
        }
    }

    private static void addTemplate(List<Endpoint> templates, Endpoint e) {
        if (TextScan.isTemplate(e.path()) && !templates.contains(e)) {
            templates.add(e);
        }
    }

    /** Replaces concrete paths (GET /users/1) by the spec's template (GET /users/{id}) and dedupes. */
    private static void canonicalise(List<Endpoint> endpoints, List<Endpoint> templates) {
        if (templates.isEmpty() || endpoints.isEmpty()) {
            return;
        }
        Set<Endpoint> seen = new LinkedHashSet<>();
        for (Endpoint e : endpoints) {
            seen.add(canonical(e, templates));
        }
        endpoints.clear();
        endpoints.addAll(seen);
    }

    private static Endpoint canonical(Endpoint e, List<Endpoint> templates) {
        if (TextScan.isTemplate(e.path())) {
            return e;
        }
        for (Endpoint t : templates) {
            if (t.method().equals(e.method()) && TextScan.matchesTemplate(t.path(), e.path())) {
                return t;
            }
        }
        return e;
    }

    /**
     * spec-kit: an FR naming an endpoint goes to the first story whose scenarios use it; the others
     * form the feature {@code functional-requirements}.
     */
    private void attachFunctionalRequirements(List<Endpoint> templates) {
        List<FrItem> frs = new ArrayList<>();
        findFrs(doc, frs);
        for (FrItem fr : frs) {
            for (Endpoint e : fr.endpoints) {
                addTemplate(templates, e);
            }
        }
        for (FeatureDraft d : drafts) {
            canonicalise(d.endpoints, templates);
        }
        FeatureDraft rest = null;
        Map<FeatureDraft, Integer> attached = new java.util.IdentityHashMap<>();
        for (FrItem fr : frs) {
            canonicalise(fr.endpoints, templates);
            FeatureDraft target = null;
            for (FeatureDraft d : drafts) {
                for (Endpoint e : fr.endpoints) {
                    if (d.endpoints.contains(e)) {
                        target = d;
                        break;
                    }
                }
                if (target != null) {
                    break;
                }
            }
            if (target == null) {
                if (rest == null) {
                    rest = functionalRequirementsFeature(fr);
                }
                target = rest;
            }
            // a story's FRs come first, in FR order, then what its own text lists
            int at = attached.merge(target, 1, Integer::sum) - 1;
            target.requirements.add(at, fr.item.value());
            target.requirementItems.add(at, fr.item);
            for (Endpoint e : fr.endpoints) {
                if (!target.endpoints.contains(e)) {
                    target.endpoints.add(e);
                }
            }
        }
        if (rest != null) {
            drafts.add(rest);
        }
    }

    private record FrItem(Item item, List<Endpoint> endpoints) {
    }

    private void findFrs(Node node, List<FrItem> out) {
        findFrs(node, out, false);
    }

    /** FR-nnn items outside stories, and every item of a "Functional Requirements" section. */
    private void findFrs(Node node, List<FrItem> out, boolean inFrSection) {
        boolean frSection = inFrSection;
        for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h && node == doc) {
                frSection = Labels.normalize(h.getText().toString()).equals("functional requirements");
                continue;
            }
            if (n instanceof ListItem li && li.getFirstChild() instanceof Paragraph p && !insideFeature(li)) {
                String text = TextScan.squash(p.getChars().toString());
                if (frSection || FR.matcher(text).find()) {
                    int line = st.startLine(p);
                    int col = st.colOf(p.getStartOffset());
                    int last = Math.min(st.endLine(p), st.lineCount() - 1);
                    int itemLast = Math.min(st.endLine(li), st.lineCount() - 1);
                    List<Endpoint> eps = new ArrayList<>();
                    TextScan.endpoints(text, eps);
                    Item item = new Item(text, new Span(line, col, last, st.line(last).stripTrailing().length()), line,
                            last, itemLast, st.line(line).substring(0, Math.min(col, st.line(line).length())), true,
                            false, false);
                    out.add(new FrItem(item, new ArrayList<>(new LinkedHashSet<>(eps))));
                    continue;
                }
            }
            if (n.hasChildren()) {
                findFrs(n, out, frSection);
            }
        }
    }

    private boolean insideFeature(Node n) {
        int line = st.startLine(n);
        for (FeatureDraft d : drafts) {
            if (line >= d.firstLine && line <= d.lastLine) {
                return true;
            }
        }
        return false;
    }

    private FeatureDraft functionalRequirementsFeature(FrItem first) {
        FeatureDraft d = new FeatureDraft();
        d.format = format;
        d.id = "functional-requirements";
        d.name = "Functional Requirements";
        int line = first.item.firstLine();
        Heading section = null;
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h && st.startLine(h) <= line) {
                section = h;
            }
        }
        d.firstLine = section == null ? line : st.startLine(section);
        d.headingLine = d.firstLine;
        if (section != null) {
            d.name = SpecParser.clean(section.getText().toString());
            d.headingLevel = section.getLevel();
            int col = st.colOf(section.getText().getStartOffset());
            d.nameSpan = new Span(d.firstLine, col, d.firstLine, st.line(d.firstLine).stripTrailing().length());
        } else {
            d.nameSpan = new Span(line, 0, line, 0);
        }
        int end = st.lineCount() - 1;
        for (Node n = section == null ? null : section.getNext(); n != null; n = n.getNext()) {
            if (n instanceof Heading h && h.getLevel() <= section.getLevel()) {
                end = st.startLine(h) - 1;
                break;
            }
        }
        while (end > d.firstLine && st.isBlank(end)) {
            end--;
        }
        d.lastLine = end;
        return d;
    }

    /** Task Master: API endpoints listed outside features go to the feature naming them. */
    private void attachApiEndpoints(List<Endpoint> templates) {
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
        for (Endpoint e : new LinkedHashSet<>(outside)) {
            addTemplate(templates, e);
            FeatureDraft target = featureNamingPath(e.path());
            if (target == null) {
                target = featureNamedLike(e.path());
            }
            if (target != null && !target.endpoints.contains(e)) {
                target.endpoints.add(e);
            }
        }
    }

    private FeatureDraft featureNamingPath(String path) {
        for (FeatureDraft d : drafts) {
            for (int i = d.firstLine; i <= d.lastLine; i++) {
                String l = st.line(i);
                int at = l.indexOf(path);
                while (at >= 0) {
                    int after = at + path.length();
                    boolean startOk = at == 0 || !Character.isLetterOrDigit(l.charAt(at - 1));
                    boolean endOk = after >= l.length() || !(Character.isLetterOrDigit(l.charAt(after))
                            || l.charAt(after) == '/');
                    if (startOk && endOk) {
                        return d;
                    }
                    at = l.indexOf(path, at + 1);
                }
            }
        }
        return null;
    }

    private FeatureDraft featureNamedLike(String path) {
        String word = null;
        for (String seg : path.split("/")) {
            if (seg.length() >= 4 && seg.chars().allMatch(Character::isLetter)) {
                word = seg.toLowerCase(Locale.ROOT);
            }
        }
        if (word == null) {
            return null;
        }
        for (FeatureDraft d : drafts) {
            for (String w : words(d.name)) {
                if (w.length() >= 4 && (w.startsWith(word) || word.startsWith(w))) {
                    return d;
                }
            }
        }
        return null;
    }

    // ------------------------------------------------------------ ids

    private void assignIds() {
        Set<String> used = new HashSet<>();
        int n = 0;
        for (FeatureDraft d : drafts) {
            n++;
            String id = d.id.isEmpty() ? TextScan.slug(d.name) : d.id;
            if (id.isEmpty()) {
                id = "feature-" + n;
            }
            if (used.contains(id)) {
                int k = 2;
                while (used.contains(id + "-" + k)) {
                    k++;
                }
                diags.add(Diagnostic.warning(d.firstLine + 1, "duplicate-feature-id", "feature '" + d.name
                        + "' has the same id '" + id + "' as an earlier feature; renamed to '" + id + "-" + k + "'"));
                id = id + "-" + k;
            }
            used.add(id);
            d.id = id;
            if (d.isEmpty()) {
                diags.add(Diagnostic.warning(d.firstLine + 1, "empty-feature", "feature '" + d.name
                        + "' has no description, requirements, files or acceptance criteria"));
            }
        }
    }

    // ------------------------------------------------------------ dependencies

    private void resolveDependencies() {
        Map<String, FeatureDraft> byId = new HashMap<>();
        for (FeatureDraft d : drafts) {
            byId.put(d.id.toLowerCase(Locale.ROOT), d);
        }
        for (FeatureDraft d : drafts) {
            List<String> deps = new ArrayList<>();
            for (String raw : d.rawDependencies) {
                List<FeatureDraft> hits = resolve(raw, byId);
                String dep;
                if (hits.size() == 1) {
                    FeatureDraft target = hits.get(0);
                    if (target == d) {
                        diags.add(Diagnostic.warning(d.firstLine + 1, "self-dependency", "feature '" + d.name
                                + "' depends on itself ('" + raw + "'); ignored"));
                        d.resolvedDependencies.add(null);
                        continue;
                    }
                    dep = target.id;
                } else if (hits.isEmpty()) {
                    diags.add(Diagnostic.warning(dependencyLine(d, raw), "unknown-dependency", "feature '" + d.name
                            + "' depends on '" + raw + "', which names no feature of this spec"));
                    dep = raw;
                } else {
                    List<String> ids = new ArrayList<>();
                    hits.forEach(h -> ids.add(h.id));
                    diags.add(Diagnostic.warning(dependencyLine(d, raw), "ambiguous-dependency", "feature '" + d.name
                            + "' depends on '" + raw + "', which could be any of " + ids + "; kept as written"));
                    dep = raw;
                }
                d.resolvedDependencies.add(dep);
                if (!deps.contains(dep)) {
                    deps.add(dep);
                }
            }
            features.add(d.toFeature(deps));
        }
    }

    private int dependencyLine(FeatureDraft d, String raw) {
        for (Item it : d.dependencyItems) {
            if (it.value().equals(raw)) {
                return it.firstLine() + 1;
            }
        }
        return d.dependencyInline != null ? d.dependencyInline.line() + 1 : d.firstLine + 1;
    }

    /** Features a dependency as written may mean: by id, number, exact name, then partial name. */
    List<FeatureDraft> resolve(String raw, Map<String, FeatureDraft> byId) {
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
            for (FeatureDraft d : drafts) {
                if (d.number == n) {
                    return List.of(d);
                }
            }
            return n >= 1 && n <= drafts.size() ? List.of(drafts.get(n - 1)) : List.of();
        }
        String want = norm(s);
        if (want.isEmpty()) {
            return List.of();
        }
        List<FeatureDraft> prefix = new ArrayList<>();
        List<FeatureDraft> inner = new ArrayList<>();
        List<FeatureDraft> outer = new ArrayList<>();
        for (FeatureDraft d : drafts) {
            String name = norm(d.name);
            String bare = norm(d.name.replaceAll("\\s*\\([^)]*\\)\\s*$", ""));
            if (name.equals(want) || bare.equals(want)) {
                return List.of(d);
            }
            if (name.startsWith(want + " ")) {
                prefix.add(d);
            } else if ((" " + name + " ").contains(" " + want + " ")) {
                inner.add(d);
            } else if (!bare.isEmpty() && (" " + want + " ").contains(" " + bare + " ")) {
                outer.add(d);
            }
        }
        if (!prefix.isEmpty()) {
            return prefix;
        }
        if (!inner.isEmpty()) {
            return inner;
        }
        return outer;
    }

    private static String norm(String s) {
        return String.join(" ", words(s));
    }

    private static List<String> words(String s) {
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

    /**
     * Task Master's "Logical Dependency Chain": items naming a core feature, with "(depends on 3 &amp;
     * 4)" pointing at other items, become dependencies between those features.
     */
    private void dependencyChain() {
        Heading section = null;
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h && Labels.normalize(h.getText().toString()).equals("logical dependency chain")) {
                section = h;
                break;
            }
        }
        if (section == null) {
            return;
        }
        ListBlock list = null;
        for (Node n = section.getNext(); n != null && !(n instanceof Heading); n = n.getNext()) {
            if (n instanceof ListBlock l) {
                list = l;
                break;
            }
        }
        if (list == null) {
            return;
        }
        Map<String, FeatureDraft> byId = new HashMap<>();
        drafts.forEach(d -> byId.put(d.id.toLowerCase(Locale.ROOT), d));
        List<FeatureDraft> chain = new ArrayList<>();
        List<String> dependsOn = new ArrayList<>();
        int unmapped = 0;
        for (Node c = list.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof ListItem li && li.getFirstChild() instanceof Paragraph p) {
                String text = TextScan.squash(p.getChars().toString());
                Matcher m = DEPENDS_ON.matcher(text);
                dependsOn.add(m.find() ? m.group(1) : "");
                String name = DEPENDS_ON.matcher(text).replaceAll("").replaceAll("[.\\s]+$", "").trim();
                List<FeatureDraft> hits = resolve(name, byId);
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
                int at = drafts.indexOf(d);
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
