package dev.buildrunner.cli;

import dev.buildrunner.sync.SyncOutcome;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import dev.buildrunner.view.JsonViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code br spec rollback VERSION}: restores the spec of an older version as a new version; the
 * plan is regenerated adaptively, so done work stays done (use {@code br rollback CHECKPOINT} to
 * restore a whole state).
 */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Restore the spec of VERSION as a new version; the plan follows adaptively.")
final class SpecRollbackCommand implements Callable<Integer> {
    private final Services services;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions options = new CommonOptions();

    @Parameters(index = "0", paramLabel = "VERSION", description = "A version number from br spec versions.")
    int version;

    SpecRollbackCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        try (Workspace ws = Workspace.open(options.dir(), services)) {
            SyncOutcome outcome = services.sync().rollbackSpec(ws.store(), version, ws.author());
            PrintWriter out = spec.commandLine().getOut();
            if (options.json) {
                out.print(services.toJson(JsonViews.SyncView.of(outcome)));
            } else if (outcome instanceof SyncOutcome.Applied a) {
                out.println("buildrunner " + a.state().commitId().substring(0, 7) + ": " + a.summary());
            } else if (outcome instanceof SyncOutcome.Unchanged) {
                out.println("the spec already equals version " + version);
            } else {
                out.println("version " + version + " holds a spec with errors; nothing changed");
            }
            out.flush();
            return outcome instanceof SyncOutcome.Rejected ? ExitCodes.SPEC_ERRORS : ExitCodes.OK;
        }
    }
}
