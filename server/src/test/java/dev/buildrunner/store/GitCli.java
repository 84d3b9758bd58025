package dev.buildrunner.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code git} command line on a repository, for compatibility checks. */
final class GitCli {
    /** Exit code and combined output of one git command. */
    record Result(int exitCode, String output) {
    }

    private GitCli() {
    }

    /** Runs {@code git --git-dir=<gitDir> args...}, feeding {@code stdin} if not null. */
    static Result run(Path gitDir, String stdin, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.add("--git-dir=" + gitDir);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("git " + String.join(" ", args) + " timed out");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** Runs a git command that must succeed and returns its output. */
    static String ok(Path gitDir, String... args) throws IOException, InterruptedException {
        Result r = run(gitDir, null, args);
        if (r.exitCode() != 0) {
            throw new AssertionError("git " + String.join(" ", args) + " exited " + r.exitCode() + ":\n" + r.output());
        }
        return r.output();
    }
}
