package dev.buildrunner.cli;

import dev.buildrunner.plan.AdaptivePlanner;
import dev.buildrunner.plan.Plan;
import dev.buildrunner.spec.Feature;
import dev.buildrunner.spec.Spec;
import dev.buildrunner.spec.SpecDiff;
import dev.buildrunner.spec.SpecParser;
import dev.buildrunner.store.Proposal;
import dev.buildrunner.store.StateStore;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code br bench [core] [--json] [FILE]}: the core benchmark ({@code br bench server} is
 * {@link ServerBenchCommand}): medians after warm-up, on a spec grown to {@code --features}
 * features from FILE's (issue 3's targets, 962 features: analyze + plan <= 200 ms warm; one-feature
 * regeneration + commit <= 30 ms; a whole {@code br spec analyze} process <= 1.5 s cold).
 * Progress goes to stderr; results to stdout.
 *
 * <p>"analyze" and "analyze+plan" parse with a new {@link SpecParser} each run, so its caches are
 * empty and every chunk of the spec is parsed: warm means a warm JVM, not a warm cache. "analyze
 * after a one-feature edit (warm cache)" parses, each run, the spec with a different feature edited,
 * with a parser that has parsed the spec before: what a sync after a push costs.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure analyze, plan, one-feature regeneration and a state commit on a large spec.",
            "br bench core does the same; br bench server measures the server."})
final class BenchCommand implements Callable<Integer> {
    private final Services services;

    @CommandLine.Spec
    CommandSpec spec;

    @Mixin
    CommonOptions options = new CommonOptions();

    @Parameters(arity = "0..1", paramLabel = "FILE",
            description = "The spec whose features are repeated (default: .buildrunner/PROJECT_SPEC.md).")
    String file;

    @Option(names = "--features", description = "Features in the benchmark spec (default: ${DEFAULT-VALUE}).")
    int features = 962;

    @Option(names = "--warmup", description = "Warm-up runs per measurement (default: ${DEFAULT-VALUE}).")
    int warmup = 10;

    @Option(names = "--runs", description = "Timed runs per measurement (default: ${DEFAULT-VALUE}).")
    int runs = 20;

    @Option(names = "--cold-runs", description = "Fresh JVM processes for the cold analyze (default: ${DEFAULT-VALUE}).")
    int coldRuns = 5;

    BenchCommand(Services services) {
        this.services = services;
    }

    /** The JSON of {@code br bench --json}. */
    record BenchView(Machine machine, int features, int lines, int tasks, List<Stopwatch.Measurement> results) {
    }

