package dev.buildrunner.cli;

import dev.buildrunner.spec.SpecDiff;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import dev.buildrunner.view.JsonViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code br spec diff [--json] OLD NEW}: the per-feature difference between two spec versions. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare two spec versions feature by feature: added, removed, renamed, modified.")
final class SpecDiffCommand implements Callable<Integer> {
    private final Services services;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions options = new CommonOptions();

    @Parameters(index = "0", paramLabel = "OLD", description = "A spec file, REV:PATH, a revision, :PATH (staged) or - (stdin).")
    String before;

    @Parameters(index = "1", paramLabel = "NEW", description = "A spec file, REV:PATH, a revision, :PATH (staged) or - (stdin).")
    String after;

    SpecDiffCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        if ("-".equals(before) && "-".equals(after)) {
            throw new CliException("-: standard input can be read only once; give one of OLD and NEW as a file");
        }
        SpecInput a = SpecInput.resolve(before, options.dir(), services.stdin());
        SpecInput b = SpecInput.resolve(after, options.dir(), services.stdin());
        SpecDiff diff = SpecDiff.between(services.parser().parse(a.text()).spec(),
                services.parser().parse(b.text()).spec());
        PrintWriter out = spec.commandLine().getOut();
        if (options.json) {
            out.print(services.toJson(JsonViews.DiffView.of(diff)));
        } else if (diff.isEmpty()) {
            out.println("no feature changed between " + a.label() + " and " + b.label());
        } else {
            diff.added().forEach(id -> out.println("added     " + id));
            diff.removed().forEach(id -> out.println("removed   " + id));
            diff.renamed().forEach(r -> out.println("renamed   " + r.from() + " -> " + r.to()));
            diff.modified().forEach(m -> out.println("modified  " + m.id() + " (" + String.join(", ", m.fields()) + ")"));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
