package dev.buildrunner.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A real git repository in a temporary directory for analyser tests, made with the {@code git}
 * CLI: copy a test-resource directory in (for example {@code analysis/repos/spring-angular}),
 * commit, edit, commit again. {@link #tree()} gives the analysed {@link SourceTree} of HEAD.
 */
public final class FixtureRepo implements AutoCloseable {
    private final Path dir;
    private final Repository repository;

    private FixtureRepo(Path dir) throws IOException {
        this.dir = dir;
        this.repository = new FileRepositoryBuilder().setGitDir(dir.resolve(".git").toFile()).build();
    }

    /** An empty repository with one empty commit on {@code main}. */
    public static FixtureRepo empty(Path dir) {
        try {
            Files.createDirectories(dir);
            git(dir, "init", "-q", "-b", "main");
            git(dir, "config", "user.name", "Fixture");
            git(dir, "config", "user.email", "fixture@example.com");
            git(dir, "config", "commit.gpgsign", "false");
            git(dir, "commit", "-q", "--allow-empty", "-m", "empty");
            return new FixtureRepo(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A repository holding a copy of the test-resource directory {@code resourceDir}, committed. */
    public static FixtureRepo of(String resourceDir, Path dir) {
        FixtureRepo repo = empty(dir);
        repo.copyResource(resourceDir, "");
        repo.commit("fixture " + resourceDir);
        return repo;
    }

    /** Copies a test-resource directory's files to {@code target} (relative, "" for the root); not committed. */
    public FixtureRepo copyResource(String resourceDir, String target) {
        URL url = FixtureRepo.class.getClassLoader().getResource(resourceDir);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + resourceDir);
        }
        try {
            Path src = Path.of(url.toURI());
            Path to = dir.resolve(target);
            try (Stream<Path> walk = Files.walk(src)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    Path dest = to.resolve(src.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(dest);
                    } else {
                        Files.copy(p, dest, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a file (UTF-8), creating directories; not committed. */
    public FixtureRepo write(String path, String text) {
        try {
            Path p = dir.resolve(path);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a file; not committed. */
    public FixtureRepo delete(String path) {
        try {
            Files.delete(dir.resolve(path));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stages a path ({@code git add}). */
    public FixtureRepo add(String... paths) {
        List<String> args = new ArrayList<>(List.of("add", "-A", "--"));
        args.addAll(List.of(paths));
        git(dir, args.toArray(String[]::new));
        return this;
    }

    /** Stages everything and commits; returns the new HEAD id. */
    public String commit(String message) {
        git(dir, "add", "-A");
        git(dir, "commit", "-q", "--allow-empty", "-m", message);
        return head();
    }

    /** HEAD's commit id. */
    public String head() {
        return git(dir, "rev-parse", "HEAD").trim();
    }

    /** The tree of HEAD. */
    public SourceTree tree() {
        return GitTrees.atCommit(repository, ObjectId.fromString(head()));
    }

    /** The tree of a commit. */
    public SourceTree tree(String commit) {
        return GitTrees.atCommit(repository, ObjectId.fromString(commit));
    }

    public Path dir() {
        return dir;
    }

    public Repository repository() {
        return repository;
    }

    /** Runs git in {@code dir}; throws with its output when it fails. */
    public static String git(Path dir, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed in " + dir + ":\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        repository.close();
    }
}
