package dev.buildrunner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code br hooks install [--force]}: installs the pre-commit and pre-push hooks into the
 * repository's hooks directory (see {@link HookInstaller}), chaining any hook already there.
 */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = {"Install BuildRunner's pre-commit and pre-push hooks into this repository's hooks directory"
                + " (core.hooksPath when set). An existing hook is kept as NAME.local and runs first.",
                "Installing again updates the hooks in place. BUILDRUNNER_SKIP=1 skips them at run time."})
final class HooksInstallCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "-C", paramLabel = "DIR", description = "Run as if started in DIR (like git -C).")
    Path directory;

    @Option(names = "--force", description = "Replace a foreign hook even when NAME.local exists already"
            + " (the foreign hook is kept as NAME.bak and no longer runs).")
    boolean force;

    private final HookInstaller.Launcher launcher;

    HooksInstallCommand(HookInstaller.Launcher launcher) {
        this.launcher = launcher;
    }

    @Override
    public Integer call() throws IOException {
        HookInstaller.Location where = HookInstaller.locate(HooksUninstallCommand.dir(directory));
        PrintWriter out = spec.commandLine().getOut();
        new HookInstaller(launcher).install(where.hooks(), force).forEach(out::println);
        if (launcher.jar().isEmpty()) {
            out.println("note: br is not running from buildrunner.jar, so the hooks run br through $BUILDRUNNER_BR"
                    + " or br on PATH");
        }
        where.warning().ifPresent(out::println);
        out.flush();
        return ExitCodes.OK;
    }
}
