package dev.buildrunner.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * {@code br serve} as a child process (the pattern of cli.ServeProcessTest): the test's class path,
 * a given data directory and port, the environment variables given (every other
 * {@code BUILDRUNNER_*} variable removed). Its output (stdout and stderr) is kept in
 * {@link #lines()}.
 */
final class ServeProcess implements AutoCloseable {
    private static final String LISTENING = "listening on http://localhost:";

    private final Process process;
    private final List<String> lines;

    private ServeProcess(Process process, List<String> lines) {
        this.process = process;
        this.lines = lines;
    }

    /** A TCP port that was free a moment ago (the same port serves both lives of a killed server). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * Starts {@code br serve --data DATA --port PORT --host 127.0.0.1} and returns once it printed
     * that it listens (so the journal's replay has been queued).
     *
     * @throws AssertionError when the output ends, or 60 s pass, before that line
     */
    static ServeProcess start(Path data, int port, Map<String, String> environment) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "dev.buildrunner.cli.Main", "serve", "--data", data.toString(), "--port", Integer.toString(port),
                "--host", "127.0.0.1", "--analysers", "none").redirectErrorStream(true); // delivery, not analysis
        pb.environment().keySet().removeIf(k -> k.startsWith("BUILDRUNNER_"));
        pb.environment().putAll(environment);
        Process p = pb.start();
        BufferedReader reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new CopyOnWriteArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            String line = reader.readLine();
            if (line == null || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new AssertionError("br serve did not start on port " + port + ": " + lines);
            }
            lines.add(line);
            if (line.contains(LISTENING + port)) {
                break;
            }
        }
        // keep draining so the child never blocks on a full pipe
        Thread drain = new Thread(() -> reader.lines().forEach(lines::add), "br-serve-output");
        drain.setDaemon(true);
        drain.start();
        return new ServeProcess(p, lines);
    }

    /** Everything the process printed so far. */
    List<String> lines() {
        return lines;
    }

    /** SIGKILL: no shutdown hook, no flush, no graceful stop; returns once the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("br serve still alive 30 s after SIGKILL");
        }
    }

    /** The exit code; the process must have ended. */
    int exitValue() {
        return process.exitValue();
    }

    /** SIGTERM (graceful stop), waiting up to 30 s, then SIGKILL. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
