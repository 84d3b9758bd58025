package dev.buildrunner.cli;

import dev.buildrunner.store.Checkpoint;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import dev.buildrunner.view.JsonViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code br checkpoint create NAME}: tags the current state as {@code refs/tags/buildrunner/checkpoints/NAME}. */
@Command(name = "create", mixinStandardHelpOptions = true, description = "Save the current state as a checkpoint.")
final class CheckpointCreateCommand implements Callable<Integer> {
    private final Services services;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions options = new CommonOptions();

    @Parameters(index = "0", paramLabel = "NAME", description = "A ref-name-safe name, e.g. before-batch-3.")
    String name;

    @Option(names = {"-f", "--force"}, description = "Replace an existing checkpoint of that name.")
    boolean force;

    CheckpointCreateCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        try (Workspace ws = Workspace.open(options.dir(), services)) {
            Checkpoint c = ws.store().createCheckpoint(name, ws.author(), force);
            PrintWriter out = spec.commandLine().getOut();
            if (options.json) {
                out.print(services.toJson(JsonViews.CheckpointView.of(c)));
            } else {
                out.println("checkpoint " + c.name() + " at " + c.commitId().substring(0, 7));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
