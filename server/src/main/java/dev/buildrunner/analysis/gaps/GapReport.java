package dev.buildrunner.analysis.gaps;

import dev.buildrunner.analysis.AnalysisResult;
import dev.buildrunner.analysis.Finding;
import dev.buildrunner.analysis.RuleDescriptor;
import dev.buildrunner.analysis.gaps.scan.Route;
import dev.buildrunner.analysis.gaps.scan.UiCall;
import java.util.List;

/**
 * The gap analyser's report (seed 002, "Gap Analyzer and Completion Assurance"; issue 5): per
 * feature what is missing, the completeness percentage, the routes and UI calls found, every
 * gap's fix prompt, and the findings. Its JSON is {@code br gaps --json}.
 *
 * @param analyser always {@code gaps}
 * @param revision the analysed revision
 * @param passed true when no finding is an ERROR (no missing file or endpoint, no unsafe path)
 * @param summary e.g. {@code 7/9 features complete (78%); 3 missing files, 1 missing endpoint}
 * @param featureCount features in the spec
 * @param completeFeatures features with nothing missing
 * @param completeness completeFeatures / featureCount in percent, rounded, 100 only when all are
 *     complete (and for a spec without features); seed 002: "Tracks progress to 100% completion"
 * @param features per feature, in spec order
 * @param uiDisconnects UI calls without a route and routes without a UI call
 * @param routes every route the code declares
 * @param uiCalls every HTTP call of the frontend code
 * @param hasFrontend true when the repository has frontend code (routes without a UI call are
 *     reported only then)
 * @param scan how many files were read and how many came from the cache
 * @param findings every finding, sorted by path, line, rule
 * @param rules the rules of this analyser
 */
public record GapReport(String analyser, String revision, boolean passed, String summary, int featureCount,
        int completeFeatures, int completeness, List<FeatureGaps> features, List<Gap> uiDisconnects,
        List<Route> routes, List<UiCall> uiCalls, boolean hasFrontend, ScanStats scan, List<Finding> findings,
        List<RuleDescriptor> rules) implements AnalysisResult {
    public GapReport {
        features = List.copyOf(features);
        uiDisconnects = List.copyOf(uiDisconnects);
        routes = List.copyOf(routes);
        uiCalls = List.copyOf(uiCalls);
        findings = List.copyOf(findings);
        rules = List.copyOf(rules);
    }
}
