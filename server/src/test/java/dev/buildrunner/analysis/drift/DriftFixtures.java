package dev.buildrunner.analysis.drift;

import dev.buildrunner.analysis.AnalysisInput;
import dev.buildrunner.analysis.BlobCache;
import dev.buildrunner.analysis.FixtureRepo;
import dev.buildrunner.analysis.Finding;
import dev.buildrunner.analysis.SourceTree;
import dev.buildrunner.spec.ParseResult;
import dev.buildrunner.spec.Spec;
import dev.buildrunner.spec.SpecParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Builds the drift analyser's input from fixture repositories, and prints findings compactly for exact assertions. */
final class DriftFixtures {
    static final String SPEC = ".buildrunner/PROJECT_SPEC.md";

    private DriftFixtures() {
    }

    /** The input for HEAD of {@code repo}, compared with {@code base} when given. */
    static AnalysisInput input(FixtureRepo repo, String base, Set<String> done) {
        SpecParser parser = new SpecParser();
        SourceTree tree = repo.tree();
        ParseResult parsed = parser.parse(tree.readText(SPEC).orElseThrow());
        Optional<SourceTree> baseTree = Optional.ofNullable(base).map(repo::tree);
        Optional<Spec> baseSpec = baseTree.flatMap(t -> t.readText(SPEC)).map(t -> parser.parse(t).spec());
        return new AnalysisInput(parsed.spec(), parsed.diagnostics(), SPEC, tree, baseTree, baseSpec, done,
                BlobCache.disabled(), Optional.empty());
    }

    /** HEAD of {@code repo} without a base. */
    static AnalysisInput input(FixtureRepo repo) {
        return input(repo, null, Set.of());
    }

    /** {@code LEVEL path:line rule} per finding, in report order. */
    static List<String> compact(List<Finding> findings) {
        return findings.stream().map(f -> f.level() + " " + f.path() + ":" + f.line() + " " + f.ruleId()).toList();
    }

    /** A test resource as UTF-8 text. */
    static String resource(String name) {
        try (InputStream in = DriftFixtures.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
