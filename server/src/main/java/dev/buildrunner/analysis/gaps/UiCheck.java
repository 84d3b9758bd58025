package dev.buildrunner.analysis.gaps;

import dev.buildrunner.analysis.Finding;
import dev.buildrunner.analysis.Level;
import dev.buildrunner.analysis.gaps.scan.PathPattern;
import dev.buildrunner.analysis.gaps.scan.Route;
import dev.buildrunner.analysis.gaps.scan.UiCall;
import dev.buildrunner.spec.Endpoint;
import dev.buildrunner.spec.Feature;
import dev.buildrunner.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * UI disconnects (seed 002: "Identifies UI disconnects (API exists but no UI)"; issue 5): a
 * frontend call that no declared route serves ({@code gaps/ui-call-without-route}, WARNING;
 * reported only when the code declares routes at all, so a frontend whose backend lives
 * elsewhere is not flagged call by call, and not for static files such as {@code /config.json}),
 * and a declared route that no frontend code calls ({@code gaps/route-without-ui-call}; only
 * when the repository has frontend code; WARNING when the route implements an endpoint of the
 * spec, NOTE for the others, such as health checks and webhooks).
 */
final class UiCheck {
    private static final Pattern ASSET = Pattern.compile(".*\\.[A-Za-z0-9]{1,5}$");

    private final Spec spec;
    private final String specPath;
    private final FixPrompts prompts;

    UiCheck(Spec spec, String specPath, FixPrompts prompts) {
        this.spec = spec;
        this.specPath = specPath;
        this.prompts = prompts;
    }

    /** The disconnects; adds their findings to {@code findings}. */
    List<Gap> check(List<Route> routes, List<UiCall> calls, boolean hasFrontend, List<Finding> findings) {
        List<Gap> gaps = new ArrayList<>();
        if (!routes.isEmpty()) {
            for (UiCall c : calls) {
                List<String> segs = c.pattern().segments();
                if (routes.stream().anyMatch(r -> serves(r, c))
                        || !segs.isEmpty() && ASSET.matcher(segs.get(segs.size() - 1)).matches()) {
                    continue;
                }
                String message = "The UI calls " + c.signature() + ", but no route in the code declares it.";
                String prompt = prompts.render(PromptValues.of(null, specPath, GapRules.UI_CALL_WITHOUT_ROUTE,
                        "UI call without a route: " + c.signature(),
                        "A route for `" + c.signature() + "`, which `" + c.file() + "` calls at line " + c.line()
                                + "; or, when the call's URL is wrong, a fix of the call.",
                        "Beside the code's other routes, for example in `" + routes.get(0).file() + "`."));
                gaps.add(add(GapRules.UI_CALL_WITHOUT_ROUTE, Level.WARNING, c.signature(), c.file(), c.line(), null,
                        message, prompt, findings));
            }
        }
        if (hasFrontend) {
            for (Route r : routes) {
                if (calls.stream().anyMatch(c -> serves(r, c))) {
                    continue;
                }
                Feature owner = owner(r).orElse(null);
                String message = "The route " + r.signature() + " is declared, but no UI code calls it"
                        + (owner == null ? "." : "; it implements an endpoint of feature \"" + owner.name() + "\".");
                String prompt = prompts.render(PromptValues.of(owner, specPath, GapRules.ROUTE_WITHOUT_UI_CALL,
                        "route without a UI call: " + r.signature(),
                        "UI code that calls `" + r.signature() + "` (declared in `" + r.file() + "` at line " + r.line()
                                + "), so that users reach it; or the route's removal when no UI needs it.",
                        "In the frontend code, beside its other API calls" + (calls.isEmpty() ? "."
                                : ", for example in `" + calls.get(0).file() + "`.")));
                gaps.add(add(GapRules.ROUTE_WITHOUT_UI_CALL, owner == null ? Level.NOTE : Level.WARNING, r.signature(),
                        r.file(), r.line(), owner, message, prompt, findings));
            }
        }
        return gaps;
    }

    private static boolean serves(Route r, UiCall c) {
        return PathPattern.methodMatches(r.method(), c.method()) && r.pattern().servesCall(c.pattern());
    }

    /** The first feature (spec order) with an endpoint this route implements. */
    private Optional<Feature> owner(Route r) {
        for (Feature f : spec.features()) {
            for (Endpoint e : f.endpoints()) {
                Optional<PathPattern> p = PathPattern.parse(e.path());
                if (p.isPresent() && PathPattern.methodMatches(r.method(), e.method())
                        && r.pattern().implementsEndpoint(p.get())) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }

    private static Gap add(String rule, Level level, String target, String path, int line, Feature owner,
            String message, String prompt, List<Finding> findings) {
        String featureId = owner == null ? "" : owner.id();
        findings.add(new Finding(rule, level, message, path, line, featureId, FeatureCheck.properties(target, prompt)));
        return new Gap(rule, target, path, line, featureId, prompt);
    }
}
