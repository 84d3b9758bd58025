package dev.buildrunner.analysis.gaps;

import dev.buildrunner.analysis.Finding;
import dev.buildrunner.analysis.Level;
import dev.buildrunner.analysis.gaps.scan.PathPattern;
import dev.buildrunner.analysis.gaps.scan.Route;
import dev.buildrunner.spec.Endpoint;
import dev.buildrunner.spec.Feature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks one feature against the code: every file it names exists ({@link SpecFiles},
 * {@link TreeIndex}), no path it names leaves the repository, every endpoint it defines has a
 * route ({@link PathPattern#implementsEndpoint}). Each gap becomes an ERROR finding located on
 * the spec line that names it, carrying the feature id and its fix prompt.
 */
final class FeatureCheck {
    private final String specPath;
    private final String revision;
    private final TreeIndex index;
    private final SpecLines lines;
    private final List<Route> routes;
    private final FixPrompts prompts;
    private final Set<String> done;

    FeatureCheck(String specPath, String revision, TreeIndex index, SpecLines lines, List<Route> routes,
            FixPrompts prompts, Set<String> done) {
        this.specPath = specPath;
        this.revision = revision;
        this.index = index;
        this.lines = lines;
        this.routes = routes;
        this.prompts = prompts;
        this.done = done;
    }

    /** The feature's gaps; adds their findings to {@code findings}. */
    FeatureGaps check(Feature f, List<Finding> findings) {
        List<Gap> gaps = new ArrayList<>();
        List<NamedFile> files = SpecFiles.of(f, lines, index);
        int present = 0;
        for (NamedFile nf : files) {
            if (!nf.unsafe().isEmpty()) {
                String message = "Feature \"" + f.name() + "\" names " + nf.path() + ", " + nf.unsafe()
                        + "; it is not checked. Name files relative to the repository root.";
                String prompt = prompts.render(PromptValues.of(f, specPath, GapRules.UNSAFE_PATH,
                        "unsafe path " + nf.path(), "A repository-relative path in place of `" + nf.path()
                                + "` in the spec, naming the file inside this repository that the feature needs.",
                        "`" + specPath + "`, line " + nf.line() + "."));
                gaps.add(gap(GapRules.UNSAFE_PATH, nf.path(), nf.line(), f, message, prompt, findings));
            } else if (index.present(nf.path(), nf.directory())) {
                present++;
            } else {
                String kind = nf.directory() ? "directory" : "file";
                String message = "Feature \"" + f.name() + "\" names the " + kind + " " + nf.path()
                        + ", which does not exist.";
                String prompt = prompts.render(PromptValues.of(f, specPath, GapRules.MISSING_FILE,
                        "missing " + kind + " " + nf.path(), whatFile(f, nf), whereFile(nf.path())));
                gaps.add(gap(GapRules.MISSING_FILE, nf.path(), nf.line(), f, message, prompt, findings));
            }
        }
        int endpointsPresent = 0;
        for (Endpoint e : f.endpoints()) {
            Optional<PathPattern> p = PathPattern.parse(e.path());
            if (p.isEmpty() || routes.stream().anyMatch(r -> PathPattern.methodMatches(r.method(), e.method())
                    && r.pattern().implementsEndpoint(p.get()))) {
                endpointsPresent++;
                continue;
            }
            int line = lines.find(f, e.method(), e.path());
            String message = "Feature \"" + f.name() + "\" defines " + e + ", but no route in the code declares it.";
            String prompt = prompts.render(PromptValues.of(f, specPath, GapRules.MISSING_ENDPOINT,
                    "missing endpoint " + e, "An HTTP route `" + e + "`, which the feature defines and no route in the "
                            + "code declares. Write its path parameters in the framework's own style.",
                    whereRoute(p.get())));
            gaps.add(gap(GapRules.MISSING_ENDPOINT, e.toString(), line, f, message, prompt, findings));
        }
        return new FeatureGaps(f.id(), f.name(), f.lines().first(), done.contains(f.id()), gaps.isEmpty(),
                files.size(), present, f.endpoints().size(), endpointsPresent, gaps);
    }

    private Gap gap(String rule, String target, int line, Feature f, String message, String prompt,
            List<Finding> findings) {
        Finding finding = new Finding(rule, Level.ERROR, message + (done.contains(f.id()) ? " The feature is marked done." : ""),
                specPath, line, f.id(), properties(target, prompt));
        findings.add(finding);
        return new Gap(rule, target, specPath, line, f.id(), prompt);
    }

    /** A finding's properties in a fixed order: the gap's target, then its fix prompt. */
    static Map<String, String> properties(String target, String prompt) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("target", target);
        p.put("fixPrompt", prompt);
        return p;
    }

    private String whatFile(Feature f, NamedFile nf) {
        String where = switch (nf.origin()) {
            case "tree" -> "in the file tree drawn in its text";
            default -> "in its file list";
        };
        return (nf.directory() ? "The directory `" + nf.path() + "` with the files it is meant to hold" : "The file `"
                + nf.path() + "`") + ", which feature \"" + f.name() + "\" names " + where + " (spec line " + nf.line()
                + ") but which does not exist at " + revision + ".";
    }

    private String whereFile(String path) {
        String p = TreeIndex.normal(path);
        p = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        int slash = p.lastIndexOf('/');
        if (slash < 0) {
            return "The repository root.";
        }
        String dir = p.substring(0, slash);
        return index.present(dir, true) ? "`" + dir + "/`, which exists." : "`" + dir + "/`, a new directory.";
    }

    /** Where a missing route fits: beside the declared route sharing most leading path segments. */
    private String whereRoute(PathPattern endpoint) {
        Route best = null;
        int bestCommon = 0;
        for (Route r : routes) {
            int common = 0;
            List<String> a = r.pattern().segments();
            List<String> b = endpoint.segments();
            while (!r.pattern().prefixUnknown() && common < a.size() && common < b.size()
                    && a.get(common).equals(b.get(common))) {
                common++;
            }
            if (common > bestCommon) {
                best = r;
                bestCommon = common;
            }
        }
        if (best != null) {
            return "Beside `" + best.signature() + "` in `" + best.file() + "` (line " + best.line()
                    + "), the declared route with the closest path.";
        }
        if (!routes.isEmpty()) {
            return "With the code's other routes, for example in `" + routes.get(0).file() + "`.";
        }
        return "In the code's HTTP layer; no route is declared yet.";
    }
}
