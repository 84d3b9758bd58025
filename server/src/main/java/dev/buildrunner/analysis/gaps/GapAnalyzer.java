package dev.buildrunner.analysis.gaps;

import dev.buildrunner.analysis.AnalysisInput;
import dev.buildrunner.analysis.Analyser;
import dev.buildrunner.analysis.Finding;
import dev.buildrunner.analysis.Level;
import dev.buildrunner.analysis.gaps.scan.RouteResolver;
import dev.buildrunner.spec.Feature;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The gap analyser, {@code br gaps} and the {@code buildrunner/gaps} status (seed 002, "Gap
 * Analyzer and Completion Assurance"; issue 5, "Gap analysis"): the spec against the code.
 * <ul>
 *   <li>Files: every file a feature names that the analysed tree lacks
 *       ({@code gaps/missing-file}, ERROR), and paths outside the repository
 *       ({@code gaps/unsafe-path}, ERROR, never read).</li>
 *   <li>Endpoints: every {@code METHOD /path} a feature defines without a declared route
 *       ({@code gaps/missing-endpoint}, ERROR). Routes come from Spring, JAX-RS, Javalin, FastAPI,
 *       Flask, Express/Koa/Fastify and Next.js code ({@code scan} package).</li>
 *   <li>UI disconnects: {@link UiCheck}.</li>
 * </ul>
 * Findings about the spec are located on the spec line naming the file or endpoint, with the
 * feature's id and a fix prompt ({@link FixPrompts}). The gate passes when no finding is an
 * ERROR. One pass over the tree's code files, each scan cached by blob id ({@link CodeIndex}).
 * Stateless and thread-safe.
 */
public final class GapAnalyzer implements Analyser<GapReport> {
    /** This analyser's name and status context suffix. */
    public static final String NAME = "gaps";

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Analyses one revision.
     *
     * @throws dev.buildrunner.analysis.AnalysisConfigException when the tree's own fix prompt
     *     template ({@value FixPrompts#OVERRIDE}) has an unknown placeholder
     * @throws java.io.UncheckedIOException when the tree or the cache cannot be read or written
     */
    @Override
    public GapReport analyze(AnalysisInput input) {
        FixPrompts prompts = FixPrompts.load(input.tree());
        TreeIndex index = new TreeIndex(input.tree());
        CodeIndex.Scanned scanned = CodeIndex.scan(input.tree(), input.cache());
        RouteResolver.Resolved code = RouteResolver.resolve(scanned.scans());
        List<Finding> findings = new ArrayList<>();
        FeatureCheck check = new FeatureCheck(input.specPath(), input.tree().revision(), index,
                new SpecLines(input.spec()), code.routes(), prompts, input.doneFeatures());
        List<FeatureGaps> features = new ArrayList<>();
        for (Feature f : input.spec().features()) {
            features.add(check.check(f, findings));
        }
        boolean hasFrontend = !code.frontendFiles().isEmpty();
        List<Gap> ui = new UiCheck(input.spec(), input.specPath(), prompts)
                .check(code.routes(), code.calls(), hasFrontend, findings);
        findings.sort(Comparator.comparing(Finding::path).thenComparingInt(Finding::line).thenComparing(Finding::ruleId)
                .thenComparing(Finding::message));
        int complete = (int) features.stream().filter(FeatureGaps::complete).count();
        int total = features.size();
        int percent = complete == total ? 100 : Math.min(99, (int) Math.round(100.0 * complete / total));
        boolean passed = findings.stream().noneMatch(f -> f.level() == Level.ERROR);
        String first = features.stream().flatMap(f -> f.gaps().stream().map(g -> f.name() + " needs " + g.target()))
                .findFirst().orElse("");
        return new GapReport(NAME, input.tree().revision(), passed, summary(complete, total, percent, findings, first),
                total, complete, percent, features, ui, code.routes(), code.calls(), hasFrontend, scanned.stats(),
                findings, GapRules.ALL);
    }

    /** The longest summary: a commit status description holds 140 characters. */
    static final int MAX_SUMMARY = 140;

    /**
     * {@code 7/9 features complete (78%); 3 missing files, 1 missing endpoint; first: Checkout needs
     * src/Checkout.java; 2 UI calls without a route}: the commit status description, so a failed
     * status names a feature and what it misses (issue 5). At most {@value #MAX_SUMMARY}
     * characters: the UI part goes first, then the end is cut.
     *
     * @param first the first gap of a feature ({@code Checkout needs src/Checkout.java}), {@code ""} for none
     */
    static String summary(int complete, int total, int percent, List<Finding> findings, String first) {
        StringBuilder sb = new StringBuilder();
        sb.append(complete).append('/').append(total).append(" features complete (").append(percent).append("%)");
        List<String> parts = new ArrayList<>();
        count(findings, GapRules.MISSING_FILE, "missing file", "missing files", parts);
        count(findings, GapRules.MISSING_ENDPOINT, "missing endpoint", "missing endpoints", parts);
        count(findings, GapRules.UNSAFE_PATH, "unsafe path", "unsafe paths", parts);
        List<String> ui = new ArrayList<>();
        count(findings, GapRules.UI_CALL_WITHOUT_ROUTE, "UI call without a route", "UI calls without a route", ui);
        count(findings, GapRules.ROUTE_WITHOUT_UI_CALL, "route without a UI call", "routes without a UI call", ui);
        if (parts.isEmpty() && ui.isEmpty()) {
            return sb.append("; no gaps").toString();
        }
        if (!parts.isEmpty()) {
            sb.append("; ").append(String.join(", ", parts));
            if (!first.isEmpty()) {
                sb.append("; first: ").append(first);
            }
        }
        String withUi = ui.isEmpty() ? sb.toString() : sb + "; " + String.join(", ", ui);
        String s = withUi.length() <= MAX_SUMMARY ? withUi : sb.toString();
        return s.length() <= MAX_SUMMARY ? s : s.substring(0, MAX_SUMMARY - 1) + "…";
    }

    private static void count(List<Finding> findings, String rule, String one, String many, List<String> out) {
        long n = findings.stream().filter(f -> f.ruleId().equals(rule)).count();
        if (n > 0) {
            out.add(n + " " + (n == 1 ? one : many));
        }
    }
}
