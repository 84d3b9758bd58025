package dev.buildrunner.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import picocli.CommandLine;

/** Runs {@code br} in-process with captured output, as picocli's docs recommend for tests. */
final class CliRunner {
    record Result(int exitCode, String out, String err) {
    }

    private final Clock clock;

    CliRunner() {
        this(Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC));
    }

    CliRunner(Clock clock) {
        this.clock = clock;
    }

    Result run(String... args) {
        return runWithInput("", args);
    }

    /** Runs {@code br} with {@code input} as its standard input. */
    Result runWithInput(String input, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(new Services(clock,
                new java.io.ByteArrayInputStream(input.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
