package dev.buildrunner.analysis;

import dev.buildrunner.spec.Diagnostic;
import dev.buildrunner.spec.Spec;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything an analyser reads for one run.
 *
 * @param spec the parsed spec at the analysed revision
 * @param specDiagnostics the parser's diagnostics for it (the drift analyser's spec validator
 *     reports them; the others ignore them)
 * @param specPath the spec's repository-relative path ({@code .buildrunner/PROJECT_SPEC.md})
 * @param tree the analysed files
 * @param base the tree of the revision before (a push's {@code before}, or HEAD for the index),
 *     when there is one: analysers that look at what changed (drift) compare against it
 * @param baseSpec the spec parsed at {@code base}, when there is one
 * @param doneFeatures ids of features whose work is done (from the plan, or the spec's
 *     {@code Status} field)
 * @param cache per-blob results from earlier runs ({@link BlobCache#disabled()} for none)
 * @param workDir the repository's work tree on disk when there is one (the CLI), empty on the
 *     server (bare repositories): where compiled classes for SpotBugs may be found
 */
public record AnalysisInput(Spec spec, List<Diagnostic> specDiagnostics, String specPath, SourceTree tree,
        Optional<SourceTree> base, Optional<Spec> baseSpec, Set<String> doneFeatures, BlobCache cache,
        Optional<Path> workDir) {
    public AnalysisInput {
        Objects.requireNonNull(spec, "spec");
        specDiagnostics = List.copyOf(specDiagnostics);
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(specPath, "specPath");
        Objects.requireNonNull(tree, "tree");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(baseSpec, "baseSpec");
        doneFeatures = Set.copyOf(doneFeatures);
        Objects.requireNonNull(cache, "cache");
    }

    /** What changed between {@link #base()} and {@link #tree()}; every file counts as added without a base. */
    public ChangedFiles changes() {
        return base.map(b -> ChangedFiles.between(b, tree))
                .orElseGet(() -> new ChangedFiles(tree.files().stream().map(SourceFile::path).toList(),
                        List.of(), List.of()));
    }
}
