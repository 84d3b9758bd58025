package dev.buildrunner.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Real repositories for CLI tests, driven through the {@code git} command line. */
final class TestRepos {
    private TestRepos() {
    }

    /** Runs git in {@code dir} and returns its stdout; fails the test on a non-zero exit. */
    static String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=Test", "-c", "user.email=test@example.com",
                "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("git " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    /** A new repository in {@code dir} with {@code .buildrunner/PROJECT_SPEC.md} committed. */
    static void initWithSpec(Path dir, String spec) throws IOException, InterruptedException {
        git(dir, "init", "-q");
        git(dir, "config", "user.name", "Test");
        git(dir, "config", "user.email", "test@example.com");
        writeSpec(dir, spec);
        git(dir, "add", "-A");
        git(dir, "commit", "-q", "-m", "Add spec");
    }

    static void writeSpec(Path dir, String spec) throws IOException {
        Path file = dir.resolve(".buildrunner/PROJECT_SPEC.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, spec, StandardCharsets.UTF_8);
    }

    /** Reads a test resource under {@code specs/} (copies of ../shared/specs, see its README). */
    static String resource(String path) throws IOException {
        try (var in = TestRepos.class.getResourceAsStream("/specs/" + path)) {
            if (in == null) {
                throw new IOException("no test resource specs/" + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
