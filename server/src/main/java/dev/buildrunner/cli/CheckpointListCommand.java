package dev.buildrunner.cli;

import dev.buildrunner.store.Checkpoint;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import dev.buildrunner.view.JsonViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code br checkpoint list [--json]}: the checkpoints of the repository. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List checkpoints.")
final class CheckpointListCommand implements Callable<Integer> {
    private final Services services;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions options = new CommonOptions();

    CheckpointListCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        try (Workspace ws = Workspace.open(options.dir(), services)) {
            List<Checkpoint> checkpoints = ws.store().listCheckpoints();
            PrintWriter out = spec.commandLine().getOut();
            if (options.json) {
                out.print(services.toJson(checkpoints.stream().map(JsonViews.CheckpointView::of).toList()));
            } else {
                checkpoints.forEach(c -> out.printf("%-30s %s  %s%n", c.name(), c.commitId().substring(0, 7), c.time()));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
