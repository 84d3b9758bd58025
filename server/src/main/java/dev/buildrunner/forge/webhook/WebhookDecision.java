package dev.buildrunner.forge.webhook;

import java.util.Objects;

/**
 * What {@link WebhookReceiver#receive} decided about one delivery. {@link #httpStatus()} is the
 * status to answer with, except that an {@link Accepted} push must be journaled first
 * ({@link DeliveryJournal#append}); {@link WebhookInbox} does both.
 */
public sealed interface WebhookDecision
        permits WebhookDecision.Rejected, WebhookDecision.Ignored, WebhookDecision.Accepted {

    /** The HTTP status for this decision: 4xx for {@link Rejected}, 200 {@link Ignored}, 202 {@link Accepted}. */
    int httpStatus();

    /**
     * The delivery is refused; nothing of it may be used or stored.
     *
     * @param httpStatus 401 bad, missing or unconfigured signature or token; 400 malformed JSON,
     *     a missing or invalid field or header (named in the reason); 413 body over
     *     {@link WebhookReceiver#MAX_BODY_BYTES}; 415 not JSON
     * @param reason one line for the forge's delivery log, naming the header or field; never
     *     contains a secret or a computed signature
     */
    record Rejected(int httpStatus, String reason) implements WebhookDecision {
        /** @throws IllegalArgumentException unless {@code httpStatus} is 4xx */
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            if (httpStatus < 400 || httpStatus > 499) {
                throw new IllegalArgumentException("expected a 4xx status, got: " + httpStatus);
            }
        }
    }

    /**
     * A verified delivery of an event other than a push (GitHub {@code ping}, {@code pull_request},
     * a Gitea {@code create}, a GitLab {@code Merge Request Hook}...): acknowledged with 200,
     * nothing done.
     *
     * @param event the event name from the forge's event header
     */
    record Ignored(String event) implements WebhookDecision {
        /** Checks that the event name is present. */
        public Ignored {
            Objects.requireNonNull(event, "event");
        }

        @Override
        public int httpStatus() {
            return 200;
        }
    }

    /**
     * A push whose signature or token verified and whose fields are well formed. Journal it before
     * answering; answer 202 (work happens after the answer).
     *
     * @param event the pushed ref
     */
    record Accepted(PushEvent event) implements WebhookDecision {
        /** Checks that the event is present. */
        public Accepted {
            Objects.requireNonNull(event, "event");
        }

        @Override
        public int httpStatus() {
            return 202;
        }
    }
}
