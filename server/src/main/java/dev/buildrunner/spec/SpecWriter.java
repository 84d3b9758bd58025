package dev.buildrunner.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Writes specs back without losing a byte: an unchanged spec is its source; an edit of one feature
 * changes only that feature's text.
 *
 * <p>{@link #replaceFeature} splices field by field: an edited requirement replaces that item's
 * text and keeps its list marker and checkbox; an added one is written after its neighbour with
 * the neighbour's marker; a removed one loses its lines; a new field (say, acceptance criteria for
 * a feature that had none) is appended at the end of the feature in the feature's own label style
 * and the file's line endings. The result is parsed again and checked against the edited feature;
 * when a splice cannot express the edit (a value spread over one line with others, a description
 * woven between fields), the feature's body is written anew in BuildRunner's style, and when even
 * that does not read back as the edit (a requirement holding a line break, say), the spliced text
 * is returned: the spec says what its text says, so callers that need certainty compare
 * {@code result.feature(id)} with what they asked for.
 *
 * <p>Thread-safe; holds only the (immutable) parser.
 */
public final class SpecWriter {

    private final SpecParser parser;

    public SpecWriter() {
        this(new SpecParser());
    }

    public SpecWriter(SpecParser parser) {
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    /** The spec's text: for a parsed spec, its source, byte for byte. */
    public String write(Spec spec) {
        return spec.source();
    }

    /**
     * Replaces the feature with {@code edited.id()} by {@code edited}.
     *
     * @return the new spec, parsed from the new text; its source differs from the old one only
     *     inside the feature's lines (a rename also changes the id, which is a slug of the name)
     * @throws IllegalArgumentException when the spec has no feature with that id
     */
    public Spec replaceFeature(Spec spec, Feature edited) {
        SpecParser.Parsed p = parser.parseDetailed(spec.source());
        int idx = indexOf(p, edited.id());
        Feature old = p.result().spec().features().get(idx);
        if (old.sameContent(edited)) {
            return p.result().spec();
        }
        FeatureDraft d = p.drafts().get(idx);
        SourceText st = p.source();
        List<Edit> edits = new FeatureSplicer(st, d, old, p.result().spec()).edits(edited);
        SpecParser.Parsed spliced = parser.parseDetailed(apply(st.source(), edits));
        if (readsBack(spliced, idx, old, edited)) {
            return spliced.result().spec();
        }
        if (!d.itemFeature && d.format != null && (d.format == SpecFormat.BUILDRUNNER
                || d.format == SpecFormat.MARKDOWN)) {
            String body = FeatureSplicer.renderBody(edited, p.result().spec(), st.eol());
            int from = st.nextLineStartOffset(d.headingLine);
            int to = st.lineEndOffset(d.lastLine);
            List<Edit> whole = new ArrayList<>();
            whole.add(new Edit(from, to, st.eol() + body, 0));
            if (!old.name().equals(edited.name())) {
                whole.add(new Edit(st.sourceOffset(d.nameSpan.line(), d.nameSpan.col()),
                        st.sourceOffset(d.nameSpan.line(), d.nameSpan.endCol()), edited.name(), 1));
            }
            String text = from > to ? null : apply(st.source(), whole);
            SpecParser.Parsed rendered = text == null ? null : parser.parseDetailed(text);
            if (rendered != null && readsBack(rendered, idx, old, edited)) {
                return rendered.result().spec();
            }
        }
        return spliced.result().spec();
    }

    /**
     * Appends a feature at the end of the features section (a {@code ## Features} section is
     * created at the end of the file when there is none), in BuildRunner's style: heading like the
     * other features', then bold-labelled fields. The new feature's id is the one the parser gives
     * its heading. Meant for BuildRunner-format specs: in spec-kit, Kiro or OpenSpec files such a
     * heading is none of the format's units and is not read as a feature.
     */
    public Spec addFeature(Spec spec, Feature f) {
        SpecParser.Parsed p = parser.parseDetailed(spec.source());
        SourceText st = p.source();
        String eol = st.eol();
        SpecParser.Placement pl = p.placement();
        int level = pl.afterLine() >= 0 ? Math.max(1, Math.min(6, pl.headingLevel())) : 3;
        String heading = "#".repeat(level) + " "
                + pl.headingStyle().replace("N", Integer.toString(pl.nextNumber())) + f.name();
        String block = heading + eol + eol + FeatureSplicer.renderBody(f, p.result().spec(), eol);
        String src = st.source();
        String text;
        if (pl.afterLine() >= 0 && pl.afterLine() < st.lineCount()) {
            int at = st.lineEndOffset(pl.afterLine());
            String sep = pl.separators() ? eol + eol + "---" : "";
            text = src.substring(0, at) + sep + eol + eol + block + src.substring(at);
        } else {
            String lead = src.isEmpty() || src.endsWith("\n") || src.endsWith("\r") ? "" : eol;
            String section = pl.afterLine() >= 0 ? "" : "## Features" + eol + eol;
            text = src + lead + (src.isEmpty() ? "" : eol) + section + block + eol;
        }
        return parser.parseDetailed(text).result().spec();
    }

    /**
     * Removes a feature's lines, with the blank lines and {@code ---} rule that separated it from
     * its neighbour.
     *
     * @throws IllegalArgumentException when the spec has no feature with that id
     */
    public Spec removeFeature(Spec spec, String id) {
        SpecParser.Parsed p = parser.parseDetailed(spec.source());
        int idx = indexOf(p, id);
        SourceText st = p.source();
        FeatureDraft d = p.drafts().get(idx);
        List<FeatureDraft> drafts = p.drafts();
        int from;
        int to;
        FeatureDraft next = idx + 1 < drafts.size() ? drafts.get(idx + 1) : null;
        FeatureDraft prev = idx > 0 ? drafts.get(idx - 1) : null;
        if (next != null && next.firstLine > d.lastLine && onlySpacing(st, d.lastLine + 1, next.firstLine - 1)) {
            from = st.lineStartOffset(d.firstLine);
            to = st.lineStartOffset(next.firstLine);
        } else if (prev != null && prev.lastLine < d.firstLine && onlySpacing(st, prev.lastLine + 1, d.firstLine - 1)) {
            from = st.lineEndOffset(prev.lastLine);
            to = st.lineEndOffset(d.lastLine);
        } else {
            from = st.lineStartOffset(d.firstLine);
            to = st.nextLineStartOffset(d.lastLine);
        }
        String src = st.source();
        return parser.parseDetailed(src.substring(0, from) + src.substring(to)).result().spec();
    }

    private static boolean onlySpacing(SourceText st, int from, int to) {
        for (int i = from; i <= to; i++) {
            String l = st.line(i).trim();
            if (!l.isEmpty() && !l.matches("([-*_])(\\s*\\1){2,}")) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(SpecParser.Parsed p, String id) {
        List<Feature> fs = p.result().spec().features();
        for (int i = 0; i < fs.size(); i++) {
            if (fs.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("spec has no feature with id: " + id);
    }

    /** True when the feature at {@code idx} of the re-parsed spec says what {@code edited} says. */
    private static boolean readsBack(SpecParser.Parsed parsed, int idx, Feature old, Feature edited) {
        List<Feature> fs = parsed.result().spec().features();
        if (idx >= fs.size()) {
            return false;
        }
        Feature now = fs.get(idx);
        boolean endpointsEdited = !old.endpoints().equals(edited.endpoints());
        return now.name().equals(edited.name()) && now.complexity() == edited.complexity()
                && now.priority().equals(edited.priority()) && now.description().equals(edited.description())
                && now.requirements().equals(edited.requirements()) && now.files().equals(edited.files())
                && now.dependencies().equals(edited.dependencies())
                && now.acceptanceCriteria().equals(edited.acceptanceCriteria())
                && (!endpointsEdited || now.endpoints().equals(edited.endpoints()))
                && now.attributes().equals(edited.attributes());
    }

    /** A replacement of source offsets [start, end) by text; seq orders insertions at one offset. */
    record Edit(int start, int end, String text, int seq) {
    }

    /** Applies non-overlapping edits; overlapping ones after the first are dropped. */
    static String apply(String src, List<Edit> edits) {
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end).thenComparingInt(Edit::seq));
        StringBuilder sb = new StringBuilder(src.length() + 256);
        int pos = 0;
        for (Edit e : sorted) {
            if (e.start() < pos) {
                continue;
            }
            sb.append(src, pos, e.start()).append(e.text());
            pos = Math.max(pos, e.end());
        }
        sb.append(src, pos, src.length());
        return sb.toString();
    }
}
