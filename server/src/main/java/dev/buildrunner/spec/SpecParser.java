package dev.buildrunner.spec;

import dev.buildrunner.spec.FeatureDraft.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Parses a spec's Markdown (BuildRunner's {@code PROJECT_SPEC.md}, spec-kit, Kiro, OpenSpec, Task
 * Master, or any Markdown as a best effort) into a {@link Spec}.
 *
 * <p>Block structure comes from flexmark's AST, so a heading inside a fenced code block is never a
 * heading. Each format's natural unit becomes a {@link Feature}:
 * <ul>
 *   <li>BuildRunner: the headings under a top-level section named like "Features" ("Core Features",
 *       "Feature List", "## 功能", numbered or with emoji), or the bullets of that section when it
 *       has no sub-headings (nested bullets are requirements); also {@code ## Feature N: Name}
 *       headings anywhere at top level. Labels ({@code **Requirements:**}, plain
 *       {@code Requirements:}, {@code #### Requirements}, {@code - **Endpoint**: ...}) pick the field
 *       the following lists fill.</li>
 *   <li>spec-kit {@code spec.md}: each {@code User Story N - Title (Priority: Pn)} is feature
 *       {@code US<N>}. A functional requirement {@code FR-nnn} that names an endpoint goes to the
 *       first story (in spec order) whose acceptance scenarios use that endpoint; every other FR
 *       goes to one extra feature {@code functional-requirements} (cross-cutting rules are built
 *       once, not once per story).</li>
 *   <li>spec-kit {@code tasks.md}: each {@code Phase N: Title} is a feature (id {@code US<N>} when
 *       the phase is a user story, else the slug of its title); each task line is a requirement
 *       written as in the file ({@code T003 [P] Create Dockerfile ...}); ticked tasks are listed in
 *       attribute {@code Done} ({@code T001, T002}).</li>
 *   <li>Kiro {@code requirements.md}: {@code Requirement N: Title} is feature {@code req-N}; the user
 *       story is the description; the EARS lines are acceptance criteria.</li>
 *   <li>Kiro {@code tasks.md}: each top-level numbered task is a feature; its sub-tasks are
 *       requirements; their detail bullets are description; the {@code _Requirements: 1.1, 2.3_}
 *       references (to criteria of requirements.md, not to features) are collected in attribute
 *       {@code Requirements}.</li>
 *   <li>OpenSpec: {@code Requirement: Title} is a feature; each {@code Scenario:} is one acceptance
 *       criterion "name: GIVEN ... WHEN ... THEN ...".</li>
 *   <li>Task Master PRD: the numbered items of {@code # Core Features}; endpoints listed elsewhere
 *       go to the feature whose text names their path, else whose name names their last segment.</li>
 * </ul>
 *
 * <p>Reading rules common to all formats:
 * <ul>
 *   <li><b>id</b>: the spec's own id ({@code US1}, {@code req-2}), else the slug of the name: lower
 *       case ASCII letters and digits joined by '-', accents folded, letters of other scripts kept
 *       ({@code 用户登录}), "Feature N:" and a trailing remark such as "(Build 7A)" left out, so that
 *       the id survives renumbering, rescheduling and any edit of the body; a name with nothing
 *       left gives {@code feature-<position>}; a repeated id gets {@code -2}, {@code -3} (warning).</li>
 *   <li><b>name</b>: the heading as written, without numbering, "Feature:" prefix or emphasis.</li>
 *   <li><b>requirements, criteria, files</b>: one per list item (nested items too), the item's
 *       text with list marker, checkboxes ({@code [ ]}, doubled {@code [ ] [ ]}) and check marks
 *       (✅) removed, inline Markdown kept, lines joined by one space. An item of a Files field
 *       gives the paths it names (backticked, else bare path-like tokens; "{@code (350+ lines)}"
 *       is no path) and its nested items are requirements; an item naming no path is a
 *       requirement.</li>
 *   <li><b>complexity</b>: the Complexity field; {@link Complexity#MEDIUM} when absent (no guess
 *       from size, so that it never changes unless the spec says so).</li>
 *   <li><b>dependencies</b>: names, partial names (whole words: "Gap Analyzer"), "Feature N" or
 *       ids, resolved to ids after all features are read; one naming nothing stays as written
 *       (warning {@code unknown-dependency}). A top-level "Dependencies" section (packages) is not
 *       read as feature dependencies.</li>
 *   <li><b>endpoints</b>: every {@code METHOD /path} on the feature's lines outside code blocks,
 *       in order, without duplicates; a concrete path ({@code GET /users/1}) becomes the spec's
 *       template for it ({@code GET /users/{id}}).</li>
 *   <li><b>description</b>: the Description field plus every block that fits no field (an
 *       unknown label with its list, a code block, a table), verbatim, dedented, blocks separated
 *       by a blank line: nothing is dropped.</li>
 *   <li><b>lines</b>: from the heading (or list item) to the last line before the next feature or
 *       section, trailing blank lines, {@code ---} rules and stray {@code #} lines excluded.</li>
 * </ul>
 *
 * <p>Diagnostics (codes are stable): ERROR {@code no-features} (nothing to plan; line 1);
 * WARNING {@code unknown-dependency}, {@code ambiguous-dependency}, {@code self-dependency},
 * {@code duplicate-feature-id}, {@code empty-feature}, {@code unknown-complexity},
 * {@code unclosed-fence}, {@code empty-heading}, {@code list-outside-feature},
 * {@code unreadable-features-section}; INFO {@code format-guessed},
 * {@code dependency-chain-unmapped}. {@code internal-error} means a parser bug.
 *
 * <p>Problems are {@link Diagnostic}s, never exceptions: {@link #parse} does not throw on any input.
 * Parsing the same text twice gives equal specs.
 *
 * <p>Speed: each instance keeps bounded caches of parsed chunks of Markdown (a chunk runs from one
 * top-level heading to the next; see {@link MdDocument}) and of read heading features ({@link
 * DraftCache}), so that parsing a spec again after a one-feature edit hands only the edited chunk to
 * flexmark and reads only the edited feature again. A first parse (empty caches) makes a few
 * flexmark calls over large pieces and fills the caches from them. The result never depends on the caches: a parse with cold
 * caches, warm ones or none gives results equal to those of a whole-document parse.
 *
 * <p>Thread-safe: the flexmark parser is built once per instance and is immutable; the caches are
 * synchronized, and what they hold is immutable or copied on the way out.
 */
public final class SpecParser {

    private static final Pattern FEATURES_SECTION = Pattern.compile(
            "^(?:(?:core|key|main|product|mvp|planned|primary|major|functional|detailed|all)\\s+)?"
                    + "features?(?:\\s+(?:list|overview|breakdown|set|specifications?|(?:&|and) requirements))?$"
                    + "|^(?:核心|主要)?(?:功能|特性)(?:列表|清单|需求|模块|说明)?$");
    /** A trailing parenthesised remark: "Features (v2)". */
    private static final Pattern REMARK = Pattern.compile("\\s*\\([^)]*\\)\\s*$");
    private static final Pattern TASK_LINE = Pattern.compile("(?m)^\\s*[-*]\\s+\\[[ xX]\\]\\s+T\\d{3,}\\b");
    private static final Pattern TECH_REQS = Pattern.compile(
            "^(?:technical|tech|non-functional)\\s+requirements?$|^技术(?:要求|需求)$");

    /**
     * Default cache size: 4,096 chunks and as many features, room for four 1,000-feature specs
     * (the 962-feature benchmark spec, 1.1 MB of text, keeps about 7 MB).
     */
    public static final int DEFAULT_CACHE_ENTRIES = 4096;
    /** At most this many characters of chunk text are cached, whatever the entry count. */
    private static final long MAX_CACHED_CHARS = 16L << 20;

    private final FlexmarkBlocks flexmark;
    /** Null when nothing is cached. */
    private final LruCache<TextRegion, MdDocument.Chunk> chunks;
    private final DraftCache draftCache;
    /** False for the whole-document reference parse (tests). */
    private final boolean chunked;

    /** A parser with caches of {@value #DEFAULT_CACHE_ENTRIES} entries. */
    public SpecParser() {
        this(DEFAULT_CACHE_ENTRIES);
    }

    /**
     * A parser caching up to {@code cacheEntries} parsed chunks of Markdown (a chunk runs from one
     * heading to the next) and as many read features.
     *
     * @param cacheEntries the size of each cache in entries; 0 caches nothing, so that every parse
     *     reads the whole text with one flexmark call
     * @throws IllegalArgumentException when {@code cacheEntries} is negative
     */
    public SpecParser(int cacheEntries) {
        this(true, cacheEntries);
    }

    /**
     * @param chunked false to parse every text with one flexmark call and no cache (the reference
     *     that tests compare chunked parses with)
     */
    SpecParser(boolean chunked, int cacheEntries) {
        if (cacheEntries < 0) {
            throw new IllegalArgumentException("expected cacheEntries >= 0, got: " + cacheEntries);
        }
        this.flexmark = new FlexmarkBlocks();
        this.chunked = chunked;
        boolean caching = chunked && cacheEntries > 0;
        this.chunks = caching ? new LruCache<>(cacheEntries, MAX_CACHED_CHARS, TextRegion::length) : null;
        this.draftCache = caching ? new DraftCache(cacheEntries) : null;
    }

    /** The chunk cache, null when this parser caches nothing (tests look at its counters). */
    LruCache<TextRegion, MdDocument.Chunk> chunkCache() {
        return chunks;
    }

    /** The feature draft cache, null when this parser caches nothing. */
    DraftCache draftCache() {
        return draftCache;
    }

    /**
     * Parses a spec. Never throws: whatever cannot be read becomes a diagnostic.
     *
     * @param text the spec's text as stored (any line endings, optional BOM)
     * @return the spec (its {@code source} is {@code text}) and the diagnostics in line order
     */
    public ParseResult parse(String text) {
        return parseDetailed(Objects.requireNonNull(text, "text")).result();
    }

    /** What the writer needs beyond the result: the source's lines and each feature's layout. */
    record Parsed(ParseResult result, SourceText source, List<FeatureDraft> drafts, Placement placement) {
    }

    /**
     * Where a new feature goes and how it is written.
     *
     * @param afterLine 0-based line after which a new feature is inserted; -1 when the spec has no
     *     features section (one is appended)
     * @param headingLevel the level of feature headings
     * @param headingStyle "Feature N: ", "Feature: ", "N. " or "" (plain name)
     * @param nextNumber the number a new numbered feature gets
     * @param separators true when features are separated by {@code ---} lines
     */
    record Placement(int afterLine, int headingLevel, String headingStyle, int nextNumber, boolean separators) {
    }

    Parsed parseDetailed(String text) {
        try {
            return new Run(text).run();
        } catch (RuntimeException | StackOverflowError e) {
            // Defensive: a bug must not make a push fail without a message. Tests assert it never happens.
            SourceText st = new SourceText(text);
            Spec spec = new Spec("", SpecFormat.MARKDOWN, "", List.of(), List.of(), text);
            return new Parsed(new ParseResult(spec, List.of(Diagnostic.error(1, "internal-error",
                    "the parser failed on this spec: " + e))), st, List.of(),
                    new Placement(-1, 3, "Feature: ", 1, false));
        }
    }

    /** One parse: the state shared by the steps below. */
    private final class Run {
        final SourceText st;
        final MdDocument doc;
        final List<Diagnostic> diags = new ArrayList<>();
        final List<MdBlock> headings = new ArrayList<>();
        final boolean[] codeLine;
        final List<FeatureDraft> drafts = new ArrayList<>();
        MdBlock titleHeading;
        int sectionLevel = 2;
        FeatureFinder finder;
        SpecFormat format;

        Run(String text) {
            st = new SourceText(text);
            if (!chunked || chunks == null) {
                doc = MdDocument.whole(st, flexmark); // nothing to reuse, nothing to keep
            } else if (chunks.size() == 0) {
                doc = MdDocument.split(st, flexmark, chunks); // a first parse: a few large pieces fill the cache
            } else {
                doc = MdDocument.chunked(st, flexmark, chunks);
            }
            codeLine = new boolean[st.lineCount() + 1];
        }

        Parsed run() {
            scan(doc);
            format = detect();
            String title = "";
            if (format != SpecFormat.TASKMASTER && !headings.isEmpty() && headings.get(0).level == 1) {
                titleHeading = headings.get(0);
                title = clean(titleHeading.text);
            }
            int min = Integer.MAX_VALUE;
            for (MdBlock h : headings) {
                if (h != titleHeading) {
                    min = Math.min(min, h.level);
                }
            }
            sectionLevel = min == Integer.MAX_VALUE ? 2 : min;
            finder = new FeatureFinder(st, doc, format, headings, titleHeading, sectionLevel, drafts, diags,
                    codeLine, draftCache);
            Placement placement = finder.find();
            SpecLinker linker = new SpecLinker(st, doc, format, drafts, codeLine, diags);
            linker.link();
            List<Feature> features = linker.features();
            if (features.isEmpty()) {
                diags.add(Diagnostic.error(1, "no-features", "no features found: expected feature headings under a"
                        + " '## Features' section, for example '### Feature: User Login'"));
            }
            if (format == SpecFormat.MARKDOWN) {
                diags.add(Diagnostic.info(1, "format-guessed", "no known spec format recognised; features were"
                        + " read from headings as a best effort (" + features.size() + " found)"));
            }
            diags.sort(Comparator.comparingInt(Diagnostic::line));
            Spec spec = new Spec(title, format, overview(), features, technicalRequirements(), st.source());
            return new Parsed(new ParseResult(spec, diags), st, List.copyOf(drafts), placement);
        }

        // ------------------------------------------------------------ structure

        private void scan(MdDocument document) {
            for (MdBlock h = document.first(); h != null; h = h.next()) {
                if (h.is(MdBlock.Kind.HEADING)) {
                    if (h.blank) {
                        diags.add(Diagnostic.warning(st.startLine(h) + 1, "empty-heading",
                                "a line holding only '" + st.line(st.startLine(h)).trim()
                                        + "' is an empty heading; ignored"));
                    } else {
                        headings.add(h);
                    }
                }
            }
            document.forEachCode((b, start, end, from, to) -> {
                int last = Math.min(to, st.lineCount() - 1);
                for (int i = from; i <= last; i++) {
                    codeLine[i] = true;
                }
                if (b.is(MdBlock.Kind.FENCED_CODE) && !b.closed) {
                    diags.add(Diagnostic.warning(from + 1, "unclosed-fence", "code fence '" + b.marker
                            + "' is never closed: everything after it, to the end of the file, is code"));
                }
            });
        }

        private SpecFormat detect() {
            String text = st.text();
            if (TextScan.hasTagLine(st.source()) && text.contains("#")) {
                return SpecFormat.TASKMASTER;
            }
            boolean phase = false;
            boolean story = false;
            boolean kiro = false;
            boolean openspec = false;
            boolean buildrunner = false;
            for (MdBlock h : headings) {
                String t = clean(h.text);
                char c = t.isEmpty() ? ' ' : Character.toLowerCase(t.charAt(0));
                phase |= c == 'p' && FeatureFinder.PHASE.matcher(t).matches();
                story |= c == 'u' && FeatureFinder.USER_STORY.matcher(t).matches();
                kiro |= c == 'r' && FeatureFinder.KIRO_REQ.matcher(t).matches();
                openspec |= c == 'r' && FeatureFinder.OPENSPEC_REQ.matcher(t).matches();
                buildrunner = buildrunner || isFeaturesSection(t)
                        || FeatureFinder.FEATURE_PREFIX.matcher(Labels.stripLeadingSymbols(t)).find();
            }
            if (phase && TASK_LINE.matcher(text).find()) {
                return SpecFormat.SPEC_KIT_TASKS;
            }
            if (story) {
                return SpecFormat.SPEC_KIT;
            }
            if (kiro) {
                return SpecFormat.KIRO;
            }
            if (openspec) {
                return SpecFormat.OPENSPEC;
            }
            if (buildrunner || headings.isEmpty() && !hasKiroTasks()) {
                return SpecFormat.BUILDRUNNER;
            }
            if (hasKiroTasks()) {
                return SpecFormat.KIRO_TASKS;
            }
            return SpecFormat.MARKDOWN;
        }

        private boolean hasKiroTasks() {
            for (MdBlock n = doc.first(); n != null; n = n.next()) {
                if (n.is(MdBlock.Kind.LIST)) {
                    for (MdBlock item = n.firstChild(); item != null; item = item.next()) {
                        if (item.task) {
                            BodyReader.Head head = BodyReader.head(st, item);
                            if (head.number() >= 0 || head.para() != null
                                    && FeatureFinder.KIRO_TASK.matcher(st.chars(head.para()).trim()).matches()) {
                                return true;
                            }
                        }
                    }
                }
            }
            return false;
        }

        // ------------------------------------------------------------ overview, technical requirements

        private String overview() {
            for (MdBlock h : headings) {
                if (h != titleHeading && h.level == sectionLevel
                        && FeatureFinder.OVERVIEW.matcher(Labels.normalize(clean(h.text))).matches()) {
                    MdBlock end = finder.stopAfter(h, sectionLevel);
                    int last = finder.lastContentLine(st.startLine(h), end == null ? st.lineCount() - 1
                            : st.startLine(end) - 1);
                    if (last <= st.endLine(h)) {
                        return "";
                    }
                    int first = st.endLine(h) + 1;
                    FeatureDraft scratch = new FeatureDraft();
                    return new BodyReader(st, scratch, BodyReader.Mode.BUILDRUNNER, diags)
                            .spanText(new Span(first, 0, last, st.line(last).length()));
                }
            }
            return "";
        }

        private List<String> technicalRequirements() {
            List<String> out = new ArrayList<>();
            for (MdBlock h : headings) {
                if (h != titleHeading && h.level == sectionLevel
                        && TECH_REQS.matcher(Labels.normalize(clean(h.text))).matches()) {
                    MdBlock end = finder.stopAfter(h, sectionLevel);
                    for (MdBlock n = h.next(); n != end; n = n.next()) {
                        if (n.is(MdBlock.Kind.LIST)) {
                            items(n, out);
                        }
                    }
                    break;
                }
            }
            return out;
        }

        private void items(MdBlock list, List<String> out) {
            for (MdBlock c = list.firstChild(); c != null; c = c.next()) {
                for (MdBlock x = c.firstChild(); x != null; x = x.next()) {
                    if (x.is(MdBlock.Kind.PARAGRAPH) && x == c.firstChild()) {
                        String t = TextScan.squash(st.chars(x));
                        t = t.substring(TextScan.leadingMarks(t));
                        if (!t.isEmpty()) {
                            out.add(t);
                        }
                    } else if (x.is(MdBlock.Kind.LIST)) {
                        items(x, out);
                    }
                }
            }
        }
    }

    /** A heading or label text without emphasis markers and surrounding space. */
    static String clean(String s) {
        return TextScan.squash(TextScan.stripEmphasis(s));
    }

    static boolean isFeatureHeading(String text) {
        return FeatureFinder.FEATURE_PREFIX.matcher(Labels.stripLeadingSymbols(text)).find();
    }

    static boolean isFeaturesSection(String text) {
        String n = REMARK.matcher(Labels.normalize(text)).replaceAll("").trim();
        return FEATURES_SECTION.matcher(n).matches();
    }
}
