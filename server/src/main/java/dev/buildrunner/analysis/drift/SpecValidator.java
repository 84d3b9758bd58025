package dev.buildrunner.analysis.drift;

import dev.buildrunner.analysis.Finding;
import dev.buildrunner.analysis.Level;
import dev.buildrunner.spec.Diagnostic;
import dev.buildrunner.spec.Endpoint;
import dev.buildrunner.spec.Feature;
import dev.buildrunner.spec.Severity;
import dev.buildrunner.spec.Spec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The spec's own consistency (seed 002 "Spec validator", issue 5): every dependency names a
 * feature, no dependency cycles, every feature has acceptance criteria, no file claimed by two
 * features, no endpoint (method and {@link RoutePaths normalised} path) defined by two, plus the
 * parser's ERROR and WARNING diagnostics that these checks do not already cover. Levels and their
 * reasons: {@link DriftRules}. Every finding is on the spec file, at the line that says it (the
 * dependency, the file, the endpoint) or at the feature's first line. Pure.
 */
final class SpecValidator {
    /** Parser diagnostics these checks report themselves. */
    private static final Set<String> COVERED = Set.of("unknown-dependency", "ambiguous-dependency", "empty-feature");

    private SpecValidator() {
    }

    /**
     * @param spec the parsed spec
     * @param diagnostics the parser's diagnostics for it
     * @param specPath the spec's repository path, where the findings are located
     * @return the findings, in spec order per check
     */
    static List<Finding> validate(Spec spec, List<Diagnostic> diagnostics, String specPath) {
        SpecLines lines = new SpecLines(spec);
        List<Finding> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        spec.features().forEach(f -> ids.add(f.id()));
        for (Feature f : spec.features()) {
            for (String dep : f.dependencies()) {
                if (!ids.contains(dep)) {
                    out.add(finding(DriftRules.UNKNOWN_DEPENDENCY, Level.ERROR, "feature '" + f.id() + "' depends on '"
                            + dep + "', which names no feature of the spec", specPath, lines.find(f, dep), f));
                }
            }
        }
        for (List<String> cycle : DependencyCycles.of(spec)) {
            Feature first = spec.feature(cycle.get(0)).orElseThrow();
            out.add(finding(DriftRules.DEPENDENCY_CYCLE, Level.ERROR, "dependency cycle: " + String.join(" -> ", cycle)
                    + " (each depends on the next); no order can build them", specPath, first.lines().first(), first));
        }
        for (Feature f : spec.features()) {
            if (f.acceptanceCriteria().isEmpty()) {
                out.add(finding(DriftRules.NO_ACCEPTANCE_CRITERIA, Level.WARNING, "feature '" + f.id()
                        + "' has no acceptance criteria: nothing says when it is done", specPath, f.lines().first(), f));
            }
        }
        duplicates(spec, lines, specPath, out);
        for (Diagnostic d : diagnostics) {
            if (d.severity() != Severity.INFO && !COVERED.contains(d.code())) {
                Feature at = featureAt(spec, d.line());
                out.add(new Finding(DriftRules.PARSER_PREFIX + d.code(), d.severity() == Severity.ERROR ? Level.ERROR
                        : Level.WARNING, d.message(), specPath, d.line(), at == null ? "" : at.id(), Map.of()));
            }
        }
        return out;
    }

    private static void duplicates(Spec spec, SpecLines lines, String specPath, List<Finding> out) {
        Map<String, Feature> fileOwner = new HashMap<>();
        Map<String, Feature> endpointOwner = new HashMap<>();
        Map<String, Endpoint> firstWritten = new HashMap<>();
        for (Feature f : spec.features()) {
            for (String file : f.files()) {
                String key = FeatureFiles.normalise(file);
                Feature owner = fileOwner.putIfAbsent(key, f);
                if (owner != null && owner != f) {
                    out.add(finding(DriftRules.DUPLICATE_FILE, Level.WARNING, "file " + key + " is claimed by feature '"
                            + f.id() + "' and by feature '" + owner.id() + "' (line " + lines.find(owner, file) + ")",
                            specPath, lines.find(f, file), f));
                }
            }
            for (Endpoint e : f.endpoints()) {
                String key = e.method() + " " + RoutePaths.normalise(e.path());
                Feature owner = endpointOwner.putIfAbsent(key, f);
                firstWritten.putIfAbsent(key, e);
                if (owner != null && owner != f) {
                    out.add(finding(DriftRules.DUPLICATE_ENDPOINT, Level.WARNING, "endpoint " + e + " is defined by feature '"
                            + f.id() + "' and by feature '" + owner.id() + "' (line "
                            + lines.find(owner, firstWritten.get(key).path()) + ")",
                            specPath, lines.find(f, e.path()), f));
                }
            }
        }
    }

    private static Feature featureAt(Spec spec, int line) {
        for (Feature f : spec.features()) {
            if (f.lines().contains(line)) {
                return f;
            }
        }
        return null;
    }

    private static Finding finding(String rule, Level level, String message, String path, int line, Feature f) {
        return new Finding(rule, level, message, path, line, f.id(), Map.of());
    }
}
