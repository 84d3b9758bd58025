package dev.buildrunner.web;

import dev.buildrunner.forge.webhook.DeliveryJournal;
import dev.buildrunner.forge.webhook.Forge;
import dev.buildrunner.forge.webhook.JournalEntry;
import dev.buildrunner.forge.webhook.PushEvent;
import dev.buildrunner.forge.webhook.WebhookInbox;
import dev.buildrunner.pipeline.Mirrors;
import dev.buildrunner.pipeline.PushPipeline;
import dev.buildrunner.pipeline.PushReport;
import dev.buildrunner.pipeline.RefChange;
import dev.buildrunner.pipeline.RepositoryLanes;
import dev.buildrunner.pipeline.RepositoryName;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/github|gitea|forgejo|gitlab}: verify, journal durably, acknowledge, then
 * work (issue 4 item 4). The acknowledgement (202) is sent only after the delivery is on disk;
 * the work (fetch into the mirror, pipeline, statuses) runs afterwards on the repository's lane,
 * and the delivery is marked done when it finished. Deliveries still pending at start are
 * replayed ({@link #replayPending()}). Processing twice is harmless (the pipeline is idempotent),
 * so a crash between the work and {@code markDone} costs a repeat, never a loss.
 *
 * <p><b>Order.</b> Deliveries reach their repository's lane in journal order (sequence number),
 * each exactly once per process: a route hands over every durable pending delivery it has not
 * handed over yet, oldest first, under one lock, and nothing is handed over before the replay at
 * start. Without this, a forge retrying during a restart could have its new delivery processed
 * before the older replayed ones (the plan would move back to an older spec, and the replayed
 * delivery would be processed a second time after it), and two concurrent requests could reach
 * the lane in the opposite order of their journal records.
 *
 * <p>{@code GET /api/deliveries/pending} shows the backlog: deliveries journaled and not done.
 */
final class WebhookRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookRoutes.class);

    private final WebhookInbox inbox;
    private final DeliveryJournal journal;
    private final Mirrors mirrors;
    private final PushPipeline pipeline;
    private final RepositoryLanes lanes;

    /** Guards {@link #handedOver}, {@link #replayed} and {@link #replayedAtStart}. */
    private final Object order = new Object();
    /** The highest journal sequence number handed to a lane by this process. */
    private long handedOver;
    private boolean replayed;
    private int replayedAtStart;

    WebhookRoutes(WebhookInbox inbox, DeliveryJournal journal, Mirrors mirrors, PushPipeline pipeline,
            RepositoryLanes lanes) {
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.mirrors = Objects.requireNonNull(mirrors, "mirrors");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.lanes = Objects.requireNonNull(lanes, "lanes");
    }

    void register(RoutesConfig routes) {
        routes.post("/webhooks/{forge}", this::receive);
        routes.get("/api/deliveries/pending", ctx -> ctx.json(pending(100)));
    }

    private void receive(Context ctx) throws IOException {
        Forge forge = switch (ctx.pathParam("forge").toLowerCase(Locale.ROOT)) {
            case "github" -> Forge.GITHUB;
            case "gitea", "forgejo", "gogs" -> Forge.GITEA;
            case "gitlab" -> Forge.GITLAB;
            default -> null;
        };
        if (forge == null) {
            ctx.status(404).json(new ApiError("unknown forge: expected github, gitea, forgejo or gitlab", null));
            return;
        }
        WebhookInbox.Reply reply = inbox.receive(forge, ctx.headerMap(), ctx.bodyAsBytes());
        if (reply.journaled().isPresent()) {
            handOver();
        }
        ctx.status(reply.status()).json(Map.of("message", reply.message()));
    }

    /**
     * Re-queues every delivery acknowledged but not done before the last stop, then lets the
     * routes hand over new ones (which queue behind these); returns how many it queued.
     */
    int replayPending() {
        synchronized (order) {
            replayed = true;
            replayedAtStart = handOver();
            return replayedAtStart;
        }
    }

    /**
     * Queues, in sequence order, every durable pending delivery not queued yet by this process;
     * before the replay at start, nothing (the replay will take them). Returns how many it queued.
     */
    private int handOver() {
        synchronized (order) {
            if (!replayed) {
                return 0;
            }
            int n = 0;
            for (JournalEntry entry : journal.pending()) {
                if (entry.seq() > handedOver) {
                    dispatch(entry);
                    handedOver = entry.seq();
                    n++;
                }
            }
            return n;
        }
    }

    /**
     * What {@code GET /api/deliveries/pending} shows: the deliveries journaled and not done yet
     * (oldest first, at most {@code limit} listed), and how many the replay at start queued.
     */
    PendingView pending(int limit) {
        List<JournalEntry> pending = journal.pending();
        int replayedCount;
        synchronized (order) {
            replayedCount = replayedAtStart;
        }
        return new PendingView(pending.size(), replayedCount,
                pending.stream().limit(limit).map(PendingDelivery::of).toList());
    }

    /** The pending deliveries as the API shows them. */
    record PendingView(int pending, int replayedAtStart, List<PendingDelivery> deliveries) {
    }

    /** One pending delivery as the API shows it; {@code appendedAt} is ISO-8601 UTC. */
    record PendingDelivery(long seq, String deliveryId, String forge, String repository, String ref, String before,
            String after, String appendedAt) {
        static PendingDelivery of(JournalEntry e) {
            PushEvent p = e.event();
            return new PendingDelivery(e.seq(), p.deliveryId(), p.forge().name().toLowerCase(Locale.ROOT),
                    p.repository(), p.ref(), p.before(), p.after(), e.appendedAt().toString());
        }
    }

    /** Queues one journaled delivery on its repository's lane (callers keep the order, see {@link #handOver}). */
    private CompletableFuture<PushReport> dispatch(JournalEntry entry) {
        PushEvent e = entry.event();
        RepositoryName name = mirrorName(e.repository());
        return lanes.submit(name, () -> {
            org.slf4j.MDC.put("repository", name.toString());
            org.slf4j.MDC.put("ref", e.ref());
            org.slf4j.MDC.put("delivery", e.deliveryId());
            try {
                return work(entry, e, name);
            } finally {
                org.slf4j.MDC.clear();
            }
        }).whenComplete((r, ex) -> {
            if (ex != null) {
                LOG.warn("delivery {} ({}) failed; it stays pending and is retried at the next start", entry.seq(),
                        e.describe(), ex);
            }
        });
    }

    private PushReport work(JournalEntry entry, PushEvent e, RepositoryName name) {
        mirrors.fetch(name, e.forge().name().toLowerCase(Locale.ROOT), e.cloneUrl(), e.defaultBranch(), e.ref());
        RefChange change = new RefChange(name, e.ref(), e.before(), e.after(),
                e.forge().name().toLowerCase(Locale.ROOT), e.deliveryId(), e.pusher());
        PushReport report = pipeline.process(change);
        try {
            journal.markDone(entry.seq());
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot mark delivery " + entry.seq() + " done", ex);
        }
        LOG.info("delivery {} processed: {}", entry.seq(), String.join("; ", report.lines()));
        return report;
    }

    /**
     * The mirror's name: {@code owner/name}; nested GitLab groups ({@code group/sub/project}) keep
     * their path with {@code /} turned into {@code .} in the owner.
     */
    static RepositoryName mirrorName(String fullName) {
        int last = fullName.lastIndexOf('/');
        if (last < 0) {
            throw new IllegalArgumentException("expected OWNER/NAME, got: " + fullName);
        }
        return new RepositoryName(fullName.substring(0, last).replace('/', '.'), fullName.substring(last + 1));
    }
}
