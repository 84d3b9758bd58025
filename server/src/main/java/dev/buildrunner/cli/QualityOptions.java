package dev.buildrunner.cli;

import picocli.CommandLine.Option;

/** The options only {@code br quality} has, added to its {@link AnalyseCommand} as a mixin. */
final class QualityOptions {
    @Option(names = "--build", description = "Run spotbugs.build of .buildrunner/quality-standards.yaml first, "
            + "to compile the classes SpotBugs reads (never run otherwise).")
    boolean build;
}
