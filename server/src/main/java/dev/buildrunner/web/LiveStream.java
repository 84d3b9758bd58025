package dev.buildrunner.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.buildrunner.pipeline.PipelineEvent;
import dev.buildrunner.pipeline.RepositoryName;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.websocket.api.Callback;

/**
 * The per-repository WebSocket stream ({@code WS /api/repos/OWNER/NAME/stream}, seed 000's
 * {@code /api/prd/stream}): pushes {@code spec_updated}, {@code plan_regenerated} and
 * {@code status} events as JSON with their commit ids. Sends are asynchronous, so one slow client
 * never holds up the others or the pipeline. Clients authenticate with the admin token
 * ({@code Authorization: Bearer}, or {@code ?access_token=} for browsers, which cannot set headers
 * on a WebSocket). Thread-safe.
 */
final class LiveStream implements AutoCloseable {
    private final ObjectMapper json;
    private final Credentials credentials;
    private final Map<RepositoryName, Set<WsContext>> clients = new ConcurrentHashMap<>();

    LiveStream(ObjectMapper json, Credentials credentials) {
        this.json = Objects.requireNonNull(json, "json");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /** One event on the wire. */
    record Message(String type, String repository, String ref, String commit, String stateCommit, String detail) {
    }

    void configure(WsConfig ws) {
        ws.onConnect(ctx -> {
            String token = ctx.queryParam("access_token");
            if (!credentials.accepts(ctx.header("Authorization"))
                    && !(token != null && credentials.accepts("Bearer " + token))) {
                ctx.closeSession(1008, "authentication required: Authorization: Bearer TOKEN or ?access_token=");
                return;
            }
            ctx.session.setIdleTimeout(java.time.Duration.ofHours(1));
            clients.computeIfAbsent(name(ctx), k -> ConcurrentHashMap.newKeySet()).add(ctx);
        });
        ws.onClose(ctx -> remove(ctx));
        ws.onError(ctx -> remove(ctx));
    }

    private void remove(WsContext ctx) {
        Set<WsContext> set = clients.get(name(ctx));
        if (set != null) {
            set.remove(ctx);
        }
    }

    private static RepositoryName name(WsContext ctx) {
        return new RepositoryName(ctx.pathParam("owner"), ctx.pathParam("name"));
    }

    /** Number of clients listening to a repository. */
    int listeners(RepositoryName repository) {
        Set<WsContext> set = clients.get(repository);
        return set == null ? 0 : set.size();
    }

    /** Sends an event to every client of its repository; never blocks on a client. */
    void publish(PipelineEvent e) {
        Set<WsContext> set = clients.get(e.repository());
        if (set == null || set.isEmpty()) {
            return;
        }
        String text;
        try {
            text = json.writeValueAsString(new Message(e.type(), e.repository().toString(), e.ref(), e.commit(),
                    e.stateCommit(), e.detail()));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write event " + e.type(), ex);
        }
        for (WsContext ctx : set) {
            if (ctx.session.isOpen()) {
                ctx.session.sendText(text, Callback.NOOP);
            }
        }
    }

    @Override
    public void close() {
        clients.values().forEach(set -> set.forEach(ctx -> ctx.session.close()));
        clients.clear();
    }
}
