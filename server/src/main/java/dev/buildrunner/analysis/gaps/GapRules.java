package dev.buildrunner.analysis.gaps;

import dev.buildrunner.analysis.RuleDescriptor;
import java.util.List;

/** The gap analyser's rules (issue 5, "Gap analysis"), as findings name them and SARIF lists them. */
final class GapRules {
    static final String MISSING_FILE = "gaps/missing-file";
    static final String UNSAFE_PATH = "gaps/unsafe-path";
    static final String MISSING_ENDPOINT = "gaps/missing-endpoint";
    static final String UI_CALL_WITHOUT_ROUTE = "gaps/ui-call-without-route";
    static final String ROUTE_WITHOUT_UI_CALL = "gaps/route-without-ui-call";

    static final List<RuleDescriptor> ALL = List.of(
            new RuleDescriptor(MISSING_FILE, "A file or directory a feature of the spec names does not exist.", ""),
            new RuleDescriptor(UNSAFE_PATH,
                    "A path a feature names is absolute or leaves the repository ('..'); it is not checked.", ""),
            new RuleDescriptor(MISSING_ENDPOINT, "An endpoint a feature of the spec defines has no route in the code.", ""),
            new RuleDescriptor(UI_CALL_WITHOUT_ROUTE, "Frontend code calls an HTTP path that no route declares.", ""),
            new RuleDescriptor(ROUTE_WITHOUT_UI_CALL, "A declared route that no frontend code calls.", ""));

    private GapRules() {
    }
}
