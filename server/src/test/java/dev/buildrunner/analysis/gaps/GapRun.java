package dev.buildrunner.analysis.gaps;

import dev.buildrunner.analysis.AnalysisInput;
import dev.buildrunner.analysis.BlobCache;
import dev.buildrunner.analysis.DoneFeatures;
import dev.buildrunner.analysis.Finding;
import dev.buildrunner.analysis.SourceTree;
import dev.buildrunner.spec.ParseResult;
import dev.buildrunner.spec.SpecParser;
import java.util.List;
import java.util.Optional;

/** Runs the gap analyser on a tree the way {@code br gaps} does, for tests. */
final class GapRun {
    static final String SPEC = ".buildrunner/PROJECT_SPEC.md";

    private GapRun() {
    }

    static GapReport analyze(SourceTree tree) {
        return analyze(tree, BlobCache.disabled());
    }

    static GapReport analyze(SourceTree tree, BlobCache cache) {
        ParseResult parsed = new SpecParser().parse(tree.readText(SPEC).orElseThrow());
        AnalysisInput input = new AnalysisInput(parsed.spec(), parsed.diagnostics(), SPEC, tree, Optional.empty(),
                Optional.empty(), DoneFeatures.fromSpec(parsed.spec()), cache, Optional.empty());
        return new GapAnalyzer().analyze(input);
    }

    /** A finding as a line a test can compare: {@code rule level path:line feature target}. */
    static String brief(Finding f) {
        return f.ruleId() + " " + f.level().sarif() + " " + f.path() + ":" + f.line() + " " + f.featureId() + " "
                + f.properties().get("target");
    }

    static List<String> briefs(GapReport r) {
        return r.findings().stream().map(GapRun::brief).toList();
    }
}
