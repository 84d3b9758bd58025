package dev.buildrunner.cli;

import dev.buildrunner.plan.Batch;
import dev.buildrunner.plan.Task;
import dev.buildrunner.store.State;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import dev.buildrunner.view.JsonViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code br task next [--json]}: the next batch to work on, the first batch of the plan (batches
 * are in execution order and hold only open tasks).
 */
@Command(name = "next", mixinStandardHelpOptions = true, description = "Show the next batch of tasks.")
final class TaskNextCommand implements Callable<Integer> {
    private final Services services;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions options = new CommonOptions();

    TaskNextCommand(Services services) {
        this.services = services;
    }

    /** The next batch and its tasks; {@code batch} is null when nothing is left. */
    record NextView(JsonViews.BatchView batch, List<JsonViews.TaskView> tasks) {
    }

    @Override
    public Integer call() {
        try (Workspace ws = Workspace.open(options.dir(), services)) {
            State state = StateCommands.requireState(ws);
            Optional<Batch> next = state.plan().batches().stream().findFirst();
            List<Task> tasks = next.map(b -> b.taskIds().stream().map(id -> state.plan().task(id).orElseThrow()).toList())
                    .orElse(List.of());
            PrintWriter out = spec.commandLine().getOut();
            if (options.json) {
                out.print(services.toJson(new NextView(next.map(JsonViews.BatchView::of).orElse(null),
                        tasks.stream().map(JsonViews.TaskView::of).toList())));
            } else if (next.isEmpty()) {
                out.println("nothing left to do: every task is done or cancelled");
            } else {
                out.println(next.get().id() + " [" + next.get().domain().label() + "]");
                tasks.forEach(t -> out.println("    " + PlanPrinter.line(t)));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
