package dev.buildrunner.analysis.gaps.scan;

import dev.buildrunner.analysis.gaps.code.Annotations;
import dev.buildrunner.analysis.gaps.code.Annotations.Annotation;
import dev.buildrunner.analysis.gaps.code.Annotations.Group;
import dev.buildrunner.analysis.gaps.code.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * JAX-RS resources (Jakarta and javax, Java and Kotlin): a class-level {@code @Path} gives the
 * prefix, a method with {@code @GET}, {@code @POST}, {@code @PUT}, {@code @DELETE},
 * {@code @PATCH}, {@code @HEAD} or {@code @OPTIONS} (and an optional {@code @Path}) a route.
 * The annotations must have no arguments, which keeps Retrofit's client interfaces
 * ({@code @GET("users")}) out. An {@code @ApplicationPath} becomes the repository-wide router
 * {@value #ROUTER} whose prefix all JAX-RS routes get.
 */
final class JaxRsRoutes implements Extractor {
    /** The repository-wide router of JAX-RS routes. */
    static final String ROUTER = "@jax-rs";
    private static final Set<String> VERBS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

    @Override
    public boolean accepts(Src src) {
        return src.lang() == Language.JAVA && (src.code().contains("@Path") || src.code().contains("@ApplicationPath"));
    }

    @Override
    public void scan(Src src, FileScan.Builder out) {
        List<Group> groups = Annotations.groups(src.ct());
        List<int[]> bodies = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (Group g : groups) {
            if (!g.isClass()) {
                continue;
            }
            g.get("ApplicationPath").ifPresent(a -> out.routers.add(
                    new FileScan.RouterDecl(ROUTER, SpringRoutes.paths(src, a).get(0))));
            bodies.add(g.classBody());
            prefixes.add(g.get("Path").map(a -> SpringRoutes.paths(src, a).get(0)).orElse(""));
        }
        for (Group g : groups) {
            if (g.isClass()) {
                continue;
            }
            for (Annotation a : g.annotations()) {
                if (!VERBS.contains(a.name()) || a.args() != null) {
                    continue;
                }
                String path = g.get("Path").map(p -> SpringRoutes.paths(src, p).get(0)).orElse("");
                String prefix = "";
                int best = -1;
                for (int k = 0; k < bodies.size(); k++) {
                    int[] b = bodies.get(k);
                    if (b[0] <= a.offset() && a.offset() < b[1] && (best < 0 || b[0] > bodies.get(best)[0])) {
                        best = k;
                    }
                }
                if (best >= 0) {
                    prefix = prefixes.get(best);
                }
                String full = Src.join(prefix, path);
                out.routes.add(new FileScan.RouteDecl(a.name(), full.isEmpty() ? "/" : full, ROUTER,
                        src.line(a.offset()), "jax-rs"));
            }
        }
    }
}
