package dev.buildrunner.analysis.drift;

import dev.buildrunner.analysis.AnalysisInput;
import dev.buildrunner.analysis.ChangedFiles;
import dev.buildrunner.analysis.Finding;
import dev.buildrunner.analysis.Level;
import dev.buildrunner.analysis.SourceTree;
import dev.buildrunner.spec.Endpoint;
import dev.buildrunner.spec.Feature;
import dev.buildrunner.spec.Spec;
import dev.buildrunner.spec.SpecDiff;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares what a change did to the code with what the spec says (seed 002 "Diff analyzer",
 * issue 5), for a change with a base ({@link AnalysisInput#base()}); without one there is no
 * change to compare and nothing is reported. Four checks, levels and reasons in {@link DriftRules}:
 * <ol>
 *   <li>code added, modified or deleted in a file no feature names ({@link FeatureFiles}); tests
 *       and non-code files do not count ({@link CodeFiles});</li>
 *   <li>a file a feature still names deleted (for a directory or glob entry: nothing left under
 *       it), located on the spec line that names it;</li>
 *   <li>routes in added or modified code ({@link EndpointScan}) that the base's versions of the
 *       changed and deleted files did not declare and no feature defines: same method (or
 *       {@code ANY}) and the same {@link RoutePaths normalised} path, or a spec path ending with
 *       the route's when the route has a literal segment (its prefix may be set in another file);</li>
 *   <li>a feature marked done whose requirements, acceptance criteria, endpoints, files or
 *       dependencies changed in the spec ({@link SpecDiff}) while none of its files changed (a
 *       feature naming no files: while no code changed at all).</li>
 * </ol>
 * Reads only the changed files. Immutable.
 */
final class DiffAnalyser {
    private static final Set<String> MEANINGFUL = Set.of("requirements", "acceptanceCriteria", "endpoints", "files",
            "dependencies");

    private final EndpointScan endpoints;

    DiffAnalyser(EndpointScan endpoints) {
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
    }

    /** The diff findings; none without a base. */
    List<Finding> analyse(AnalysisInput input) {
        if (input.base().isEmpty()) {
            return List.of();
        }
        SourceTree base = input.base().get();
        ChangedFiles changes = input.changes();
        Spec spec = input.spec();
        FeatureFiles now = new FeatureFiles(spec);
        FeatureFiles before = input.baseSpec().map(FeatureFiles::new).orElseGet(() -> FeatureFiles.none(spec));
        SpecLines lines = new SpecLines(spec);
        List<Finding> out = new ArrayList<>();
        undocumentedChanges(changes, now, before, out);
        removedFiles(changes, input.tree(), spec, lines, input.specPath(), out);
        newEndpoints(changes, input.tree(), base, spec, out);
        input.baseSpec().ifPresent(old -> doneSpecOnly(old, spec, input.doneFeatures(), changes, lines,
                input.specPath(), out));
        return out;
    }

    private static void undocumentedChanges(ChangedFiles changes, FeatureFiles now, FeatureFiles before,
            List<Finding> out) {
        for (String p : changes.added()) {
            if (CodeFiles.isProductionCode(p) && !now.named(p)) {
                out.add(undocumented(p, "added"));
            }
        }
        for (String p : changes.modified()) {
            if (CodeFiles.isProductionCode(p) && !now.named(p)) {
                out.add(undocumented(p, "changed"));
            }
        }
        for (String p : changes.deleted()) {
            if (CodeFiles.isProductionCode(p) && !now.named(p) && !before.named(p)) {
                out.add(undocumented(p, "deleted"));
            }
        }
    }

    private static Finding undocumented(String path, String how) {
        return Finding.of(DriftRules.UNDOCUMENTED_CHANGE, Level.WARNING, how + " code that no feature of the spec names"
                + " (neither the file nor a directory of it); list it under the Files of the feature it belongs to",
                path, 0);
    }

    private static void removedFiles(ChangedFiles changes, SourceTree tree, Spec spec, SpecLines lines, String specPath,
            List<Finding> out) {
        Set<String> reported = new HashSet<>();
        for (String deleted : changes.deleted()) {
            for (Feature f : spec.features()) {
                for (String entry : f.files()) {
                    if (!FeatureFiles.entryNames(entry, deleted) || !reported.add(f.id() + '\0' + entry)) {
                        continue;
                    }
                    boolean exact = FeatureFiles.normalise(entry).equals(deleted);
                    if (!exact && tree.files().stream().anyMatch(x -> FeatureFiles.entryNames(entry, x.path()))) {
                        reported.remove(f.id() + '\0' + entry);
                        continue;
                    }
                    out.add(new Finding(DriftRules.FEATURE_FILE_REMOVED, Level.ERROR, "feature '" + f.id() + "' names "
                            + entry + (exact ? "" : " (nothing is left under it)") + ", which this change deletes ("
                            + deleted + "); restore it, or update the feature's Files", specPath, lines.find(f, entry),
                            f.id(), Map.of("file", deleted)));
                }
            }
        }
    }

    private void newEndpoints(ChangedFiles changes, SourceTree tree, SourceTree base, Spec spec, List<Finding> out) {
        Set<String> scanned = new TreeSet<>();
        for (String p : changes.touched()) {
            if (CodeFiles.isProductionCode(p)) {
                scanned.add(p);
            }
        }
        if (scanned.isEmpty()) {
            return;
        }
        Set<String> declaredBefore = new HashSet<>();
        Set<String> beforeFiles = new LinkedHashSet<>(changes.modified());
        beforeFiles.addAll(changes.deleted());
        for (String p : beforeFiles) {
            if (CodeFiles.isProductionCode(p) && base.exists(p)) {
                for (CodeEndpoint e : endpoints.routes(p, base.readText(p).orElse(""))) {
                    declaredBefore.add(key(e.method(), e.path()));
                }
            }
        }
        List<Endpoint> specEndpoints = new ArrayList<>();
        spec.features().forEach(f -> specEndpoints.addAll(f.endpoints()));
        for (String p : scanned) {
            for (CodeEndpoint e : endpoints.routes(p, tree.readText(p).orElse(""))) {
                if (declaredBefore.contains(key(e.method(), e.path())) || documented(e, specEndpoints)) {
                    continue;
                }
                out.add(new Finding(DriftRules.UNDOCUMENTED_ENDPOINT, Level.WARNING, "route " + e + " is new in this change"
                        + " and no feature of the spec defines it; add it to the feature it belongs to", p, e.line(), "",
                        Map.of("endpoint", e.toString())));
            }
        }
    }

    private static String key(String method, String path) {
        return method + " " + RoutePaths.normalise(path);
    }

    private static boolean documented(CodeEndpoint e, List<Endpoint> specEndpoints) {
        String route = RoutePaths.normalise(e.path());
        boolean suffixOk = RoutePaths.hasLiteralSegment(route);
        for (Endpoint s : specEndpoints) {
            if (!e.method().equals("ANY") && !s.method().equals(e.method())) {
                continue;
            }
            String p = RoutePaths.normalise(s.path());
            if (p.equals(route) || (suffixOk && p.endsWith(route))) {
                return true;
            }
        }
        return false;
    }

    private static void doneSpecOnly(Spec old, Spec spec, Set<String> done, ChangedFiles changes, SpecLines lines,
            String specPath, List<Finding> out) {
        List<String> changedCode = new ArrayList<>();
        for (String p : changes.touched()) {
            if (CodeFiles.isCode(p)) {
                changedCode.add(p);
            }
        }
        for (String p : changes.deleted()) {
            if (CodeFiles.isCode(p)) {
                changedCode.add(p);
            }
        }
        for (SpecDiff.Modification m : SpecDiff.between(old, spec).modified()) {
            List<String> fields = m.fields().stream().filter(MEANINGFUL::contains).toList();
            if (!done.contains(m.id()) || fields.isEmpty()) {
                continue;
            }
            Feature f = spec.feature(m.id()).orElseThrow();
            Feature was = old.feature(m.id()).orElseThrow();
            boolean namesFiles = !f.files().isEmpty() || !was.files().isEmpty();
            boolean codeChanged = namesFiles
                    ? changedCode.stream().anyMatch(p -> FeatureFiles.namedBy(f, p) || FeatureFiles.namedBy(was, p))
                    : !changedCode.isEmpty();
            if (!codeChanged) {
                out.add(new Finding(DriftRules.DONE_FEATURE_SPEC_ONLY, Level.WARNING, "feature '" + f.id() + "' is done,"
                        + " but this change edits its " + String.join(", ", fields) + " in the spec and "
                        + (namesFiles ? "none of its files" : "no code") + ": change the code too, or reopen the feature",
                        specPath, f.lines().first(), f.id(), Map.of()));
            }
        }
    }
}
