package dev.buildrunner.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buildrunner.analysis.AnalysisConfigException;
import dev.buildrunner.analysis.AnalysisInput;
import dev.buildrunner.analysis.AnalysisResult;
import dev.buildrunner.analysis.Analyser;
import dev.buildrunner.analysis.BlobCache;
import dev.buildrunner.analysis.DoneFeatures;
import dev.buildrunner.analysis.GitTrees;
import dev.buildrunner.analysis.SarifWriter;
import dev.buildrunner.analysis.SourceTree;
import dev.buildrunner.spec.ParseResult;
import dev.buildrunner.spec.SpecParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the analysers (gaps, quality, drift) on a pushed commit as jobs keyed by (repository,
 * commit, analyser) (BRIEF.md "Scale"): each context goes {@code pending} at once, the job runs on
 * the analysis executor, its report and SARIF are stored ({@link ReportStore}), and the context
 * goes to {@code success} (gate passed), {@code failure} (gate failed) or {@code error} (bad
 * configuration, or the analyser could not run), with a {@code target_url} to the readable report.
 *
 * <p>A job whose report is already stored posts the stored outcome without running again, so a
 * replayed delivery or a retried job costs nothing. Analysis runs off the push's lane: a slow full
 * quality run never holds up the next push's spec and plan statuses. The executor decides how
 * many jobs run at once; the server gives it one thread (SpotBugs keeps global state, and two
 * cores are the machine this is sized for).
 */
public final class AnalysisJobs {
    private static final Logger LOG = LoggerFactory.getLogger(AnalysisJobs.class);
    

