package dev.buildrunner.analysis.quality;

import dev.buildrunner.analysis.AnalysisInput;
import dev.buildrunner.analysis.BlobCache;
import dev.buildrunner.analysis.Finding;
import dev.buildrunner.analysis.SourceTree;
import dev.buildrunner.spec.ParseResult;
import dev.buildrunner.spec.SpecParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Builds analyser inputs for a tree, as the CLI does, and prints findings compactly for assertions. */
final class QualityRuns {
    private QualityRuns() {
    }

    static AnalysisInput input(SourceTree tree, BlobCache cache, Optional<Path> workDir) {
        String spec = tree.readText(".buildrunner/PROJECT_SPEC.md").orElse("# PROJECT_SPEC: empty\n");
        ParseResult parsed = new SpecParser().parse(spec);
        return new AnalysisInput(parsed.spec(), parsed.diagnostics(), ".buildrunner/PROJECT_SPEC.md", tree,
                Optional.empty(), Optional.empty(), Set.of(), cache, workDir);
    }

    /** {@code path:line rule severity}, in report order. */
    static List<String> compact(List<Finding> findings) {
        return findings.stream().map(f -> f.path() + ":" + f.line() + " " + f.ruleId() + " "
                + f.properties().get("severity")).toList();
    }
}
