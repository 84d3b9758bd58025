package dev.buildrunner.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The bare repositories under {@code <data>/repos/OWNER/NAME.git}: the embedded git host's and the
 * mirrors of forge repositories alike. Repositories are opened once and shared (JGit's
 * {@link Repository} is thread-safe); {@link #close()} closes them all. Thread-safe.
 */
public final class Repositories implements AutoCloseable {
    /** The branch a new embedded repository's HEAD points at. */
    public static final String DEFAULT_BRANCH = "main";

    private final Path root;
    private final Map<RepositoryName, Repository> open = new ConcurrentHashMap<>();

    /** @param root the {@code repos} directory; created when missing */
    public Repositories(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + this.root, e);
        }
    }

    /** Where a repository lives (whether or not it exists). */
    public Path directory(RepositoryName name) {
        return root.resolve(name.owner()).resolve(name.name() + ".git");
    }

    /** True when the repository exists. */
    public boolean exists(RepositoryName name) {
        return Files.isDirectory(directory(name).resolve("objects"));
    }

    /**
     * Creates an empty bare repository whose HEAD points at {@code refs/heads/main}.
     *
     * @return true when created, false when it existed already (nothing changed)
     * @throws UncheckedIOException when the disk refuses
     */
    public synchronized boolean create(RepositoryName name) {
        if (exists(name)) {
            return false;
        }
        Path dir = directory(name);
        try {
            Files.createDirectories(dir.getParent());
            Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
            repo.create(true);
            RefUpdate head = repo.updateRef(Constants.HEAD);
            head.disableRefLog();
            head.link(Constants.R_HEADS + DEFAULT_BRANCH);
            repo.getConfig().setBoolean("http", null, "receivepack", true);
            repo.getConfig().save();
            open.put(name, repo);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create repository " + name + " at " + dir, e);
        }
    }

    /**
     * True when the repository mirrors a forge's (config {@code buildrunner.mirror = true}): the
     * forge holds the truth, so the API may not edit it.
     */
    public boolean isMirror(RepositoryName name) {
        return open(name).map(r -> r.getConfig().getBoolean("buildrunner", null, "mirror", false)).orElse(false);
    }

    /** Opens an existing repository (shared instance), or empty when there is none. */
    public Optional<Repository> open(RepositoryName name) {
        if (!exists(name)) {
            return Optional.empty();
        }
        return Optional.of(open.computeIfAbsent(name, n -> {
            try {
                return new FileRepositoryBuilder().setGitDir(directory(n).toFile()).setBare().build();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open repository " + n, e);
            }
        }));
    }

    /** Every repository on disk, sorted by owner then name. */
    public List<RepositoryName> list() {
        List<RepositoryName> names = new ArrayList<>();
        try (Stream<Path> owners = Files.list(root)) {
            for (Path owner : owners.sorted().toList()) {
                try (Stream<Path> repos = Files.list(owner)) {
                    for (Path repo : repos.sorted().toList()) {
                        String file = repo.getFileName().toString();
                        if (file.endsWith(".git") && Files.isDirectory(repo.resolve("objects"))) {
                            names.add(new RepositoryName(owner.getFileName().toString(), file));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        return names;
    }

    /**
     * Deletes the lock files ({@code *.lock}) a killed process left in the repositories: at the top
     * of each git directory ({@code config.lock}, {@code packed-refs.lock}, {@code HEAD.lock}...)
     * and under its {@code refs/}. Git (and JGit) writes a file {@code X} by creating
     * {@code X.lock}, writing it and renaming it over {@code X}; a process killed in between
     * leaves the lock file, and every later write of {@code X} fails until someone deletes it, as
     * git's own message asks a user to. Call it only while no other process can write these
     * repositories and before serving: the server does, holding the data directory (the delivery
     * journal's lock).
     *
     * @return the lock files deleted
     * @throws UncheckedIOException when a directory cannot be listed or a file deleted
     */
    public List<Path> removeStaleLocks() {
        List<Path> removed = new ArrayList<>();
        for (RepositoryName name : list()) {
            Path dir = directory(name);
            try (Stream<Path> top = Files.list(dir); Stream<Path> refs = Files.isDirectory(dir.resolve("refs"))
                    ? Files.walk(dir.resolve("refs")) : Stream.empty()) {
                for (Path file : Stream.concat(top, refs).filter(Repositories::isLockFile).toList()) {
                    Files.deleteIfExists(file);
                    removed.add(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove stale lock files in " + dir, e);
            }
        }
        return removed;
    }

    private static boolean isLockFile(Path file) {
        return file.getFileName().toString().endsWith(".lock") && Files.isRegularFile(file);
    }

    @Override
    public void close() {
        open.values().forEach(Repository::close);
        open.clear();
    }
}
