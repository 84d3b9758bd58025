package dev.buildrunner.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The analysers' reports, one per (repository, commit, analyser) as BRIEF.md keys analysis jobs:
 * {@code root/OWNER/NAME/SHA/ANALYSER.json} (the report) and {@code ANALYSER.sarif} (SARIF 2.1.0).
 * A report of a commit never changes (same code, same configuration in the commit, same result),
 * so a stored report is reused rather than recomputed: that makes a job idempotent and a retry
 * free. Files are written to a temporary name and moved into place: a crash leaves the whole
 * report or none. Reports are derived data, not state: deleting the directory loses nothing that
 * a re-run cannot rebuild, which is why they live in the data directory and not on the
 * {@code buildrunner} branch.
 */
public final class ReportStore {
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern ANALYSER = Pattern.compile("[a-z]+");

    /** The kinds of file kept per report. */
    public enum Kind {
        /** The analyser's own report as JSON. */
        JSON(".json"),
        /** The findings as SARIF 2.1.0. */
        SARIF(".sarif");

        private final String suffix;

        Kind(String suffix) {
            this.suffix = suffix;
        }
    }

    private final Path root;

    /** @param root the directory holding the reports (created on first write) */
    public ReportStore(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /**
     * Stores one report's files atomically (each file on its own; the SARIF last, so a report
     * with its SARIF is complete).
     *
     * @throws UncheckedIOException when the directory cannot be written
     */
    public void put(RepositoryName repo, String sha, String analyser, String json, String sarif) {
        write(path(repo, sha, analyser, Kind.JSON), json);
        write(path(repo, sha, analyser, Kind.SARIF), sarif);
    }

    /** A stored report file, or empty when there is none (yet). */
    public Optional<String> get(RepositoryName repo, String sha, String analyser, Kind kind) {
        try {
            return Optional.of(Files.readString(path(repo, sha, analyser, kind), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + analyser + " report of " + sha, e);
        }
    }

    /** True when the report and its SARIF are both stored. */
    public boolean has(RepositoryName repo, String sha, String analyser) {
        return Files.exists(path(repo, sha, analyser, Kind.SARIF)) && Files.exists(path(repo, sha, analyser, Kind.JSON));
    }

    /** The analysers with a stored report for a commit, sorted. */
    public List<String> analysers(RepositoryName repo, String sha) {
        Path dir = dir(repo, sha);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(Kind.JSON.suffix))
                    .map(n -> n.substring(0, n.length() - Kind.JSON.suffix.length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the reports of " + sha, e);
        }
    }

    private Path dir(RepositoryName repo, String sha) {
        if (!SHA.matcher(sha).matches()) {
            throw new IllegalArgumentException("expected a 40-hex commit id, got: " + sha);
        }
        return root.resolve(repo.owner()).resolve(repo.name()).resolve(sha);
    }

    private Path path(RepositoryName repo, String sha, String analyser, Kind kind) {
        if (!ANALYSER.matcher(analyser).matches()) {
            throw new IllegalArgumentException("unknown analyser: " + analyser);
        }
        return dir(repo, sha).resolve(analyser + kind.suffix);
    }

    private static void write(Path target, String text) {
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".report", ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
