package dev.buildrunner.cli;

import dev.buildrunner.analysis.drift.DriftAnalyzer;
import dev.buildrunner.analysis.drift.FrameworkRoutes;
import dev.buildrunner.analysis.gaps.GapAnalyzer;
import dev.buildrunner.analysis.quality.QualityAnalyzer;
import dev.buildrunner.plan.TaskStatus;
import dev.buildrunner.store.StoreException;
import dev.buildrunner.sync.TransitionException;
import java.time.Clock;
import picocli.CommandLine;

/** Entry point of {@code buildrunner.jar}: {@code java -jar buildrunner.jar <command>}. */
public final class Main {

    private Main() {
    }

    /** Runs {@code br} with the arguments and exits with its exit code (see {@link ExitCodes}). */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs {@code br} without exiting, printing to the process's stdout and stderr. */
    public static int run(String... args) {
        return commandLine(new Services(Clock.systemUTC())).execute(args);
    }

    /** Builds the command tree with its dependencies; tests call this with their own streams. */
    static CommandLine commandLine(Services services) {
        CommandLine br = new CommandLine(new Br());
        br.addSubcommand("spec", group("spec", "Read, compare and version the spec.")
                .addSubcommand("analyze", new SpecAnalyzeCommand(services))
                .addSubcommand("diff", new SpecDiffCommand(services))
                .addSubcommand("versions", new SpecVersionsCommand(services))
                .addSubcommand("rollback", new SpecRollbackCommand(services)));
        br.addSubcommand("task", group("task", "Generate the plan's tasks and move them along.")
                .addSubcommand("generate", new TaskGenerateCommand(services))
                .addSubcommand("list", new TaskListCommand(services))
                .addSubcommand("next", new TaskNextCommand(services))
                .addSubcommand("start", move(services, TaskStatus.IN_PROGRESS, "Mark a task in progress."))
                .addSubcommand("done", move(services, TaskStatus.DONE, "Mark a task done."))
                .addSubcommand("block", move(services, TaskStatus.BLOCKED, "Mark a task blocked.")));
        br.addSubcommand("plan", group("plan", "Show the plan on the buildrunner branch.")
                .addSubcommand("show", new PlanShowCommand(services)));
        br.addSubcommand("sync", new SyncCommand(services));
        br.addSubcommand("checkpoint", group("checkpoint", "Save and list checkpoints.")
                .addSubcommand("create", new CheckpointCreateCommand(services))
                .addSubcommand("list", new CheckpointListCommand(services)));
        br.addSubcommand("rollback", new RollbackCommand(services));
        br.addSubcommand("bench", new CommandLine(new BenchCommand(services))
                .addSubcommand("core", new BenchCommand(services))
                .addSubcommand("server", new ServerBenchCommand(services))
                .addSubcommand("quality", new QualityBenchCommand(services)));
        QualityOptions quality = new QualityOptions();
        CommandLine qualityCommand = analyser(services, "Check code quality (PMD, Checkstyle, complexity, SpotBugs with"
                + " find-sec-bugs, secrets): score 0-100 and the gate of .buildrunner/quality-standards.yaml.",
                s -> QualityAnalyzer.standard(quality.build));
        qualityCommand.addMixin("quality", quality);
        br.addSubcommand("quality", qualityCommand);
        br.addSubcommand("serve", new ServeCommand(services, System::getenv));
        br.addSubcommand("repo", new RepoCommand(services, System::getenv));
        br.addSubcommand("drift", analyser(services, "Architecture drift: the spec's consistency, what the change did"
                + " against the spec, and the rules of .buildrunner/architecture-rules.yaml (exit 1 on errors).",
                s -> new DriftAnalyzer(new FrameworkRoutes())));
        br.addSubcommand("hooks", group("hooks", "Install and run the client-side git hooks.")
                .addSubcommand("install", new HooksInstallCommand(services.hookLauncher()))
                .addSubcommand("uninstall", new HooksUninstallCommand())
                .addSubcommand("pre-push", new HooksPrePushCommand(services)));
        br.addSubcommand("gaps", analyser(services, "Compare the spec with the code: missing files, endpoints and UI"
                + " calls. Exit 1 when a gap is found.", s -> new GapAnalyzer()));
        br.setExecutionExceptionHandler((ex, line, parseResult) -> {
            if (ex instanceof CliException || ex instanceof StoreException || ex instanceof TransitionException
                    || ex instanceof java.io.IOException || ex instanceof java.io.UncheckedIOException) {
                line.getErr().println("br: " + ex.getMessage());
                return ExitCodes.USAGE;
            }
            line.getErr().println("br: internal error, please report it: " + ex);
            ex.printStackTrace(line.getErr());
            return ExitCodes.INTERNAL;
        });
        return br;
    }

    /**
     * {@code br NAME}: one analyser run by {@link AnalyseCommand}, with its own description.
     */
    private static CommandLine analyser(Services services, String description,
            java.util.function.Function<Services, dev.buildrunner.analysis.Analyser<? extends dev.buildrunner.analysis.AnalysisResult>> factory) {
        CommandLine cl = new CommandLine(new AnalyseCommand(services, factory));
        cl.getCommandSpec().usageMessage().description(description);
        return cl;
    }

    private static CommandLine group(String name, String description) {
        CommandLine cl = new CommandLine(new Br.Group(name, description));
        cl.getCommandSpec().usageMessage().description(description);
        return cl;
    }

    private static CommandLine move(Services services, TaskStatus target, String description) {
        CommandLine cl = new CommandLine(new TaskMoveCommand(services, target));
        cl.getCommandSpec().usageMessage().description(description);
        return cl;
    }
}
