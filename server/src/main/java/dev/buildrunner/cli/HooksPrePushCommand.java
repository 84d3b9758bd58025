package dev.buildrunner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.eclipse.jgit.lib.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code br hooks pre-push [--spec PATH] REMOTE [URL]}: the work of the pre-push hook. Reads git's pre-push
 * lines from standard input and prints, per pushed ref, what the push will regenerate
 * ({@link PushPreview}). Exit 0 whatever the spec says: the hook is advisory.
 */
@Command(name = "pre-push", mixinStandardHelpOptions = true,
        description = {"Print what a push will regenerate (run by the pre-push hook).",
                "Reads '<local ref> <local sha> <remote ref> <remote sha>' lines from standard input."})
final class HooksPrePushCommand implements Callable<Integer> {

    private final Services services;

    @Spec
    CommandSpec spec;

    @Option(names = "-C", paramLabel = "DIR", description = "Run as if started in DIR (like git -C).")
    Path directory;

    @Option(names = "--spec", paramLabel = "PATH", description = "The spec's path in the repository"
            + " (default: .buildrunner/PROJECT_SPEC.md).")
    String specPath = SpecInput.DEFAULT_PATH;

    @Parameters(index = "0", paramLabel = "REMOTE", description = "The remote's name (or URL), as git passes it.")
    String remote;

    @Parameters(index = "1", arity = "0..1", paramLabel = "URL", description = "The remote's URL (unused).")
    String url;

    HooksPrePushCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() throws IOException {
        List<PushPreview.RefPush> pushes = PushPreview.parse(
                new String(services.stdin().readAllBytes(), StandardCharsets.UTF_8));
        Path dir = HooksUninstallCommand.dir(directory);
        List<String> lines;
        try (Repository repo = SpecInput.openRepository(dir)
                .orElseThrow(() -> new CliException(dir + ": not inside a git repository"))) {
            lines = new PushPreview(services.parser(), specPath).describe(repo, remote, pushes);
        }
        PrintWriter out = spec.commandLine().getOut();
        lines.forEach(out::println);
        out.flush();
        return ExitCodes.OK;
    }
}
