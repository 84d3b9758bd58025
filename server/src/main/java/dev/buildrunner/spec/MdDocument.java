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
 * <p>Chunks are looked up in a cache by their text; a one-feature edit changes one or two chunks
 * (the edited one, and its predecessor when the edit is to the heading line).
 */
final class MdDocument {

    /** After this many failed checks for one chunk the rest of the text is parsed as one chunk. */
    private static final int MAX_EXTENSIONS = 8;

    /**
     * A parsed chunk: its text (the heading line that ends it included) and its top-level blocks,
     * offsets relative to the chunk. The cache's value, so that equal chunks share one text.
     */
    record Chunk(String text, List<MdBlock> blocks, List<MdBlock> code) {
        Chunk(String text, List<MdBlock> blocks) {
            this(text, List.copyOf(blocks), code(blocks));
        }

        private static List<MdBlock> code(List<MdBlock> blocks) {
            List<MdBlock> out = new ArrayList<>();
            for (MdBlock b : blocks) {
                b.collectCode(out);
            }
            return List.copyOf(out);
        }
    }

    private final List<MdBlock> blocks;
    /** Where each chunk starts in the normalised text, ascending; empty for a whole-document parse. */
    private final int[] chunkStarts;
    private final String[] chunkTexts;
    /** The code blocks (templates) and where their chunks start: offset and line. */
    private final List<MdBlock> code;
    private final List<int[]> codeAt;

    private MdDocument(List<MdBlock> blocks, int[] chunkStarts, String[] chunkTexts, List<MdBlock> code,
            List<int[]> codeAt) {
        this.blocks = blocks;
        this.chunkStarts = chunkStarts;
        this.chunkTexts = chunkTexts;
        this.code = code;
        this.codeAt = codeAt;
        for (int i = 1; i < blocks.size(); i++) {
            blocks.get(i - 1).link(blocks.get(i));
        }
    }

    /**
     * The texts of the chunks that make up the blocks from {@code first} up to {@code stop} (null:
     * to the end), when both fall on chunk starts: text that determines those blocks, to key what
     * is read from them. Null when a bound is inside a chunk (a setext heading, say).
     */
    List<String> chunksBetween(MdBlock first, MdBlock stop) {
        int from = java.util.Arrays.binarySearch(chunkStarts, first.start);
        int to = stop == null ? chunkStarts.length : java.util.Arrays.binarySearch(chunkStarts, stop.start);
        if (from < 0 || to <= from) {
            return null;
        }
        return List.of(java.util.Arrays.copyOfRange(chunkTexts, from, to));
    }

    /**
     * Calls {@code visitor} with every code block (fenced or indented, at any depth; not those
     * inside a code block) in document order.
     */
    void forEachCode(CodeVisitor visitor) {
        for (int i = 0; i < code.size(); i++) {
            MdBlock b = code.get(i);
            int[] at = codeAt.get(i);
            visitor.code(b, b.start + at[0], b.end + at[0], b.firstLine + at[1], b.lastLine + at[1]);
        }
    }

    /** Receives a code block (its facts; its offsets and lines are relative) and where it is. */
    @FunctionalInterface
    interface CodeVisitor {
        void code(MdBlock block, int start, int end, int firstLine, int lastLine);
    }

    /** The texts of the chunks, in order; none for a whole-document parse. */
    List<String> chunkTexts() {
        return List.of(chunkTexts);
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
        Chunk chunk = new Chunk(st.text(), flexmark.parse(st.text()));
        List<MdBlock> out = new ArrayList<>();
        for (MdBlock b : chunk.blocks()) {
            out.add(b.at(0, 0));
        }
        List<int[]> at = new ArrayList<>();
        chunk.code().forEach(c -> at.add(new int[] {0, 0}));
        return new MdDocument(out, new int[0], new String[0], chunk.code(), at);
    }

    /**
     * Parses a text chunk by chunk, taking each chunk's blocks from {@code cache} when it holds
     * them and adding those it parses.
     *
     * @param cache the chunks of earlier parses; null to cache nothing
     */
    static MdDocument chunked(SourceText st, FlexmarkBlocks flexmark, LruCache<TextRegion, Chunk> cache) {
        String text = st.text();
        return walk(st, new ChunkSource() {
            @Override
            public Chunk through(int from, int fromLine, int line) {
                return chunk(new TextRegion(text, from, st.textOffset(line + 1)), flexmark, cache);
            }

            @Override
            public Chunk rest(int from, int fromLine) {
                return chunk(new TextRegion(text, from, text.length()), flexmark, cache);
            }
        });
    }

    /**
     * Parses a text in a few large pieces (about {@value #PIECE} characters, each a run of chunks)
     * and cuts each piece's blocks into the chunks a chunked parse would find, adding them to
     * {@code cache}. A first parse thus makes a few flexmark calls instead of one per chunk (much
     * faster before the JIT compiler has warmed up) and the next parse finds every chunk. A piece
     * starts where a chunk starts (flexmark's state is that of a new document there) and is parsed
     * as the whole text would be up to its last line, so a candidate line inside it that starts a
     * top-level heading is exactly where a chunked parse's check succeeds.
     */
    static MdDocument split(SourceText st, FlexmarkBlocks flexmark, LruCache<TextRegion, Chunk> cache) {
        return walk(st, new PieceSource(st, flexmark, cache));
    }

    /** Characters a piece of a first parse aims at: large enough to make few flexmark calls. */
    static final int PIECE = 64 * 1024;

