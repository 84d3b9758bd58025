package dev.buildrunner.cli;

import dev.buildrunner.plan.Task;
import dev.buildrunner.plan.TaskStatus;
import dev.buildrunner.store.State;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import dev.buildrunner.view.JsonViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code br task list [--json] [--status S]}: the tasks of the plan on the {@code buildrunner} branch. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the plan's tasks.")
final class TaskListCommand implements Callable<Integer> {
    private final Services services;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions options = new CommonOptions();

    @Option(names = "--status", paramLabel = "STATUS",
            description = "Only tasks in this status: pending, in_progress, blocked, done, cancelled.")
    String status;

    TaskListCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        TaskStatus filter = status == null ? null : parseStatus(status);
        try (Workspace ws = Workspace.open(options.dir(), services)) {
            State state = StateCommands.requireState(ws);
            List<Task> tasks = state.plan().tasks().stream().filter(t -> filter == null || t.status() == filter).toList();
            PrintWriter out = spec.commandLine().getOut();
            if (options.json) {
                out.print(services.toJson(tasks.stream().map(JsonViews.TaskView::of).toList()));
            } else {
                PlanPrinter.tasks(out, tasks);
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    static TaskStatus parseStatus(String s) {
        try {
            return TaskStatus.fromLabel(s);
        } catch (IllegalArgumentException e) {
            throw new CliException("--status " + s + ": expected one of pending, in_progress, blocked, done, cancelled");
        }
    }
}