    /** The machine the figures were measured on. */
    record Machine(int cores, long maxHeapMb, String java, String os, String cpu) {
        static Machine current() {
            String cpu = "";
            try {
                cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                        .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("");
            } catch (IOException | RuntimeException e) {
                cpu = "unknown";
            }
            return new Machine(Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                    System.getProperty("os.name") + " " + System.getProperty("os.arch"), cpu);
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        SpecInput seed = SpecInput.resolve(file, options.dir());
        List<Feature> seeds = services.parser().parse(seed.text()).spec().features();
        String text = LargeSpec.generate("Benchmark spec from " + seed.label(), seeds, features);
        Spec base = services.parser().parse(text).spec();
        progress(err, "spec of %d features, %d lines, from %d features of %s", base.features().size(),
                text.split("\n", -1).length, seeds.size(), seed.label());

        List<String> editedTexts = new ArrayList<>();
        for (int i = 0; i < warmup + runs; i++) {
            Feature f = base.features().get((i * 37) % base.features().size());
            editedTexts.add(editOneRequirement(text, f, i));
        }
        List<Stopwatch.Measurement> results = new ArrayList<>();
        results.add(Stopwatch.measure("analyze", warmup, runs, i -> new SpecParser().parse(text)));
        SpecParser warmParser = new SpecParser();
        warmParser.parse(text);
        results.add(Stopwatch.measure("analyze after a one-feature edit (warm cache)", warmup, runs,
                i -> warmParser.parse(editedTexts.get(i < 0 ? -1 - i : warmup + i))));
        results.add(Stopwatch.measure("plan", warmup, runs, i -> services.planner().plan(base)));
        results.add(Stopwatch.measure("analyze+plan", warmup, runs,
                i -> services.planner().plan(new SpecParser().parse(text).spec())));
        progress(err, "analyze and plan measured");

        Plan basePlan = services.planner().plan(base);
        List<Spec> edited = new ArrayList<>();
        for (String changed : editedTexts) {
            edited.add(services.parser().parse(changed).spec());
        }
        AdaptivePlanner adaptive = new AdaptivePlanner(services.clock());
        results.add(Stopwatch.measure("diff+regenerate (one feature)", warmup, runs, i -> {
            Spec after = edited.get(i < 0 ? -1 - i : warmup + i);
            SpecDiff.between(base, after);
            adaptive.regenerate(basePlan, base, after);
        }));
        progress(err, "regeneration measured");

        Path tmp = Files.createTempDirectory("br-bench");
        try (Repository repo = new FileRepositoryBuilder().setGitDir(tmp.resolve("repo.git").toFile()).setBare().build()) {
            repo.create(true);
            StateStore store = services.stateStore(repo);
            store.update(s -> Optional.of(new Proposal(text, basePlan, "sync", "bench base", "", "bench")));
            List<Plan> regenerated = new ArrayList<>();
            for (Spec after : edited) {
                regenerated.add(adaptive.regenerate(basePlan, base, after).plan());
            }
            results.add(Stopwatch.measure("state commit", warmup, runs, i -> {
                int k = i < 0 ? -1 - i : warmup + i;
                store.update(s -> Optional.of(new Proposal(editedTexts.get(k), regenerated.get(k), "sync",
                        "bench edit " + k, "", "bench")));
            }));
            results.add(Stopwatch.measure("regenerate+commit (one feature)", warmup, runs, i -> {
                int k = i < 0 ? -1 - i : warmup + i;
                Spec after = edited.get(k);
                Plan plan = adaptive.regenerate(basePlan, base, after).plan();
                store.update(s -> Optional.of(new Proposal(editedTexts.get(k), plan, "sync", "bench edit " + k, "",
                        "bench")));
            }));
            progress(err, "state commits measured");
            if (coldRuns > 0) {
                Path specFile = tmp.resolve("PROJECT_SPEC.md");
                Files.writeString(specFile, text, StandardCharsets.UTF_8);
                results.add(coldAnalyze(specFile, err));
            }
        } finally {
            deleteTree(tmp);
        }

        BenchView view = new BenchView(Machine.current(), base.features().size(), text.split("\n", -1).length,
                basePlan.tasks().size(), results);
        PrintWriter out = spec.commandLine().getOut();
        if (options.json) {
            out.print(services.toJson(view));
        } else {
            Machine m = view.machine();
            out.printf("machine: %d cores, %s, %s, max heap %d MB%n", m.cores(), m.cpu(), m.java(), m.maxHeapMb());
            out.printf("spec: %d features, %d lines, %d tasks%n", view.features(), view.lines(), view.tasks());
            for (Stopwatch.Measurement r : results) {
                out.printf("%-45s median %8.2f ms   p90 %8.2f ms   min %8.2f ms   cpu median %s   (%d runs)%n",
                        r.name(), r.medianMs(), r.p90Ms(), r.minMs(),
                        r.cpuMedianMs() < 0 ? "   n/a  " : String.format("%8.2f ms", r.cpuMedianMs()), r.runs());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Appends a requirement to one feature, as a user's one-feature edit would. */
    static String editOneRequirement(String text, Feature f, int n) {
        String[] lines = text.split("\n", -1);
        int at = -1;
        for (int i = f.lines().first() - 1; i < f.lines().last() && i < lines.length; i++) {
            if (lines[i].startsWith("**Requirements:**")) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            throw new IllegalStateException("feature " + f.id() + " has no Requirements list to edit");
        }
        StringBuilder b = new StringBuilder(text.length() + 64);
        for (int i = 0; i < lines.length; i++) {
            b.append(lines[i]);
            if (i < lines.length - 1) {
                b.append('\n');
            }
            if (i == at) {
                b.append("- Benchmark edit number ").append(n).append(" adds this requirement\n");
            }
        }
        return b.toString();
    }

    private Stopwatch.Measurement coldAnalyze(Path specFile, PrintWriter err) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path self = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isRegularFile(self)) {
            cmd.addAll(List.of("-jar", self.toString()));
        } else {
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        }
        cmd.addAll(List.of("spec", "analyze", specFile.toString()));
        double[] ms = new double[coldRuns];
        for (int i = 0; i < coldRuns; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("cold br spec analyze took over 60 s");
            }
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        progress(err, "cold processes measured");
        return Stopwatch.summarize("br spec analyze process (cold)", ms);
    }

    private static void progress(PrintWriter err, String format, Object... args) {
        err.println("bench: " + String.format(format, args));
        err.flush();
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
