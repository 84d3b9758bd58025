package dev.buildrunner.analysis.quality;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code spotbugs.build}, the shell command that compiles the classes SpotBugs reads
 * ({@code sh -c COMMAND} in the work tree, output discarded but its last line kept for the
 * report). Only run when the caller allows it: a repository's configuration must not make a server
 * execute commands.
 */
final class BuildStep {
    private BuildStep() {
    }

    /**
     * Runs the command.
     *
     * @return empty on success, else why it failed (exit code or timeout, and the output's last line)
     */
    static Optional<String> run(String command, Path workDir, int timeoutSeconds) {
        Path log = null;
        try {
            log = Files.createTempFile("br-quality-build", ".log");
            Process p = new ProcessBuilder(List.of("sh", "-c", command)).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return Optional.of("build command timed out after " + timeoutSeconds + " s");
            }
            if (p.exitValue() != 0) {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                String last = lines.stream().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("").strip();
                return Optional.of("build command exited " + p.exitValue() + (last.isEmpty() ? "" : ": " + last));
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("build command could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("build command interrupted");
        } finally {
            deleteLog(log);
        }
    }

    private static void deleteLog(Path log) {
        try {
            if (log != null) {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            log.toFile().deleteOnExit();
        }
    }
}
