package dev.buildrunner.cli;

import dev.buildrunner.plan.TaskStatus;
import dev.buildrunner.store.State;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import dev.buildrunner.view.JsonViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code br task start|done|block TASK}: moves a task and commits the new plan on the
 * {@code buildrunner} branch. One instance per verb, told its target status at construction.
 */
@Command(mixinStandardHelpOptions = true)
final class TaskMoveCommand implements Callable<Integer> {
    private final Services services;
    private final TaskStatus target;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions options = new CommonOptions();

    @Parameters(index = "0", paramLabel = "TASK", description = "The task id (see br task list).")
    String taskId;

    @Option(names = {"-m", "--message"}, paramLabel = "NOTE", description = "Why, kept in the task's history.")
    String note = "";

    TaskMoveCommand(Services services, TaskStatus target) {
        this.services = services;
        this.target = target;
    }

    @Override
    public Integer call() {
        try (Workspace ws = Workspace.open(options.dir(), services)) {
            State state = services.sync().transition(ws.store(), taskId, target, ws.author(), note);
            PrintWriter out = spec.commandLine().getOut();
            if (options.json) {
                out.print(services.toJson(JsonViews.TaskView.of(state.plan().task(taskId).orElseThrow())));
            } else {
                out.println(taskId + " is " + target.label() + " (buildrunner " + state.commitId().substring(0, 7) + ")");
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
