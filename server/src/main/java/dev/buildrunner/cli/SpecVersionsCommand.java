package dev.buildrunner.cli;

import dev.buildrunner.store.Version;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import dev.buildrunner.view.JsonViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code br spec versions [--json]}: the history of the {@code buildrunner} branch, newest first. */
@Command(name = "versions", mixinStandardHelpOptions = true,
        description = "List the spec and plan versions (the buildrunner branch's history), newest first.")
final class SpecVersionsCommand implements Callable<Integer> {
    private final Services services;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions options = new CommonOptions();

    SpecVersionsCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        try (Workspace ws = Workspace.open(options.dir(), services)) {
            List<Version> versions = ws.store().versions();
            PrintWriter out = spec.commandLine().getOut();
            if (options.json) {
                out.print(services.toJson(versions.stream().map(JsonViews.VersionView::of).toList()));
            } else {
                for (Version v : versions) {
                    out.printf("%4d  %s  %s  %-14s %s%n", v.number(), v.commitId().substring(0, 7), v.time(), v.event(),
                            v.summary());
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
