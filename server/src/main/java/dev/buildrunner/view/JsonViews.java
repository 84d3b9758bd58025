package dev.buildrunner.view;

import dev.buildrunner.plan.Batch;
import dev.buildrunner.plan.Plan;
import dev.buildrunner.plan.Task;
import dev.buildrunner.spec.Diagnostic;
import dev.buildrunner.spec.Endpoint;
import dev.buildrunner.spec.Feature;
import dev.buildrunner.spec.ParseResult;
import dev.buildrunner.spec.SpecDiff;
import java.util.List;
import java.util.Locale;

/**
 * The JSON shapes of the CLI and the HTTP API (issue 3's contract, shared so both speak the same),
 * as records Jackson writes in declaration order. Fields beyond the contract are only ever added,
 * never renamed.
 */
public final class JsonViews {

    private JsonViews() {
    }

    /** {@code br spec analyze --json}. */
    public record AnalyzeView(String title, String format, List<FeatureView> features, List<DiagnosticView> diagnostics) {
        public static AnalyzeView of(ParseResult r) {
            return new AnalyzeView(r.spec().title(), r.spec().format().label(),
                    r.spec().features().stream().map(FeatureView::of).toList(), diagnosticViews(r.diagnostics()));
        }
    }

    /** One feature; {@code line}/{@code endLine} are 1-based, inclusive. */
    public record FeatureView(String id, String name, int line, int endLine, String complexity, String priority,
            String description, List<String> requirements, List<String> files, List<String> dependencies,
            List<String> acceptanceCriteria, List<String> endpoints) {
        public static FeatureView of(Feature f) {
            return new FeatureView(f.id(), f.name(), f.lines().first(), f.lines().last(), f.complexity().label(),
                    f.priority(), f.description(), f.requirements(), f.files(), f.dependencies(),
                    f.acceptanceCriteria(), f.endpoints().stream().map(Endpoint::toString).toList());
        }
    }

    /** One diagnostic; severity lower-case ({@code error}, {@code warning}, {@code info}). */
    public record DiagnosticView(int line, String severity, String code, String message) {
        public static DiagnosticView of(Diagnostic d) {
            return new DiagnosticView(d.line(), d.severity().name().toLowerCase(Locale.ROOT), d.code(), d.message());
        }
    }

    public static List<DiagnosticView> diagnosticViews(List<Diagnostic> ds) {
        return ds.stream().map(DiagnosticView::of).toList();
    }

    /** {@code br spec diff --json}. */
    public record DiffView(List<String> added, List<String> removed, List<RenameView> renamed, List<ModifiedView> modified) {
        public static DiffView of(SpecDiff d) {
            return new DiffView(d.added(), d.removed(),
                    d.renamed().stream().map(r -> new RenameView(r.from(), r.to())).toList(),
                    d.modified().stream().map(m -> new ModifiedView(m.id(), m.fields())).toList());
        }
    }

    public record RenameView(String from, String to) {
    }

    public record ModifiedView(String id, List<String> fields) {
    }

    /** {@code br task generate --json} and {@code br plan show --json}. */
    public record PlanView(List<TaskView> tasks, List<BatchView> batches, List<List<String>> waves,
            CriticalPathView criticalPath, List<DiagnosticView> diagnostics) {
        public static PlanView of(Plan p, List<Diagnostic> specDiagnostics) {
            List<Diagnostic> all = new java.util.ArrayList<>(specDiagnostics);
            all.addAll(p.diagnostics());
            return new PlanView(p.tasks().stream().map(TaskView::of).toList(),
                    p.batches().stream().map(BatchView::of).toList(), p.waves(),
                    new CriticalPathView(p.criticalPath().taskIds(), p.criticalPath().minutes()), diagnosticViews(all));
        }
    }

    /** One task; {@code followUpOf} is empty unless the task revises a done one. */
    public record TaskView(String id, String featureId, String title, String domain, boolean complex, int estimateMinutes,
            String status, List<String> dependsOn, List<String> files, String followUpOf) {
        public static TaskView of(Task t) {
            return new TaskView(t.id(), t.featureId(), t.title(), t.domain().label(), t.complex(),
                    t.estimateMinutes(), t.status().label(), t.dependsOn(), t.files(), t.followUpOf());
        }
    }

    public record BatchView(String id, String domain, List<String> taskIds) {
        public static BatchView of(Batch b) {
            return new BatchView(b.id(), b.domain().label(), b.taskIds());
        }
    }

    public record CriticalPathView(List<String> taskIds, int minutes) {
    }

    /** {@code br sync --json}: {@code outcome} is {@code applied}, {@code unchanged} or {@code rejected}. */
    public record SyncView(String outcome, String commit, String summary, List<String> changedFeatures,
            List<DiagnosticView> diagnostics) {
        public static SyncView of(dev.buildrunner.sync.SyncOutcome o) {
            if (o instanceof dev.buildrunner.sync.SyncOutcome.Applied a) {
                return new SyncView("applied", a.state().commitId(), a.summary(), a.changedFeatures(),
                        diagnosticViews(a.diagnostics()));
            }
            if (o instanceof dev.buildrunner.sync.SyncOutcome.Unchanged u) {
                return new SyncView("unchanged", u.state().commitId(), "", List.of(), List.of());
            }
            dev.buildrunner.sync.SyncOutcome.Rejected r = (dev.buildrunner.sync.SyncOutcome.Rejected) o;
            return new SyncView("rejected", "", "", List.of(), diagnosticViews(r.diagnostics()));
        }
    }

    /** One entry of {@code br spec versions --json}. */
    public record VersionView(int number, String commit, String time, String event, String summary, String sourceCommit,
            String author) {
        public static VersionView of(dev.buildrunner.store.Version v) {
            return new VersionView(v.number(), v.commitId(), v.time().toString(), v.event(), v.summary(),
                    v.sourceCommit(), v.author());
        }
    }

    /** One entry of {@code br checkpoint list --json}. */
    public record CheckpointView(String name, String commit, String time, String author, String message) {
        public static CheckpointView of(dev.buildrunner.store.Checkpoint c) {
            return new CheckpointView(c.name(), c.commitId(), c.time().toString(), c.author(), c.message());
        }
    }
}
