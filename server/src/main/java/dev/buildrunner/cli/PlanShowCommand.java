package dev.buildrunner.cli;

import dev.buildrunner.store.State;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import dev.buildrunner.view.JsonViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code br plan show [--json]}: the plan on the {@code buildrunner} branch (same JSON as task generate). */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show the plan on the buildrunner branch.")
final class PlanShowCommand implements Callable<Integer> {
    private final Services services;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions options = new CommonOptions();

    PlanShowCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        try (Workspace ws = Workspace.open(options.dir(), services)) {
            State state = StateCommands.requireState(ws);
            PrintWriter out = spec.commandLine().getOut();
            if (options.json) {
                out.print(services.toJson(JsonViews.PlanView.of(state.plan(), List.of())));
            } else {
                out.println("buildrunner " + state.commitId().substring(0, 7) + " (" + state.event() + ": "
                        + state.summary() + ")");
                PlanPrinter.print(out, state.plan(), List.of());
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
