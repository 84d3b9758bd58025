package dev.buildrunner.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Where a command reads a spec from: a file path, {@code REV:PATH} in the current repository, a
 * bare revision (meaning {@code REV:.buildrunner/PROJECT_SPEC.md}), {@code :PATH} or
 * {@code :N:PATH} for the staged content (git's index syntax, stage N of a merge, 0 by default:
 * what the pre-commit hook checks), or {@code -} for standard input.
 *
 * @param label how messages name the source, for example {@code HEAD~1:.buildrunner/PROJECT_SPEC.md}
 * @param text the spec text, decoded as UTF-8 (lossless for UTF-8 input)
 */
record SpecInput(String label, String text) {

    /** The default spec path inside a repository (BRIEF.md). */
    static final String DEFAULT_PATH = ".buildrunner/PROJECT_SPEC.md";

    /** How messages name standard input. */
    static final String STDIN_LABEL = "<stdin>";

    private static final Pattern INDEX_ARG = Pattern.compile("^:(?:([0-3]):)?(.+)$");

    /** Resolves an argument, reading {@code -} from the process's standard input. */
    static SpecInput resolve(String arg, Path dir) {
        return resolve(arg, dir, System.in);
    }

    /**
     * Resolves an argument as {@code br spec analyze|diff} take it. A file of that name wins
     * over the other readings.
     *
     * @param arg a path, {@code REV:PATH}, a revision, {@code :PATH}, {@code :N:PATH}, {@code -},
     *     or null for the default spec of {@code dir}
     * @param dir the working directory (the {@code -C} option)
     * @param stdin what {@code -} reads (to its end)
     * @throws CliException when nothing readable matches, naming the argument
     */
    static SpecInput resolve(String arg, Path dir, InputStream stdin) {
        if (arg == null) {
            Path root = repositoryRoot(dir).orElse(dir);
            return readFile(root.resolve(DEFAULT_PATH));
        }
        if (arg.equals("-")) {
            try {
                return new SpecInput(STDIN_LABEL, new String(stdin.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new CliException(STDIN_LABEL + ": cannot read: " + e.getMessage(), e);
            }
        }
        Path file = dir.resolve(arg);
        if (Files.isRegularFile(file)) {
            return readFile(file);
        }
        Matcher index = INDEX_ARG.matcher(arg);
        try (Repository repo = openRepository(dir).orElse(null)) {
            if (repo != null && index.matches()) {
                int stage = index.group(1) == null ? 0 : Integer.parseInt(index.group(1));
                return StagedSpec.read(repo, dir, stage, index.group(2));
            }
            if (repo != null) {
                int colon = arg.indexOf(':');
                if (colon > 0) {
                    return readBlob(repo, arg.substring(0, colon), arg.substring(colon + 1));
                }
                if (resolvesToCommit(repo, arg)) {
                    return readBlob(repo, arg, DEFAULT_PATH);
                }
            }
        } catch (IOException e) {
            throw new CliException(arg + ": cannot read: " + e.getMessage(), e);
        }
        if (index.matches()) {
            throw new CliException(arg + ": not inside a git repository (" + dir + ")");
        }
        throw new CliException(arg + ": no such file" + (arg.contains(":") ? " or revision" : ""));
    }

    private static boolean resolvesToCommit(Repository repo, String rev) throws IOException {
        try {
            return repo.resolve(rev + "^{commit}") != null;
        } catch (org.eclipse.jgit.errors.RevisionSyntaxException | org.eclipse.jgit.errors.AmbiguousObjectException
                | org.eclipse.jgit.errors.IncorrectObjectTypeException e) {
            return false;
        }
    }

    /** Reads a spec file; a missing or unreadable file is a {@link CliException} naming it. */
    static SpecInput readFile(Path file) {
        try {
            return new SpecInput(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CliException(file + ": no such file");
        } catch (IOException e) {
            throw new CliException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads {@code path} at revision {@code rev}; throws CliException naming both when absent. */
    static SpecInput readBlob(Repository repo, String rev, String path) throws IOException {
        String label = rev + ":" + path;
        ObjectId commitId;
        try {
            commitId = repo.resolve(rev + "^{commit}");
        } catch (org.eclipse.jgit.errors.RevisionSyntaxException e) {
            commitId = null;
        }
        if (commitId == null) {
            throw new CliException(label + ": unknown revision " + rev);
        }
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit commit = walk.parseCommit(commitId);
            try (TreeWalk tw = TreeWalk.forPath(repo, path, commit.getTree())) {
                if (tw == null) {
                    throw new CliException(label + ": no such path in " + commitId.abbreviate(7).name());
                }
                byte[] bytes = repo.open(tw.getObjectId(0)).getBytes();
                return new SpecInput(label, new String(bytes, StandardCharsets.UTF_8));
            }
        }
    }

    /** Opens the repository containing {@code dir}, if any (work tree or bare). */
    static Optional<Repository> openRepository(Path dir) throws IOException {
        FileRepositoryBuilder b = new FileRepositoryBuilder().readEnvironment().findGitDir(dir.toFile());
        if (b.getGitDir() == null) {
            return Optional.empty();
        }
        return Optional.of(b.build());
    }

    /** The work tree root of the repository containing {@code dir}, if any (none for a bare one). */
    static Optional<Path> repositoryRoot(Path dir) {
        try (Repository repo = openRepository(dir).orElse(null)) {
            if (repo == null || repo.isBare()) {
                return Optional.empty();
            }
            return Optional.of(repo.getWorkTree().toPath());
        } catch (IOException e) {
            throw new CliException(dir + ": cannot open the git repository: " + e.getMessage(), e);
        }
    }
}
