package dev.buildrunner.cli;

import dev.buildrunner.analysis.AnalysisInput;
import dev.buildrunner.analysis.BlobCache;
import dev.buildrunner.analysis.GitTrees;
import dev.buildrunner.analysis.quality.QualityAnalyzer;
import dev.buildrunner.analysis.quality.QualityReport;
import dev.buildrunner.analysis.quality.StandardsLoader;
import dev.buildrunner.analysis.quality.ToolStatus;
import dev.buildrunner.spec.ParseResult;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code br bench quality [--sources JAR]... [--json]}: issue 5's incremental quality benchmark on a
 * real codebase. The sources jars (default: JGit 7.5.0 and pmd-java 7.27.0 from the local Maven
 * repository, 1,534 Java files together) are unpacked into a temporary git repository and committed;
 * then a full run with an empty cache is timed ({@code --full-runs} times, each with a fresh cache,
 * after {@code --warmup-runs} untimed ones), and then one-file changes: each edits another Java file
 * (a new method), commits, and analyses the commit with the cache the runs before filled. Target: the
 * one-file change at least {@value #TARGET_RATIO} times faster than the full run (medians). Commit
 * trees are analysed as the server does, so SpotBugs is skipped (no work tree, no classes).
 * Reports wall and process CPU time (all threads: PMD analyses on every core). Progress goes to
 * stderr; results to stdout. Heavy (minutes): run by hand, never in CI or in timed tests.
 */
@Command(name = "quality", mixinStandardHelpOptions = true,
        description = "Measure br quality on a large Java codebase: a full run against a one-file change.")
final class QualityBenchCommand implements Callable<Integer> {
    /** Issue 5: a one-file change must be at least this many times faster than a full run. */
    static final double TARGET_RATIO = 20;
    private static final List<String> DEFAULT_SOURCES = List.of(
            "org.eclipse.jgit:org.eclipse.jgit:7.5.0.202512021534-r",
            "net.sourceforge.pmd:pmd-java:7.27.0");

    private final Services services;

    @CommandLine.Spec
    CommandSpec spec;

    @Mixin
    CommonOptions options = new CommonOptions();

    @Option(names = "--sources", paramLabel = "JAR", description = "A sources jar to analyse (repeatable; default: "
            + "the JGit 7.5.0 and pmd-java 7.27.0 sources jars of the local Maven repository).")
    List<Path> sources = new ArrayList<>();

    @Option(names = "--maven-repo", paramLabel = "DIR", description = "The local Maven repository the default sources"
            + " jars are read from (default: -Dmaven.repo.local, else ~/.m2/repository).")
    Path mavenRepo = Path.of(System.getProperty("maven.repo.local",
            Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));

    @Option(names = "--standards", paramLabel = "FILE",
            description = "A quality-standards.yaml to commit into the analysed repository"
                    + " (default: none, the template).")
    Path standards;

    @Option(names = "--warmup-runs", description = "Untimed full runs first (default: ${DEFAULT-VALUE}).")
    int warmupRuns = 1;

    @Option(names = "--full-runs",
            description = "Timed full runs, each with an empty cache (default: ${DEFAULT-VALUE}).")
    int fullRuns = 3;

    @Option(names = "--edit-runs", description = "Timed one-file changes (default: ${DEFAULT-VALUE}).")
    int editRuns = 5;

    QualityBenchCommand(Services services) {
        this.services = services;
    }

    /** One timed analysis. */
    record Run(String kind, double wallMs, double cpuMs, int findings, int score, List<ToolStatus> tools) {
    }

    /** The JSON of {@code br bench quality --json}. */
    record View(BenchCommand.Machine machine, List<String> sources, int files, int javaFiles, int linesOfCode,
            List<Run> full, List<Run> edits, double fullMedianMs, double editMedianMs, double fullCpuMedianMs,
            double editCpuMedianMs, double ratio, double target, boolean met) {
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        List<Path> jars = sources.isEmpty() ? defaultSources(mavenRepo) : sources;
        Path tmp = Files.createTempDirectory("br-bench-quality");
        try (Git git = Git.init().setDirectory(tmp.resolve("repo").toFile()).setInitialBranch("main").call()) {
            Path repo = tmp.resolve("repo");
            List<String> javaFiles = new ArrayList<>();
            int files = 0;
            for (Path jar : jars) {
                files += unpack(jar, repo, javaFiles);
            }
            if (standards != null) {
                Path target = repo.resolve(StandardsLoader.PATH);
                Files.createDirectories(target.getParent());
                Files.copy(standards, target);
            }
            RevCommit base = commit(git, "sources", ".");
            progress(err, "%d files (%d Java) from %s committed", files, javaFiles.size(), jars);
            QualityAnalyzer analyzer = QualityAnalyzer.standard(false);
            for (int i = 0; i < warmupRuns; i++) {
                measure("warm-up", analyzer, git, base, fresh(tmp, "warmup-" + i));
                progress(err, "warm-up run %d done", i + 1);
            }
            List<Run> full = new ArrayList<>();
            BlobCache warm = null;
            for (int i = 0; i < fullRuns; i++) {
                warm = fresh(tmp, "full-" + i);
                full.add(measure("full", analyzer, git, base, warm));
                progress(err, "full run %d: %.0f ms", i + 1, full.get(i).wallMs());
            }
            if (warm == null) {
                throw new CliException("--full-runs must be at least 1");
            }
            List<Run> edits = new ArrayList<>();
            for (int i = 0; i < editRuns; i++) {
                String path = javaFiles.get((i * 7919) % javaFiles.size());
                editOneFile(repo.resolve(path), i);
                RevCommit c = commit(git, "edit " + path, path);
                edits.add(measure("one-file change", analyzer, git, c, warm));
                progress(err, "one-file change %d (%s): %.0f ms", i + 1, path, edits.get(i).wallMs());
            }
            QualityReport last = analyzer.analyze(input(git, base, BlobCache.disabled()));
            double fullMedian = median(full.stream().mapToDouble(Run::wallMs).toArray());
            double editMedian = median(edits.stream().mapToDouble(Run::wallMs).toArray());
            double ratio = editMedian > 0 ? Math.round(fullMedian / editMedian * 10) / 10.0 : 0;
            View view = new View(BenchCommand.Machine.current(), jars.stream().map(Path::toString).toList(), files,
                    javaFiles.size(), last.breakdown().linesOfCode(), full, edits, fullMedian, editMedian,
                    median(full.stream().mapToDouble(Run::cpuMs).toArray()),
                    median(edits.stream().mapToDouble(Run::cpuMs).toArray()), ratio, TARGET_RATIO,
                    ratio >= TARGET_RATIO);
            print(view);
            return ExitCodes.OK;
        } finally {
            deleteTree(tmp);
        }
    }

    private Run measure(String kind, QualityAnalyzer analyzer, Git git, RevCommit commit, BlobCache cache) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        QualityReport r = analyzer.analyze(input(git, commit, cache));
        double wall = (System.nanoTime() - t0) / 1e6;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e6;
        return new Run(kind, round(wall), round(cpu), r.findings().size(), r.score(), r.tools());
    }

    private AnalysisInput input(Git git, ObjectId commit, BlobCache cache) {
        ParseResult spec = services.parser().parse("# PROJECT_SPEC: quality benchmark\n");
        return new AnalysisInput(spec.spec(), spec.diagnostics(), ".buildrunner/PROJECT_SPEC.md",
                GitTrees.atCommit(git.getRepository(), commit), Optional.empty(), Optional.empty(), Set.of(), cache,
                Optional.empty());
    }

    private BlobCache fresh(Path tmp, String name) {
        return BlobCache.at(tmp.resolve("cache").resolve(name), services.json());
    }

    private void print(View v) {
        PrintWriter out = spec.commandLine().getOut();
        if (options.json) {
            out.print(services.toJson(v));
        } else {
            BenchCommand.Machine m = v.machine();
            out.printf("machine: %d cores, %s, %s, max heap %d MB%n", m.cores(), m.cpu(), m.java(), m.maxHeapMb());
            out.printf("codebase: %d files, %d Java, %d lines of code, from %s%n", v.files(), v.javaFiles(),
                    v.linesOfCode(), String.join(", ", v.sources()));
            out.printf("full run (empty cache)      median %10.0f ms   cpu %10.0f ms   (%d runs)%n", v.fullMedianMs(),
                    v.fullCpuMedianMs(), v.full().size());
            out.printf("one-file change (warm cache) median %8.0f ms   cpu %10.0f ms   (%d runs)%n", v.editMedianMs(),
                    v.editCpuMedianMs(), v.edits().size());
            out.printf("ratio %.1fx (target >= %.0fx): %s%n", v.ratio(), v.target(), v.met() ? "met" : "NOT met");
            for (List<Run> runs : List.of(v.full(), v.edits())) {
                Run r = runs.get(runs.size() - 1);
                StringBuilder b = new StringBuilder("last " + r.kind() + ": " + r.findings() + " findings, score "
                        + r.score() + ";");
                for (ToolStatus t : r.tools()) {
                    b.append(' ').append(t.tool()).append(' ').append(t.durationMs()).append(" ms (")
                            .append(t.filesAnalysed()).append(" analysed, ").append(t.filesFromCache())
                            .append(" cached)");
                }
                out.println(b);
            }
        }
        out.flush();
    }

    /** The default sources jars, or a usage error saying how to fetch them. */
    private static List<Path> defaultSources(Path local) {
        List<Path> out = new ArrayList<>();
        for (String gav : DEFAULT_SOURCES) {
            String[] p = gav.split(":");
            Path jar = local.resolve(p[0].replace('.', '/')).resolve(p[1]).resolve(p[2])
                    .resolve(p[1] + "-" + p[2] + "-sources.jar");
            if (!Files.isRegularFile(jar)) {
                throw new CliException(jar + ": not found; fetch it with: mvn -B "
                        + "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get -Dtransitive=false -Dartifact="
                        + gav + ":jar:sources");
            }
            out.add(jar);
        }
        return out;
    }

    /** Unpacks a sources jar under a directory named after it; returns the files written. */
    private static int unpack(Path jar, Path repo, List<String> javaFiles) throws IOException {
        String name = jar.getFileName().toString().replaceAll("(-sources)?\\.jar$", "");
        int n = 0;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : zip.stream().map(ZipEntry.class::cast).toList()) {
                if (e.isDirectory() || e.getName().startsWith("META-INF/") || e.getName().contains("..")) {
                    continue;
                }
                String path = name + "/" + e.getName();
                Path target = repo.resolve(path);
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(e)) {
                    Files.copy(in, target);
                }
                n++;
                if (path.endsWith(".java")) {
                    javaFiles.add(path);
                }
            }
        }
        javaFiles.sort(Comparator.naturalOrder());
        return n;
    }

    /**
     * Appends a small package-private class to the file (legal in any compilation unit): a real code
     * change every tool reads again.
     */
    static void editOneFile(Path file, int n) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String added = "\nfinal class BenchEdit" + n + " {\n    int pick(int x) {\n        return x > " + n + " ? x : "
                + n + ";\n    }\n}\n";
        Files.writeString(file, text + added, StandardCharsets.UTF_8);
    }

    private static RevCommit commit(Git git, String message, String pattern) throws GitAPIException {
        git.add().addFilepattern(pattern).call();
        PersonIdent who = new PersonIdent("BuildRunner bench", "bench@buildrunner.invalid");
        return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
    }

    private static void progress(PrintWriter err, String format, Object... args) {
        err.println("bench: " + String.format(format, args));
        err.flush();
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        double[] s = values.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        return round(n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
