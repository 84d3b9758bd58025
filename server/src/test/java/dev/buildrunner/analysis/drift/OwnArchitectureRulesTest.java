package dev.buildrunner.analysis.drift;

import static dev.buildrunner.analysis.drift.DriftFixtures.compact;
import static org.assertj.core.api.Assertions.assertThat;

import dev.buildrunner.analysis.SourceFile;
import dev.buildrunner.analysis.SourceTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * BuildRunner's own {@code .buildrunner/architecture-rules.yaml} (the source-level mirror of
 * ArchitectureTest) on BuildRunner's own sources, read from disk: it parses, BuildRunner keeps it,
 * and each layer rule catches a file that breaks it.
 */
class OwnArchitectureRulesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String MAIN = "server/src/main/java/dev/buildrunner/";
    private static ArchitectureRules rules;
    private static Map<String, String> sources;

    @BeforeAll
    static void readRepository() throws IOException {
        rules = RulesFile.parse(ArchitectureRules.DEFAULT_PATH,
                Files.readString(ROOT.resolve(ArchitectureRules.DEFAULT_PATH)));
        sources = new TreeMap<>();
        for (String dir : List.of("server/src/main/java", "server/src/test/java")) {
            try (Stream<Path> walk = Files.walk(ROOT.resolve(dir))) {
                for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                    sources.put(ROOT.relativize(p).toString().replace('\\', '/'), Files.readString(p));
                }
            }
        }
    }

    @Test
    void buildRunnerKeepsItsOwnRules() {
        RulesEngine.Evaluation evaluation = new RulesEngine(rules).evaluate(tree(sources), sources.keySet());

        assertThat(rules.rules()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(evaluation.filesChecked()).isGreaterThan(300);
        assertThat(evaluation.findings()).isEmpty();
    }

    @Test
    void eachLayerRuleCatchesAFileThatBreaksIt() {
        Map<String, String> broken = new TreeMap<>(sources);
        broken.put(MAIN + "spec/Leak.java", """
                package dev.buildrunner.spec;

                import dev.buildrunner.store.StateStore;
                import org.eclipse.jgit.lib.Repository;

                final class Leak {
                }
                """);
        broken.put(MAIN + "forge/status/Leak.java", """
                package dev.buildrunner.forge.status;

                final class Leak {
                    dev.buildrunner.spec.Spec spec;
                    dev.buildrunner.support.RetryPolicy retry;
                }
                """);
        broken.put(MAIN + "support/Leak.java", """
                package dev.buildrunner.support;

                import java.util.List;
                import org.slf4j.Logger;

                final class Leak {
                }
                """);
        broken.put(MAIN + "analysis/drift/leak.java", """
                package dev.buildrunner.analysis.drift;

                import dev.buildrunner.analysis.gaps.GapAnalyzer;
                import dev.buildrunner.plan.Plan;

                final class leak {
                }
                """);
        List<String> added = broken.keySet().stream().filter(p -> p.endsWith("eak.java")).toList();

        RulesEngine.Evaluation evaluation = new RulesEngine(rules).evaluate(tree(broken), added);

        assertThat(compact(evaluation.findings())).containsExactly(
                "ERROR " + MAIN + "analysis/drift/leak.java:1 drift/rules/java-files-named-as-types",
                "ERROR " + MAIN + "analysis/drift/leak.java:3 drift/rules/analysers-independent",
                "ERROR " + MAIN + "analysis/drift/leak.java:4 drift/rules/analysis-reads-only-the-spec",
                "ERROR " + MAIN + "forge/status/Leak.java:4 drift/rules/forge-depends-on-nothing-of-ours",
                "ERROR " + MAIN + "spec/Leak.java:3 drift/rules/spec-depends-on-nothing-of-ours",
                "ERROR " + MAIN + "spec/Leak.java:4 drift/rules/spec-and-plan-know-no-io",
                "ERROR " + MAIN + "support/Leak.java:4 drift/rules/support-depends-on-the-jdk-only");
    }

    /** The files as a tree, content from memory. */
    private static SourceTree tree(Map<String, String> files) {
        List<SourceFile> list = files.entrySet().stream()
                .map(e -> new SourceFile(e.getKey(), sha1(e.getValue()), e.getValue().length())).toList();
        return new SourceTree() {
            @Override
            public String revision() {
                return "WORKTREE";
            }

            @Override
            public List<SourceFile> files() {
                return list;
            }

            @Override
            public Optional<byte[]> read(String path) {
                return Optional.ofNullable(files.get(path)).map(t -> t.getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
