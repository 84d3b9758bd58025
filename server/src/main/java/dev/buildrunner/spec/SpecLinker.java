package dev.buildrunner.spec;

import dev.buildrunner.spec.FeatureDraft.Item;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The second pass over a spec's features: ids made unique, endpoints (collected while reading
 * each feature) tied to templates, spec-kit functional requirements and Task Master API endpoints attached to features,
 * dependencies resolved to ids. Reports what it cannot resolve. Every step is linear in the number
 * of features (hash lookups, no loop over features inside a loop over features).
 */
final class SpecLinker {

    private final SourceText st;
    private final MdDocument doc;
    private final SpecFormat format;
    private final List<FeatureDraft> drafts;
    private final boolean[] codeLine;
    private final List<Diagnostic> diags;
    private final List<Feature> features = new ArrayList<>();

    SpecLinker(SourceText st, MdDocument doc, SpecFormat format, List<FeatureDraft> drafts, boolean[] codeLine,
            List<Diagnostic> diags) {
        this.st = st;
        this.doc = doc;
        this.format = format;
        this.drafts = drafts;
        this.codeLine = codeLine;
        this.diags = diags;
    }

    List<Feature> features() {
        return features;
    }

    void link() {
        EndpointTemplates templates = new EndpointTemplates();
        for (FeatureDraft d : drafts) {
            for (Endpoint e : d.endpoints) {
                templates.add(e);
            }
        }
        TaskMasterLinks taskMaster = format == SpecFormat.TASKMASTER ? new TaskMasterLinks(st, doc, drafts, codeLine)
                : null;
        if (format == SpecFormat.SPEC_KIT) {
            new SpecKitRequirements(st, doc, format, drafts).attach(templates);
        }
        if (taskMaster != null) {
            taskMaster.attachApiEndpoints(templates);
        }
        for (FeatureDraft d : drafts) {
            templates.canonicalise(d.endpoints);
        }
        assignIds();
        DependencyResolver resolver = new DependencyResolver(drafts);
        resolveDependencies(resolver);
        if (taskMaster != null) {
            taskMaster.dependencyChain(resolver, features, diags);
        }
    }

    // ------------------------------------------------------------ ids

    private void assignIds() {
        Set<String> used = new HashSet<>();
        // where to look for the next free "-k" of an id: used ids are never freed, so it only grows
        Map<String, Integer> nextSuffix = new HashMap<>();
        int n = 0;
        for (FeatureDraft d : drafts) {
            n++;
            String id = d.id.isEmpty() ? TextScan.slug(d.name) : d.id;
            if (id.isEmpty()) {
                id = "feature-" + n;
            }
            if (used.contains(id)) {
                int k = nextSuffix.getOrDefault(id, 2);
                while (used.contains(id + "-" + k)) {
                    k++;
                }
                nextSuffix.put(id, k + 1);
                diags.add(Diagnostic.warning(d.firstLine + 1, "duplicate-feature-id", "feature '" + d.name
                        + "' has the same id '" + id + "' as an earlier feature; renamed to '" + id + "-" + k + "'"));
                id = id + "-" + k;
            }
            used.add(id);
            d.id = id;
            if (d.isEmpty()) {
                diags.add(Diagnostic.warning(d.firstLine + 1, "empty-feature", "feature '" + d.name
                        + "' has no description, requirements, files or acceptance criteria"));
            }
        }
    }

    // ------------------------------------------------------------ dependencies

    private void resolveDependencies(DependencyResolver resolver) {
        for (FeatureDraft d : drafts) {
            List<String> deps = new ArrayList<>();
            for (String raw : d.rawDependencies) {
                List<FeatureDraft> hits = resolver.resolve(raw);
                String dep;
                if (hits.size() == 1) {
                    FeatureDraft target = hits.get(0);
                    if (target == d) {
                        diags.add(Diagnostic.warning(d.firstLine + 1, "self-dependency", "feature '" + d.name
                                + "' depends on itself ('" + raw + "'); ignored"));
                        d.resolvedDependencies.add(null);
                        continue;
                    }
                    dep = target.id;
                } else if (hits.isEmpty()) {
                    diags.add(Diagnostic.warning(dependencyLine(d, raw), "unknown-dependency", "feature '" + d.name
                            + "' depends on '" + raw + "', which names no feature of this spec"));
                    dep = raw;
                } else {
                    List<String> ids = new ArrayList<>();
                    hits.forEach(h -> ids.add(h.id));
                    diags.add(Diagnostic.warning(dependencyLine(d, raw), "ambiguous-dependency", "feature '" + d.name
                            + "' depends on '" + raw + "', which could be any of " + ids + "; kept as written"));
                    dep = raw;
                }
                d.resolvedDependencies.add(dep);
                if (!deps.contains(dep)) {
                    deps.add(dep);
                }
            }
            features.add(d.toFeature(deps));
        }
    }

    private int dependencyLine(FeatureDraft d, String raw) {
        for (Item it : d.dependencyItems) {
            if (it.value().equals(raw)) {
                return it.firstLine() + 1;
            }
        }
        return d.dependencyInline != null ? d.dependencyInline.line() + 1 : d.firstLine + 1;
    }
}
