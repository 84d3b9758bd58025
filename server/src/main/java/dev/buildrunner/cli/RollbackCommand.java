package dev.buildrunner.cli;

import dev.buildrunner.store.Committed;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code br rollback CHECKPOINT}: restores the whole state (spec and plan, task statuses
 * included) of a checkpoint as a new commit; history is never rewritten.
 */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Restore the state saved in CHECKPOINT as a new version.")
final class RollbackCommand implements Callable<Integer> {
    private final Services services;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions options = new CommonOptions();

    @Parameters(index = "0", paramLabel = "CHECKPOINT", description = "A checkpoint name (br checkpoint list).")
    String name;

    RollbackCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        try (Workspace ws = Workspace.open(options.dir(), services)) {
            Committed c = ws.store().restoreCheckpoint(name, ws.author());
            PrintWriter out = spec.commandLine().getOut();
            String id = c.state().orElseThrow().commitId();
            if (options.json) {
                out.print(services.toJson(java.util.Map.of("checkpoint", name, "commit", id, "changed", c.changed())));
            } else {
                out.println(c.changed() ? "restored checkpoint " + name + " as buildrunner " + id.substring(0, 7)
                        : "the state already equals checkpoint " + name);
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
