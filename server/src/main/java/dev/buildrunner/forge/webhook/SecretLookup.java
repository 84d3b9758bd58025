package dev.buildrunner.forge.webhook;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the webhook secret of a repository comes from: a per-repository secret, defaulting to the
 * server-wide one ({@code BUILDRUNNER_WEBHOOK_SECRET}). An empty answer makes the receiver reject
 * the delivery with 401: a server with no secret configured accepts nothing (fail closed, unlike
 * the Jenkins github-plugin of JENKINS-48012).
 */
@FunctionalInterface
public interface SecretLookup {

    /**
     * The secret for a repository.
     *
     * @param repository the full name the delivery claims ({@code owner/name}, not yet verified);
     *     the empty string when the payload names no repository (an organisation-level ping)
     * @return the secret (HMAC key for GitHub and Gitea, token for GitLab); empty if none is
     *     configured. An empty string counts as none.
     */
    Optional<String> secretFor(String repository);

    /**
     * A lookup over a fixed table.
     *
     * @param perRepository secrets by repository full name, matched without regard to case (as
     *     GitHub and Gitea compare names)
     * @param serverWide the secret for every other repository, or empty for none
     */
    static SecretLookup of(Map<String, String> perRepository, Optional<String> serverWide) {
        Objects.requireNonNull(serverWide, "serverWide");
        Map<String, String> table = new HashMap<>();
        perRepository.forEach((name, secret) -> table.put(name.toLowerCase(Locale.ROOT), secret));
        return repository -> {
            String own = table.get(repository.toLowerCase(Locale.ROOT));
            return own != null ? Optional.of(own) : serverWide;
        };
    }

    /** The same secret for every repository. */
    static SecretLookup serverWide(String secret) {
        Optional<String> s = Optional.of(secret);
        return repository -> s;
    }
}
