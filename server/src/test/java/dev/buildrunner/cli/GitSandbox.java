package dev.buildrunner.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code git} command line in an isolated environment, for hook tests: its own HOME
 * (identity, {@code init.defaultBranch=main}, no global hooks path), no system config, none of
 * the caller's {@code GIT_*} or {@code BUILDRUNNER_*} variables, and a PATH without any
 * {@code br}. Hooks that git runs inherit this environment.
 */
final class GitSandbox {

    /** Exit code and combined stdout and stderr of one command. */
    record Result(int exitCode, String output) {
    }

    private final Path home;
    private final Map<String, String> env = new HashMap<>();

    /** Creates HOME (with a {@code .gitconfig}) under {@code root}. */
    GitSandbox(Path root) throws IOException {
        this.home = Files.createDirectories(root.resolve("home"));
        Files.writeString(home.resolve(".gitconfig"), """
                [user]
                \tname = Hook Test
                \temail = hooks@example.com
                [init]
                \tdefaultBranch = main
                [commit]
                \tgpgsign = false
                [advice]
                \tdetachedHead = false
                """);
        for (Map.Entry<String, String> e : System.getenv().entrySet()) {
            if (!e.getKey().startsWith("GIT_") && !e.getKey().startsWith("BUILDRUNNER_")) {
                env.put(e.getKey(), e.getValue());
            }
        }
        env.put("HOME", home.toString());
        env.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("LC_ALL", "C");
        env.put("PATH", pathWithoutBr(env.getOrDefault("PATH", "/usr/bin:/bin")));
    }

    /** Sets (or, with null, removes) a variable for the commands run from now on. */
    GitSandbox with(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    /** Runs {@code git args...} in {@code dir}, whatever its exit code. */
    Result git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.addAll(List.of(args));
        return exec(dir, cmd);
    }

    /** Runs a command in {@code dir} in this environment, whatever its exit code. */
    Result exec(Path dir, List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " timed out");
        }
        return new Result(p.exitValue(), out);
    }

    /** Runs git and fails the test unless it exits 0; returns its output. */
    String ok(Path dir, String... args) throws IOException, InterruptedException {
        Result r = git(dir, args);
        if (r.exitCode() != 0) {
            throw new AssertionError("git " + String.join(" ", args) + " exited " + r.exitCode() + ":\n" + r.output());
        }
        return r.output();
    }

    /**
     * Writes an executable sh script (mode 0755).
     *
     * @return the script's path
     */
    static Path script(Path file, String body) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    /**
     * A script that runs the real {@code br} of this build: this JVM's java with the test
     * classpath and {@code dev.buildrunner.cli.Main} (JIT limited to C1: a short-lived process).
     * Its {@code user.home} is {@code $HOME}, so that JGit reads the same user config as git.
     */
    static Path brWrapper(Path file) throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return script(file, "exec '" + java + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto \"-Duser.home=$HOME\" -cp '"
                + cp + "' dev.buildrunner.cli.Main \"$@\"");
    }

    private static String pathWithoutBr(String path) {
        List<String> keep = new ArrayList<>();
        for (String d : path.split(File.pathSeparator)) {
            if (!d.isEmpty() && !Files.isExecutable(Path.of(d, "br"))) {
                keep.add(d);
            }
        }
        return String.join(File.pathSeparator, keep);
    }
}
