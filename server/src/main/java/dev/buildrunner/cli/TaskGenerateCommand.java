package dev.buildrunner.cli;

import dev.buildrunner.plan.Plan;
import dev.buildrunner.spec.ParseResult;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import dev.buildrunner.view.JsonViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code br task generate [--json] [FILE]}: plans a spec afresh and prints it; writes nothing. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Decompose a spec into tasks, DAG, waves and batches, without writing anything.")
final class TaskGenerateCommand implements Callable<Integer> {
    private final Services services;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions options = new CommonOptions();

    @Parameters(arity = "0..1", paramLabel = "FILE",
            description = "A spec file, REV:PATH or a revision (default: .buildrunner/PROJECT_SPEC.md).")
    String file;

    TaskGenerateCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        SpecInput input = SpecInput.resolve(file, options.dir());
        ParseResult parsed = services.parser().parse(input.text());
        Plan plan = services.planner().plan(parsed.spec());
        PrintWriter out = spec.commandLine().getOut();
        if (options.json) {
            out.print(services.toJson(JsonViews.PlanView.of(plan, parsed.diagnostics())));
        } else {
            PlanPrinter.print(out, plan, parsed.diagnostics());
        }
        out.flush();
        return parsed.hasErrors() ? ExitCodes.SPEC_ERRORS : ExitCodes.OK;
    }
}
