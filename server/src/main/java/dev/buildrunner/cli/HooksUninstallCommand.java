package dev.buildrunner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.eclipse.jgit.lib.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code br hooks uninstall}: removes BuildRunner's hooks and restores the hooks they chained. */
@Command(name = "uninstall", mixinStandardHelpOptions = true,
        description = "Remove BuildRunner's hooks from this repository; NAME.local hooks get their names back.")
final class HooksUninstallCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "-C", paramLabel = "DIR", description = "Run as if started in DIR (like git -C).")
    Path directory;

    @Override
    public Integer call() throws IOException {
        Path hooks;
        try (Repository repo = repository(dir(directory))) {
            hooks = HookInstaller.hooksDirectory(repo);
        }
        PrintWriter out = spec.commandLine().getOut();
        new HookInstaller(HookInstaller.Launcher.current()).uninstall(hooks).forEach(out::println);
        out.flush();
        return ExitCodes.OK;
    }

    /** The working directory: {@code -C} when given, else the process's current directory. */
    static Path dir(Path directory) {
        return (directory != null ? directory : Path.of("")).toAbsolutePath().normalize();
    }

    /** The repository containing {@code dir}; a CliException naming it when there is none. */
    static Repository repository(Path dir) {
        try {
            return SpecInput.openRepository(dir).orElseThrow(() -> new CliException(dir + ": not inside a git repository"));
        } catch (IOException e) {
            throw new CliException(dir + ": cannot open the git repository: " + e.getMessage(), e);
        }
    }
}
