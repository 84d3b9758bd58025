package dev.buildrunner.cli;

import dev.buildrunner.analysis.AnalysisConfigException;
import dev.buildrunner.analysis.AnalysisInput;
import dev.buildrunner.analysis.AnalysisResult;
import dev.buildrunner.analysis.Analyser;
import dev.buildrunner.analysis.BlobCache;
import dev.buildrunner.analysis.DoneFeatures;
import dev.buildrunner.analysis.Finding;
import dev.buildrunner.analysis.GitTrees;
import dev.buildrunner.analysis.SarifWriter;
import dev.buildrunner.analysis.SourceTree;
import dev.buildrunner.spec.ParseResult;
import dev.buildrunner.support.BuildInfo;
import dev.buildrunner.store.State;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code br gaps|quality|drift [--staged | --commit REV] [--base REV | --full] [--json] [--sarif FILE]}:
 * runs one analyser on this repository and prints its report. What is analysed: the work tree by
 * default (tracked and untracked files that are not ignored), the index with {@code --staged}
 * (what the pre-commit hook checks), or a commit with {@code --commit}. The base it is compared
 * with (drift's diff analyser) is HEAD for the work tree and the index, the first parent for a
 * commit, or {@code --base}; {@code --full} compares with nothing. Per-file results are cached by blob id under
 * {@code .git/buildrunner/cache}, so a second run re-reads only changed files.
 *
 * <p>Exit codes: 0 the gate passed, 1 it failed, 2 usage, a missing spec or a bad configuration
 * file (the message names file, line and key), 3 an internal error.
 */
@Command(mixinStandardHelpOptions = true)
final class AnalyseCommand implements Callable<Integer> {
    private final Services services;
    private final Function<Services, Analyser<? extends AnalysisResult>> analyser;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions options = new CommonOptions();

    @Option(names = "--staged", description = "Analyse the staged files (the index), as the pre-commit hook does.")
    boolean staged;

    @Option(names = "--commit", paramLabel = "REV", description = "Analyse a commit instead of the work tree.")
    String commit;

    @Option(names = "--base", paramLabel = "REV",
            description = "Compare with this revision (default: HEAD, or the commit's first parent).")
    String base;

    @Option(names = "--full", description = "Compare with nothing: every file counts as new, so rules run on all "
            + "files and the diff analyser has nothing to compare (what CI runs).")
    boolean full;

    @Option(names = "--sarif", paramLabel = "FILE", description = "Also write the findings as SARIF 2.1.0 to FILE.")
    Path sarif;

    @Option(names = "--no-cache", description = "Analyse every file again; neither read nor write the cache.")
    boolean noCache;

    @Option(names = "--max-findings", paramLabel = "N", defaultValue = "50",
            description = "Text output: show at most N findings (default: ${DEFAULT-VALUE}); JSON and SARIF hold all.")
    int maxFindings;

    /** @param analyser builds the analyser from the shared services */
    AnalyseCommand(Services services, Function<Services, Analyser<? extends AnalysisResult>> analyser) {
        this.services = services;
        this.analyser = analyser;
    }

    @Override
    public Integer call() {
        if (staged && commit != null) {
            throw new CliException("--staged and --commit cannot be used together");
        }
        if (full && base != null) {
            throw new CliException("--full and --base cannot be used together");
        }
        try (Workspace ws = Workspace.open(options.dir(), services)) {
            Repository repo = ws.repository();
            SourceTree tree;
            Optional<ObjectId> baseId;
            if (commit != null) {
                RevCommit c = parseCommit(repo, commit);
                tree = GitTrees.atCommit(repo, c);
                baseId = base != null ? Optional.of(parseCommit(repo, base))
                        : c.getParentCount() > 0 ? Optional.of(c.getParent(0).getId()) : Optional.empty();
            } else {
                tree = staged ? GitTrees.index(repo) : GitTrees.workTree(repo);
                baseId = base != null ? Optional.of(parseCommit(repo, base)) : Optional.ofNullable(resolve(repo, "HEAD^{commit}"));
            }
            Optional<SourceTree> baseTree = full ? Optional.empty() : baseId.map(id -> GitTrees.atCommit(repo, id));
            String specPath = SpecInput.DEFAULT_PATH;
            String specText = tree.readText(specPath).orElseThrow(() -> new CliException(
                    specPath + ": not found in " + describe(tree) + "; write one first (see templates/PROJECT_SPEC.md)"));
            ParseResult parsed = services.parser().parse(specText);
            Optional<dev.buildrunner.spec.Spec> baseSpec = baseTree.flatMap(t -> t.readText(specPath)).map(t -> services.parser().parse(t).spec());
            Set<String> done = new LinkedHashSet<>(DoneFeatures.fromSpec(parsed.spec()));
            ws.store().read().map(State::plan).ifPresent(p -> done.addAll(p.doneFeatureIds()));
            BlobCache cache = noCache ? BlobCache.disabled()
                    : BlobCache.at(repo.getDirectory().toPath().resolve("buildrunner").resolve("cache"), services.json());
            Optional<Path> workDir = repo.isBare() ? Optional.empty() : Optional.of(repo.getWorkTree().toPath());
            AnalysisInput input = new AnalysisInput(parsed.spec(), parsed.diagnostics(), specPath, tree, baseTree,
                    baseSpec, done, cache, workDir);
            AnalysisResult result = analyser.apply(services).analyze(input);
            if (sarif != null) {
                writeSarif(result, specPath);
            }
            print(result);
            return result.passed() ? ExitCodes.OK : ExitCodes.SPEC_ERRORS;
        } catch (AnalysisConfigException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    private void print(AnalysisResult result) {
        PrintWriter out = spec.commandLine().getOut();
        if (options.json) {
            out.print(services.toJson(result));
        } else {
            String verdict = result.skipped() ? "SKIPPED" : result.passed() ? "PASSED" : "FAILED";
            out.println(result.analyser() + ": " + verdict + ": " + result.summary());
            int shown = 0;
            for (Finding f : result.findings()) {
                if (shown++ == maxFindings) {
                    out.println("  ... " + (result.findings().size() - maxFindings) + " more (--json or --sarif for all)");
                    break;
                }
                out.println("  " + f.level().sarif() + " " + f.where() + " [" + f.ruleId() + "]");
            }
        }
        out.flush();
    }

    private void writeSarif(AnalysisResult result, String specPath) {
        Path target = options.dir().resolve(sarif);
        try {
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            try (OutputStream os = Files.newOutputStream(target)) {
                new SarifWriter(BuildInfo.VERSION, BuildInfo.HOME_PAGE).write(result, specPath, os);
            }
        } catch (IOException e) {
            throw new CliException(target + ": cannot write SARIF: " + e.getMessage(), e);
        }
    }

    private static String describe(SourceTree tree) {
        return switch (tree.revision()) {
            case GitTrees.INDEX -> "the index";
            case GitTrees.WORKTREE -> "the work tree";
            default -> "commit " + tree.revision().substring(0, 7);
        };
    }

    private static RevCommit parseCommit(Repository repo, String rev) {
        ObjectId id = resolve(repo, rev + "^{commit}");
        if (id == null) {
            throw new CliException(rev + ": not a commit in " + repo.getDirectory());
        }
        try (RevWalk walk = new RevWalk(repo)) {
            return walk.parseCommit(id);
        } catch (IOException e) {
            throw new CliException(rev + ": cannot read the commit: " + e.getMessage(), e);
        }
    }

    private static ObjectId resolve(Repository repo, String rev) {
        try {
            return repo.resolve(rev);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new CliException(rev + ": not a valid revision: " + e.getMessage(), e);
        }
    }

}
