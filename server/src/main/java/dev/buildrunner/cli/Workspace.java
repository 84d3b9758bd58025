package dev.buildrunner.cli;

import dev.buildrunner.store.StateStore;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * The repository a state command works on (found from {@code -C} or the current directory), its
 * state store, and who is acting. Closed after the command.
 */
final class Workspace implements AutoCloseable {
    private final Repository repository;
    private final StateStore store;

    private Workspace(Repository repository, StateStore store) {
        this.repository = repository;
        this.store = store;
    }

    /** Opens the repository containing {@code dir}; a CliException when there is none. */
    static Workspace open(Path dir, Services services) {
        try {
            Repository repo = SpecInput.openRepository(dir)
                    .orElseThrow(() -> new CliException(dir + ": not inside a git repository"));
            return new Workspace(repo, services.stateStore(repo));
        } catch (IOException e) {
            throw new CliException(dir + ": cannot open the git repository: " + e.getMessage(), e);
        }
    }

    Repository repository() {
        return repository;
    }

    StateStore store() {
        return store;
    }

    /** The spec committed at HEAD, and HEAD's id. */
    record HeadSpec(SpecInput input, String commitId) {
    }

    /** Reads {@code .buildrunner/PROJECT_SPEC.md} at HEAD; CliException when HEAD or the file is missing. */
    HeadSpec headSpec() {
        try {
            ObjectId head = repository.resolve("HEAD^{commit}");
            if (head == null) {
                throw new CliException(repository.getDirectory() + ": HEAD has no commit yet");
            }
            return new HeadSpec(SpecInput.readBlob(repository, "HEAD", SpecInput.DEFAULT_PATH), head.name());
        } catch (IOException e) {
            throw new CliException("HEAD:" + SpecInput.DEFAULT_PATH + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Who acts: git's {@code user.name} (and email), else the OS user. */
    String author() {
        String name = repository.getConfig().getString("user", null, "name");
        String email = repository.getConfig().getString("user", null, "email");
        if (name == null || name.isBlank()) {
            name = System.getProperty("user.name", "unknown");
        }
        return email == null || email.isBlank() ? name : name + " <" + email + ">";
    }

    @Override
    public void close() {
        repository.close();
    }
}
