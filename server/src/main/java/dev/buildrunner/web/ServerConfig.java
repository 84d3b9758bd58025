package dev.buildrunner.web;

import dev.buildrunner.forge.status.StatusSink;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@code br serve} runs. Defaults (issue 4): data directory {@code ./.buildrunner-data}, port
 * 7070 on all interfaces, the admin token generated on first start.
 *
 * @param dataDir where repositories, the journal and the token live
 * @param host the interface to listen on ({@code 0.0.0.0} for all)
 * @param port the TCP port, 0 for any free one (tests)
 * @param publicUrl the base URL clients reach the server at, for {@code target_url}s; empty means
 *     {@code http://localhost:PORT}
 * @param webhookSecret the server-wide webhook secret ({@code BUILDRUNNER_WEBHOOK_SECRET}), if any
 * @param forgeSinks where mirrored repositories' statuses go, by forge ({@code github},
 *     {@code gitea}, {@code gitlab}); empty for none
 * @param fetchToken a token for fetching private forge repositories into mirrors, if any
 * @param analysers the analysers a push runs, from {@link #ANALYSERS}; each posts its own status
 * @param trackedRefs glob patterns of refs that move the plan besides the default branch, e.g.
 *     {@code refs/heads/release/*}; every other ref gets statuses and a preview only
 */
public record ServerConfig(Path dataDir, String host, int port, String publicUrl, Optional<String> webhookSecret,
        Map<String, StatusSink> forgeSinks, Optional<String> fetchToken, List<String> trackedRefs,
        List<String> analysers) {
    /** The default port (issue 4). */
    public static final int DEFAULT_PORT = 7070;
    /** The analysers a push runs by default, in status order (issue 5). */
    public static final List<String> ANALYSERS = List.of("gaps", "quality", "drift");

    public ServerConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("expected a port in 0..65535, got: " + port);
        }
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(webhookSecret, "webhookSecret");
        forgeSinks = Map.copyOf(forgeSinks);
        Objects.requireNonNull(fetchToken, "fetchToken");
        trackedRefs = List.copyOf(trackedRefs);
        analysers = List.copyOf(analysers);
        for (String a : analysers) {
            if (!ANALYSERS.contains(a)) {
                throw new IllegalArgumentException("unknown analyser '" + a + "'; expected some of " + ANALYSERS);
            }
        }
        for (String pattern : trackedRefs) {
            if (!pattern.startsWith("refs/")) {
                throw new IllegalArgumentException("tracked ref pattern must start with refs/, got: " + pattern);
            }
        }
    }

    /** The embedded default: no forge, no fetch token. */
    public static ServerConfig embedded(Path dataDir, String host, int port, Optional<String> webhookSecret) {
        return new ServerConfig(dataDir, host, port, "", webhookSecret, Map.of(), Optional.empty(), List.of(), ANALYSERS);
    }

    /** A copy that runs only the named analysers on a push (none for an empty list). */
    public ServerConfig withAnalysers(List<String> names) {
        return new ServerConfig(dataDir, host, port, publicUrl, webhookSecret, forgeSinks, fetchToken, trackedRefs, names);
    }
}
