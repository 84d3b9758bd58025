package dev.buildrunner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
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
        Path hooks = HookInstaller.locate(dir(directory)).hooks();
        PrintWriter out = spec.commandLine().getOut();
        new HookInstaller(HookInstaller.Launcher.current()).uninstall(hooks).forEach(out::println);
        out.flush();
        return ExitCodes.OK;
    }

    /** The working directory: {@code -C} when given, else the process's current directory. */
    static Path dir(Path directory) {
        return (directory != null ? directory : Path.of("")).toAbsolutePath().normalize();
    }
}
