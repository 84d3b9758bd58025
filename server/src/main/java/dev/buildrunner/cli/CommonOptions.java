package dev.buildrunner.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command takes: the directory to work in and JSON output. */
final class CommonOptions {
    @Option(names = "-C", paramLabel = "DIR", description = "Run as if started in DIR (like git -C).")
    Path directory;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    /** The working directory: {@code -C} when given, else the process's current directory. */
    Path dir() {
        return (directory != null ? directory : Path.of("")).toAbsolutePath().normalize();
    }
}
