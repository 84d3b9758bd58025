package dev.buildrunner.cli;

import dev.buildrunner.spec.Diagnostic;
import dev.buildrunner.spec.Feature;
import dev.buildrunner.spec.ParseResult;
import dev.buildrunner.spec.Severity;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import dev.buildrunner.view.JsonViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code br spec analyze [--json] [--quiet] [FILE]}: parses a spec and prints its features and
 * diagnostics; {@code --quiet} leaves out the features (what the pre-commit hook shows).
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Parse a spec: features, fields, endpoints and diagnostics. Exit 1 when it has errors.")
final class SpecAnalyzeCommand implements Callable<Integer> {
    private final Services services;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions options = new CommonOptions();

    @Option(names = {"-q", "--quiet"}, description = "Print only the summary line and the diagnostics.")
    boolean quiet;

    @Parameters(arity = "0..1", paramLabel = "FILE",
            description = "A spec file, REV:PATH, a revision, :PATH (staged) or - (stdin) "
                    + "(default: .buildrunner/PROJECT_SPEC.md).")
    String file;

    SpecAnalyzeCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        SpecInput input = SpecInput.resolve(file, options.dir(), services.stdin());
        ParseResult result = services.parser().parse(input.text());
        PrintWriter out = spec.commandLine().getOut();
        if (options.json) {
            out.print(services.toJson(JsonViews.AnalyzeView.of(result)));
        } else {
            printText(out, input, result, quiet);
        }
        out.flush();
        return result.hasErrors() ? ExitCodes.SPEC_ERRORS : ExitCodes.OK;
    }

    private static void printText(PrintWriter out, SpecInput input, ParseResult result, boolean quiet) {
        long errors = result.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).count();
        long warnings = result.diagnostics().stream().filter(d -> d.severity() == Severity.WARNING).count();
        out.printf("%s: %s format, %d features, %d errors, %d warnings%n", input.label(),
                result.spec().format().label(), result.spec().features().size(), errors, warnings);
        for (Feature f : quiet ? java.util.List.<Feature>of() : result.spec().features()) {
            out.printf("  %-40s lines %s, %s, %d requirements, %d files, %d criteria, %d endpoints%s%n", f.id(),
                    f.lines(), f.complexity().label(), f.requirements().size(), f.files().size(),
                    f.acceptanceCriteria().size(), f.endpoints().size(),
                    f.dependencies().isEmpty() ? "" : ", depends on " + String.join(", ", f.dependencies()));
        }
        for (Diagnostic d : result.diagnostics()) {
            out.println(input.label() + ":" + d.line() + ": " + d.severity().name().toLowerCase(java.util.Locale.ROOT)
                    + ": " + d.message());
        }
    }
}
