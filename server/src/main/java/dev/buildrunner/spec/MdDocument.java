package dev.buildrunner.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * The top-level blocks of one spec text, positioned (absolute offsets in {@link SourceText#text()})
 * and linked by {@link MdBlock#next()}.
 *
 * <p>The text is parsed chunk by chunk: a chunk runs from one top-level ATX heading to the line
 * before the next. Where a chunk ends is checked, not guessed: a chunk is parsed together with the
 * heading line that follows it, and the split stands only when flexmark reads that line as a
 * top-level heading. Such a heading closes every open block (list, quote, code fence, HTML block),
 * so flexmark's state after it is the state at the start of a document, and the blocks of the next
 * chunk, parsed on their own, are those a whole-document parse gives. When the check fails (a
 * {@code # comment} line inside a fence, say) the chunk is extended to the next candidate line. A
 * cheap scan that skips fenced code proposes the candidates, so checks rarely fail.
 *
 * <p>Chunks are looked up in a {@link ChunkCache} by their text; a one-feature edit changes one or
 * two chunks (the edited one, and its predecessor when the edit is to the heading line).
 */
final class MdDocument {

    /** After this many failed checks for one chunk the rest of the text is parsed as one chunk. */
    private static final int MAX_EXTENSIONS = 8;

    private final List<MdBlock> blocks;

    private MdDocument(List<MdBlock> blocks) {
        this.blocks = blocks;
        for (int i = 1; i < blocks.size(); i++) {
            blocks.get(i - 1).link(blocks.get(i));
        }
    }

    /** The first top-level block, null for an empty document. */
    MdBlock first() {
        return blocks.isEmpty() ? null : blocks.get(0);
    }

    List<MdBlock> blocks() {
        return blocks;
    }

    /**
     * Parses the whole text with one flexmark call, caching nothing: the reference the chunked parse
     * is tested against.
     */
    static MdDocument whole(SourceText st, FlexmarkBlocks flexmark) {
        List<MdBlock> out = new ArrayList<>();
        for (MdBlock b : flexmark.parse(st.text())) {
            out.add(b.at(0));
        }
        return new MdDocument(out);
    }

    /**
     * Parses a text chunk by chunk, taking each chunk's blocks from {@code cache} when it holds
     * them and adding those it parses.
     *
     * @param cache the chunks of earlier parses; null to cache nothing
     */
    static MdDocument chunked(SourceText st, FlexmarkBlocks flexmark, ChunkCache cache) {
        String text = st.text();
        int[] cands = candidates(st);
        List<MdBlock> out = new ArrayList<>();
        int start = 0;
        int next = 0;
        while (next < cands.length && cands[next] <= start) {
            next++;
        }
        while (true) {
            int from = st.textOffset(start);
            boolean split = false;
            for (int v = next; v < cands.length && v < next + MAX_EXTENSIONS; v++) {
                int line = cands[v];
                String chunk = text.substring(from, st.textOffset(line + 1));
                List<MdBlock> bs = blocks(chunk, flexmark, cache);
                MdBlock last = bs.isEmpty() ? null : bs.get(bs.size() - 1);
                if (last != null && last.is(MdBlock.Kind.HEADING) && last.start == st.textOffset(line) - from) {
                    for (int i = 0; i < bs.size() - 1; i++) {
                        out.add(bs.get(i).at(from));
                    }
                    start = line;
                    next = v + 1;
                    split = true;
                    break;
                }
            }
            if (!split) {
                for (MdBlock b : blocks(text.substring(from), flexmark, cache)) {
                    out.add(b.at(from));
                }
                return new MdDocument(out);
            }
        }
    }

    private static List<MdBlock> blocks(String chunk, FlexmarkBlocks flexmark, ChunkCache cache) {
        List<MdBlock> bs = cache == null ? null : cache.get(chunk);
        if (bs == null) {
            bs = List.copyOf(flexmark.parse(chunk));
            if (cache != null) {
                cache.put(chunk, bs);
            }
        }
        return bs;
    }

    /**
     * Lines that may start a top-level block right after a split: an ATX heading at column 0
     * ({@code #} to {@code ######} then a space, a tab or the line end) outside a fenced code block
     * opened at the top level. A proposal only: {@link #chunked} checks each one.
     */
    static int[] candidates(SourceText st) {
        int[] out = new int[64];
        int count = 0;
        char fence = 0;
        int fenceLength = 0;
        for (int i = 0; i < st.lineCount(); i++) {
            String l = st.line(i);
            if (l.isEmpty()) {
                continue;
            }
            char c0 = l.charAt(0);
            if (c0 != '#' && c0 != ' ' && c0 != '`' && c0 != '~') {
                continue;
            }
            int indent = 0;
            while (indent < l.length() && indent < 4 && l.charAt(indent) == ' ') {
                indent++;
            }
            if (indent < 4 && indent < l.length() && (l.charAt(indent) == '`' || l.charAt(indent) == '~')) {
                char f = l.charAt(indent);
                int n = indent;
                while (n < l.length() && l.charAt(n) == f) {
                    n++;
                }
                int run = n - indent;
                if (fence == 0 && run >= 3 && (f == '~' || l.indexOf('`', n) < 0)) {
                    fence = f;
                    fenceLength = run;
                } else if (fence == f && run >= fenceLength && l.substring(n).isBlank()) {
                    fence = 0;
                }
                continue;
            }
            if (fence != 0 || c0 != '#') {
                continue;
            }
            int hashes = 0;
            while (hashes < l.length() && l.charAt(hashes) == '#') {
                hashes++;
            }
            if (hashes <= 6 && (hashes == l.length() || l.charAt(hashes) == ' ' || l.charAt(hashes) == '\t')) {
                if (count == out.length) {
                    out = java.util.Arrays.copyOf(out, count * 2);
                }
                out[count++] = i;
            }
        }
        return java.util.Arrays.copyOf(out, count);
    }
}
