package dev.buildrunner.forge.webhook;

import dev.buildrunner.forge.webhook.AppendResult.Appended;
import dev.buildrunner.forge.webhook.WebhookDecision.Accepted;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A webhook route's whole job: decide ({@link WebhookReceiver}), journal an accepted push
 * ({@link DeliveryJournal}), and say what to answer. A Javalin route is then:
 *
 * <pre>{@code
 * config.routes.post("/webhooks/github", ctx -> {
 *     WebhookInbox.Reply r = inbox.receive(Forge.GITHUB, ctx.headerMap(), ctx.bodyAsBytes());
 *     ctx.status(r.status()).result(r.message());
 *     r.journaled().ifPresent(pipeline::submit);
 * });
 * }</pre>
 *
 * Nothing is journaled unless the signature verified. Thread-safe.
 */
public final class WebhookInbox {
    private final WebhookReceiver receiver;
    private final SecretLookup secrets;
    private final DeliveryJournal journal;

    /**
     * What to answer.
     *
     * @param status 202 a new push journaled; 200 a duplicate or an ignored event; 4xx rejected
     * @param message one line for the forge's delivery log
     * @param journaled the newly journaled delivery, to hand to the pipeline now; empty for
     *     anything else (a duplicate was handed over when it was first journaled)
     */
    public record Reply(int status, String message, Optional<JournalEntry> journaled) {
        /** Checks that message and journaled are present. */
        public Reply {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(journaled, "journaled");
        }
    }

    /** An inbox over a receiver, the secrets of the repositories and the journal (owned by the caller). */
    public WebhookInbox(WebhookReceiver receiver, SecretLookup secrets, DeliveryJournal journal) {
        this.receiver = Objects.requireNonNull(receiver, "receiver");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.journal = Objects.requireNonNull(journal, "journal");
    }

    /**
     * Handles one delivery. Returns after an accepted push is on disk, so answering with the
     * reply's status acknowledges only durable deliveries.
     *
     * @param forge the forge the route is for
     * @param headers the request headers, names in any case
     * @param rawBody the body exactly as received
     * @throws IOException if the journal cannot write: answer 503 so the forge shows the delivery
     *     as failed (GitHub does not redeliver by itself; GitLab and Gitea retry)
     */
    public Reply receive(Forge forge, Map<String, String> headers, byte[] rawBody) throws IOException {
        WebhookDecision decision = receiver.receive(forge, headers, rawBody, secrets);
        if (decision instanceof WebhookDecision.Rejected r) {
            return new Reply(r.httpStatus(), r.reason(), Optional.empty());
        }
        if (decision instanceof WebhookDecision.Ignored i) {
            return new Reply(200, "ignored event " + i.event(), Optional.empty());
        }
        PushEvent event = ((Accepted) decision).event();
        AppendResult result = journal.append(event);
        if (result instanceof Appended a) {
            return new Reply(202, "journaled " + event.describe() + " as #" + a.seq(), Optional.of(a.entry()));
        }
        return new Reply(200, "duplicate: " + ((AppendResult.Duplicate) result).reason(), Optional.empty());
    }
}
