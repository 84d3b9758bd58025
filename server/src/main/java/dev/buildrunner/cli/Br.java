package dev.buildrunner.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command {@code br}; its subcommands are added by {@link Main#commandLine}. */
@Command(name = "br", mixinStandardHelpOptions = true, version = "br 0.1.0",
        description = "BuildRunner: git-native, spec-driven build orchestration.")
final class Br implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** A command that only groups subcommands ({@code br spec}, {@code br task}, ...). */
    @Command(mixinStandardHelpOptions = true)
    static final class Group implements Callable<Integer> {
        private final String name;
        private final String description;

        @Spec
        CommandSpec spec;

        Group(String name, String description) {
            this.name = name;
            this.description = description;
        }

        @Override
        public Integer call() {
            CommandLine cl = spec.commandLine();
            cl.getErr().println("br " + name + ": " + description + " Choose a subcommand:");
            cl.usage(cl.getErr());
            return ExitCodes.USAGE;
        }
    }
}
