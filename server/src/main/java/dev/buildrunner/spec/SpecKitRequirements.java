package dev.buildrunner.spec;

import dev.buildrunner.spec.FeatureDraft.Item;
import dev.buildrunner.spec.FeatureDraft.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * spec-kit {@code spec.md}: a functional requirement ({@code FR-nnn}) that names an endpoint goes to
 * the first story (in spec order) whose text uses that endpoint; every other one goes to one extra
 * feature {@code functional-requirements}. One instance per parse; linear in the document.
 */
final class SpecKitRequirements {

    private static final Pattern FR = Pattern.compile("^\\**\\s*(FR-\\d+)\\b");

    private final SourceText st;
    private final MdDocument doc;
    private final SpecFormat format;
    private final List<FeatureDraft> drafts;

    SpecKitRequirements(SourceText st, MdDocument doc, SpecFormat format, List<FeatureDraft> drafts) {
        this.st = st;
        this.doc = doc;
        this.format = format;
        this.drafts = drafts;
    }

    private record FrItem(Item item, List<Endpoint> endpoints) {
    }

    /** Attaches the FRs; may add the feature {@code functional-requirements} at the end of the drafts. */
    void attach(EndpointTemplates templates) {
        boolean[] inFeature = new boolean[st.lineCount() + 1];
        for (FeatureDraft d : drafts) {
            for (int i = Math.max(0, d.firstLine); i <= d.lastLine && i < inFeature.length; i++) {
                inFeature[i] = true;
            }
        }
        List<FrItem> frs = new ArrayList<>();
        findFrs(doc.first(), true, frs, false, inFeature);
        for (FrItem fr : frs) {
            for (Endpoint e : fr.endpoints) {
                templates.add(e);
            }
        }
        // the first story holding each endpoint, kept up to date as FRs add endpoints to stories
        Map<Endpoint, Integer> firstWith = new HashMap<>();
        for (int i = 0; i < drafts.size(); i++) {
            templates.canonicalise(drafts.get(i).endpoints);
            for (Endpoint e : drafts.get(i).endpoints) {
                firstWith.putIfAbsent(e, i);
            }
        }
        FeatureDraft rest = null;
        Map<FeatureDraft, Integer> attached = new IdentityHashMap<>();
        for (FrItem fr : frs) {
            templates.canonicalise(fr.endpoints);
            int best = -1;
            for (Endpoint e : fr.endpoints) {
                Integer i = firstWith.get(e);
                if (i != null && (best < 0 || i < best)) {
                    best = i;
                }
            }
            FeatureDraft target;
            if (best >= 0) {
                target = drafts.get(best);
            } else {
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
                    if (best >= 0) {
                        firstWith.merge(e, best, Math::min);
                    }
                }
            }
        }
        if (rest != null) {
            drafts.add(rest);
        }
    }

    /**
     * FR-nnn items outside stories, and every item of a "Functional Requirements" section, among
     * the blocks from {@code first} on ({@code top}: the document's top-level blocks).
     */
    private void findFrs(MdBlock first, boolean top, List<FrItem> out, boolean inFrSection, boolean[] inFeature) {
        boolean frSection = inFrSection;
        for (MdBlock n = first; n != null; n = n.next()) {
            if (n.is(MdBlock.Kind.HEADING) && top) {
                frSection = Labels.normalize(n.text).equals("functional requirements");
                continue;
            }
            MdBlock p = n.is(MdBlock.Kind.ITEM) ? n.firstChild() : null;
            if (p != null && p.is(MdBlock.Kind.PARAGRAPH) && !inFeature[st.startLine(n)]) {
                String text = TextScan.squash(st.chars(p));
                if (frSection || FR.matcher(text).find()) {
                    int line = st.startLine(p);
                    int col = st.colOf(p.start);
                    int last = Math.min(st.endLine(p), st.lineCount() - 1);
                    int itemLast = Math.min(st.endLine(n), st.lineCount() - 1);
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
                findFrs(n.firstChild(), false, out, frSection, inFeature);
            }
        }
    }

    private FeatureDraft functionalRequirementsFeature(FrItem first) {
        FeatureDraft d = new FeatureDraft();
        d.format = format;
        d.id = "functional-requirements";
        d.name = "Functional Requirements";
        int line = first.item.firstLine();
        MdBlock section = null;
        for (MdBlock n = doc.first(); n != null; n = n.next()) {
            if (n.is(MdBlock.Kind.HEADING) && st.startLine(n) <= line) {
                section = n;
            }
        }
        d.firstLine = section == null ? line : st.startLine(section);
        d.headingLine = d.firstLine;
        if (section != null) {
            d.name = SpecParser.clean(section.text);
            d.headingLevel = section.level;
            int col = st.colOf(section.textStart);
            d.nameSpan = new Span(d.firstLine, col, d.firstLine, st.line(d.firstLine).stripTrailing().length());
        } else {
            d.nameSpan = new Span(line, 0, line, 0);
        }
        int end = st.lineCount() - 1;
        for (MdBlock n = section == null ? null : section.next(); n != null; n = n.next()) {
            if (n.is(MdBlock.Kind.HEADING) && n.level <= section.level) {
                end = st.startLine(n) - 1;
                break;
            }
        }
        while (end > d.firstLine && st.isBlank(end)) {
            end--;
        }
        d.lastLine = end;
        return d;
    }
}
