package dev.buildrunner.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Bare mirrors of forge repositories (issue 4: "the server keeps a bare mirror of each forge
 * repository ... and diffs before..after itself"). A webhook's ref is fetched from the payload's
 * clone URL into the mirror under the same name, exactly that ref (so the mirror's own
 * {@code buildrunner} branch is never overwritten by a fetch). Credentials, when configured, go as
 * HTTP basic (user {@code x-access-token}, the token as password: what GitHub, Gitea and GitLab
 * accept for tokens).
 */
public final class Mirrors {
    private final Repositories repositories;
    private final Optional<String> fetchToken;

    /** @param fetchToken a token for fetching private repositories, if any */
    public Mirrors(Repositories repositories, Optional<String> fetchToken) {
        this.repositories = Objects.requireNonNull(repositories, "repositories");
        this.fetchToken = Objects.requireNonNull(fetchToken, "fetchToken");
    }

    /**
     * Makes sure the mirror holds {@code ref} at the pushed commit: creates the mirror on first use,
     * points its HEAD at the forge's default branch, fetches the ref.
     *
     * @param defaultBranch the forge's default branch name ({@code main}), if the payload gave it
     * @throws UncheckedIOException when the fetch fails (the delivery stays pending and is retried)
     */
    public void fetch(RepositoryName name, String forge, String cloneUrl, Optional<String> defaultBranch, String ref) {
        repositories.create(name);
        Repository repo = repositories.open(name).orElseThrow();
        try {
            StoredConfig config = repo.getConfig();
            config.setBoolean("buildrunner", null, "mirror", true);
            config.setString("buildrunner", null, "forge", forge);
            config.setString("remote", "origin", "url", cloneUrl);
            config.save();
            if (defaultBranch.isPresent()) {
                RefUpdate head = repo.updateRef(Constants.HEAD);
                head.disableRefLog();
                head.link(Constants.R_HEADS + defaultBranch.get());
            }
            if (ref.equals(Constants.R_HEADS + "buildrunner")) {
                return;
            }
            try (Git git = new Git(repo)) {
                var fetch = git.fetch().setRemote(cloneUrl).setRefSpecs(List.of(new RefSpec("+" + ref + ":" + ref)));
                fetchToken.ifPresent(t -> fetch.setCredentialsProvider(new UsernamePasswordCredentialsProvider("x-access-token", t)));
                fetch.call();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update the mirror of " + name, e);
        } catch (GitAPIException e) {
            throw new UncheckedIOException("cannot fetch " + ref + " of " + name + " from " + cloneUrl,
                    new IOException(e.getMessage(), e));
        }
    }
}