    private final List<Analyser<? extends AnalysisResult>> analysers;
    private final ReportStore reports;
    private final BlobCache cache;
    private final SpecParser parser;
    private final StatusPublisher statuses;
    private final Supplier<ReportLinks> links;
    private final Consumer<PipelineEvent> listener;
    private final ObjectMapper json;
    private final SarifWriter sarif;
    private final ExecutorService executor;
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    /**
     * @param analysers the analysers to run, in the order their statuses are posted
     * @param cache per-blob results shared by every job (incremental analysis)
     * @param executor where jobs run; owned by the caller, who shuts it down
     */
    public AnalysisJobs(List<Analyser<? extends AnalysisResult>> analysers, ReportStore reports, BlobCache cache,
            SpecParser parser, StatusPublisher statuses, Supplier<ReportLinks> links, Consumer<PipelineEvent> listener,
            ObjectMapper json, SarifWriter sarif, ExecutorService executor) {
        this.analysers = List.copyOf(analysers);
        this.reports = Objects.requireNonNull(reports, "reports");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.statuses = Objects.requireNonNull(statuses, "statuses");
        this.links = Objects.requireNonNull(links, "links");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.json = Objects.requireNonNull(json, "json");
        this.sarif = Objects.requireNonNull(sarif, "sarif");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** The status context of an analyser: {@code buildrunner/gaps}, ... */
    public static String context(String analyser) {
        return "buildrunner/" + analyser;
    }

    /** The analysers' names, in posting order. */
    public List<String> names() {
        return analysers.stream().map(Analyser::name).toList();
    }

    /** True while the job for (repository, commit, analyser) is queued or running. */
    public boolean isRunning(RepositoryName repo, String sha, String analyser) {
        return running.contains(key(repo, sha, analyser));
    }

    /**
     * Posts {@code pending} for every analyser on the pushed commit and queues the job.
     *
     * @param repo the repository, open for as long as the server runs
     * @param planDone ids of the features the plan has all tasks of done
     * @return the statuses each analyser ended with, in analyser order
     */
    public CompletableFuture<List<CommitCheck>> schedule(Repository repo, RefChange change, Set<String> planDone) {
        for (Analyser<? extends AnalysisResult> a : analysers) {
            running.add(key(change.repository(), change.after(), a.name()));
            post(change, new CommitCheck(context(a.name()), "pending", "queued", links.get().report(change, a.name())));
        }
        Set<String> done = Set.copyOf(planDone);
        return CompletableFuture.supplyAsync(() -> run(repo, change, done), executor);
    }

    private List<CommitCheck> run(Repository repo, RefChange change, Set<String> planDone) {
        List<CommitCheck> out = new ArrayList<>();
        AnalysisInput input = null;
        RuntimeException inputError = null;
        try {
            input = input(repo, change, planDone);
        } catch (RuntimeException e) {
            inputError = e;
            LOG.warn("cannot read {} at {} for analysis", change.repository(), change.after(), e);
        }
        for (Analyser<? extends AnalysisResult> a : analysers) {
            CommitCheck check;
            try {
                check = inputError != null
                        ? check(change, a.name(), "error", "cannot read the commit: " + inputError.getMessage())
                        : analyse(a, input, change);
            } catch (AnalysisConfigException e) {
                check = check(change, a.name(), "error", e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("{} analysis of {} at {} failed", a.name(), change.repository(), change.after(), e);
                check = check(change, a.name(), "error", "analysis failed: " + e);
            } finally {
                running.remove(key(change.repository(), change.after(), a.name()));
            }
            post(change, check);
            out.add(check);
        }
        return out;
    }

    private CommitCheck analyse(Analyser<? extends AnalysisResult> a, AnalysisInput input, RefChange change) {
        RepositoryName repo = change.repository();
        String sha = change.after();
        if (!reports.has(repo, sha, a.name())) {
            AnalysisResult result = a.analyze(input);
            try {
                reports.put(repo, sha, a.name(), json.writeValueAsString(result),
                        sarif.toJson(result, PushPipeline.SPEC_PATH));
            } catch (IOException e) {
                throw new IllegalStateException("cannot serialise the " + a.name() + " report", e);
            }
        }
        JsonNode stored = readStored(repo, sha, a.name());
        boolean skipped = stored.path("skipped").asBoolean(false);
        String state = skipped ? "error" : stored.path("passed").asBoolean(false) ? "success" : "failure";
        String summary = stored.path("summary").asText("");
        return check(change, a.name(), state, skipped ? "skipped: " + summary : summary);
    }

    private JsonNode readStored(RepositoryName repo, String sha, String analyser) {
        String text = reports.get(repo, sha, analyser, ReportStore.Kind.JSON)
                .orElseThrow(() -> new IllegalStateException("the " + analyser + " report of " + sha + " vanished"));
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("the stored " + analyser + " report of " + sha + " is not JSON", e);
        }
    }

    private AnalysisInput input(Repository repo, RefChange change, Set<String> planDone) {
        SourceTree tree = GitTrees.atCommit(repo, ObjectId.fromString(change.after()));
        Optional<SourceTree> base = Optional.empty();
        if (!change.before().equals(RefChange.ZERO)) {
            try {
                if (repo.getObjectDatabase().has(ObjectId.fromString(change.before()))) {
                    base = Optional.of(GitTrees.atCommit(repo, ObjectId.fromString(change.before())));
                }
            } catch (IOException | RuntimeException e) {
                LOG.info("base {} of {} is not a readable commit; analysing without a base", change.before(), change.after());
            }
        }
        ParseResult parsed = parser.parse(tree.readText(PushPipeline.SPEC_PATH).orElse(""));
        Optional<dev.buildrunner.spec.Spec> baseSpec = base.flatMap(t -> t.readText(PushPipeline.SPEC_PATH))
                .map(t -> parser.parse(t).spec());
        Set<String> done = new LinkedHashSet<>(DoneFeatures.fromSpec(parsed.spec()));
        done.addAll(planDone);
        return new AnalysisInput(parsed.spec(), parsed.diagnostics(), PushPipeline.SPEC_PATH, tree, base, baseSpec,
                done, cache, Optional.empty());
    }

    private CommitCheck check(RefChange change, String analyser, String state, String description) {
        return new CommitCheck(context(analyser), state, description, links.get().report(change, analyser));
    }

    private void post(RefChange change, CommitCheck check) {
        statuses.publish(change.repository(), change.after(), check);
        listener.accept(new PipelineEvent("status", change.repository(), change.ref(), change.after(), "",
                check.context() + " " + check.state() + ": " + check.description()));
    }

    private static String key(RepositoryName repo, String sha, String analyser) {
        return repo + "@" + sha + "#" + analyser;
    }
}
