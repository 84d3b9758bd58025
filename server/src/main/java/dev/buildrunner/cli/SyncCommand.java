package dev.buildrunner.cli;

import dev.buildrunner.sync.SyncOutcome;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import dev.buildrunner.view.JsonViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code br sync}: reads the spec committed at HEAD, runs the adaptive planner against the plan
 * on the {@code buildrunner} branch and commits the result (trailer {@code Source-Commit} = HEAD).
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Apply the spec at HEAD to the plan on the buildrunner branch. Exit 1 when the spec has errors.")
final class SyncCommand implements Callable<Integer> {
    private final Services services;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions options = new CommonOptions();

    SyncCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace ws = Workspace.open(options.dir(), services)) {
            Workspace.HeadSpec head = ws.headSpec();
            SyncOutcome outcome = services.sync().apply(ws.store(), head.input().text(), head.commitId(), ws.author());
            if (options.json) {
                out.print(services.toJson(JsonViews.SyncView.of(outcome)));
            } else if (outcome instanceof SyncOutcome.Rejected r) {
                out.println("spec has errors; the plan was not changed:");
                r.diagnostics().forEach(d -> out.println(head.input().label() + ":" + d.line() + ": "
                        + d.severity().name().toLowerCase(java.util.Locale.ROOT) + ": " + d.message()));
            } else if (outcome instanceof SyncOutcome.Unchanged u) {
                out.println("plan already up to date at " + u.state().commitId().substring(0, 7));
            } else if (outcome instanceof SyncOutcome.Applied a) {
                out.println("buildrunner " + a.state().commitId().substring(0, 7) + ": " + a.summary());
                PlanPrinter.diagnostics(out, a.diagnostics());
            }
            out.flush();
            return outcome instanceof SyncOutcome.Rejected ? ExitCodes.SPEC_ERRORS : ExitCodes.OK;
        }
    }
}