    /** Chunks cut from pieces parsed whole. */
    private static final class PieceSource implements ChunkSource {
        private final SourceText st;
        private final FlexmarkBlocks flexmark;
        private final LruCache<TextRegion, Chunk> cache;
        private final int[] cands;
        private FlexmarkBlocks.TopLevel top;
        private int[] starts;
        /** The piece: its first offset and line, and its last line (included). */
        private int pieceFrom = -1;
        private int pieceLine;
        private int pieceLast = -1;

        PieceSource(SourceText st, FlexmarkBlocks flexmark, LruCache<TextRegion, Chunk> cache) {
            this.st = st;
            this.flexmark = flexmark;
            this.cache = cache;
            this.cands = candidates(st);
        }

        @Override
        public Chunk through(int from, int fromLine, int line) {
            if (pieceFrom < 0 || pieceFrom > from || pieceLast < line) {
                parsePiece(from, fromLine, line, false);
            }
            int heading = java.util.Arrays.binarySearch(starts, st.textOffset(line) - pieceFrom);
            if (heading < 0 || !top.isHeading(heading)) {
                return null;
            }
            return keep(st.textOffset(line + 1), firstAt(from), heading + 1, from, fromLine);
        }

        @Override
        public Chunk rest(int from, int fromLine) {
            if (pieceFrom < 0 || pieceFrom > from || pieceLast < st.lineCount() - 1) {
                parsePiece(from, fromLine, st.lineCount() - 1, true);
            }
            return keep(st.text().length(), firstAt(from), top.size(), from, fromLine);
        }

        /**
         * Parses from a chunk start through the first candidate line {@link #PIECE} characters on
         * (or to the end), and at least through {@code line}; {@code toEnd}: to the end of the text.
         */
        private void parsePiece(int from, int fromLine, int line, boolean toEnd) {
            int last = line;
            int i = java.util.Arrays.binarySearch(cands, line);
            for (i = i >= 0 ? i : -i - 1; i < cands.length && st.textOffset(cands[i]) - from < PIECE; i++) {
                last = cands[i];
            }
            last = toEnd || i >= cands.length ? st.lineCount() - 1 : Math.max(last, cands[i]);
            pieceFrom = from;
            pieceLine = fromLine;
            pieceLast = last;
            top = flexmark.parseTopLevel(st.text().substring(from, st.textOffset(last + 1)));
            starts = new int[top.size()];
            for (int k = 0; k < starts.length; k++) {
                starts[k] = top.start(k);
            }
        }

        private int firstAt(int offset) {
            int i = java.util.Arrays.binarySearch(starts, offset - pieceFrom);
            return i >= 0 ? i : -i - 1;
        }

        /** The chunk from {@code from} to {@code to}: blocks {@code first} (inclusive) to {@code end}. */
        private Chunk keep(int to, int first, int end, int from, int fromLine) {
            List<MdBlock> bs = new ArrayList<>(end - first);
            for (int i = first; i < end; i++) {
                bs.add(top.block(i, from - pieceFrom, fromLine - pieceLine));
            }
            String key = st.text().substring(from, to);
            Chunk c = new Chunk(key, bs);
            if (cache != null) {
                cache.put(TextRegion.of(key), c);
            }
            return c;
        }
    }

    /** Where the walk over chunks gets each chunk from. */
    private interface ChunkSource {
        /**
         * The chunk from offset {@code from} (line {@code fromLine}) through line {@code line}; null
         * when it is known not to end with a top-level heading on that line.
         */
        Chunk through(int from, int fromLine, int line);

        /** The chunk from {@code from} to the end of the text. */
        Chunk rest(int from, int fromLine);
    }

    private static MdDocument walk(SourceText st, ChunkSource source) {
        int[] cands = candidates(st);
        List<MdBlock> out = new ArrayList<>();
        int[] starts = new int[cands.length + 1];
        String[] texts = new String[cands.length + 1];
        int count = 0;
        List<MdBlock> code = new ArrayList<>();
        List<int[]> codeAt = new ArrayList<>();
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
                Chunk chunk = source.through(from, start, line);
                List<MdBlock> bs = chunk == null ? List.of() : chunk.blocks();
                MdBlock last = bs.isEmpty() ? null : bs.get(bs.size() - 1);
                if (last != null && last.is(MdBlock.Kind.HEADING) && last.start == st.textOffset(line) - from) {
                    for (int i = 0; i < bs.size() - 1; i++) {
                        out.add(bs.get(i).at(from, start));
                    }
                    addCode(chunk, from, start, code, codeAt);
                    starts[count] = from;
                    texts[count++] = chunk.text();
                    start = line;
                    next = v + 1;
                    split = true;
                    break;
                }
            }
            if (!split) {
                Chunk chunk = source.rest(from, start);
                for (MdBlock b : chunk.blocks()) {
                    out.add(b.at(from, start));
                }
                addCode(chunk, from, start, code, codeAt);
                starts[count] = from;
                texts[count++] = chunk.text();
                return new MdDocument(out, java.util.Arrays.copyOf(starts, count),
                        java.util.Arrays.copyOf(texts, count), code, codeAt);
            }
        }
    }

    private static void addCode(Chunk chunk, int from, int line, List<MdBlock> code, List<int[]> codeAt) {
        if (!chunk.code().isEmpty()) {
            int[] at = {from, line};
            for (MdBlock c : chunk.code()) {
                code.add(c);
                codeAt.add(at);
            }
        }
    }

    private static Chunk chunk(TextRegion region, FlexmarkBlocks flexmark, LruCache<TextRegion, Chunk> cache) {
        Chunk c = cache == null ? null : cache.get(region);
        if (c == null) {
            String text = region.toString();
            c = new Chunk(text, flexmark.parse(text));
            if (cache != null) {
                cache.put(TextRegion.of(text), c);
            }
        }
        return c;
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
