package dev.buildrunner.forge.status;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A durable outbox of commit statuses for forges, so that a forge outage or a restart loses
 * nothing: {@link #enqueue} writes the status to disk (forced) before it returns, and a worker,
 * started and stopped explicitly, posts the waiting statuses through the {@link StatusSink} the
 * {@link SinkRouter} names, oldest first.
 *
 * <ul>
 *   <li><b>Coalescing.</b> Only the newest status of a (repository, sha, context) is worth sending
 *       (the forge shows the latest only): enqueuing a status drops an older waiting one of the
 *       same key. A status enqueued while an older one of its key is being posted is sent after
 *       it, so the forge always ends with the newest.
 *   <li><b>Outcomes.</b> Posted and Skipped: done, the file is deleted. Transient (5xx, network):
 *       retried with {@link Backoff} (exponential with jitter), and dead-lettered after failing
 *       for {@link Backoff#giveUpAfter()}. RetryAfter: nothing is sent to that sink until the
 *       wait has passed. Permanent (other 4xx): appended with the reason to the dead-letter file
 *       and deleted. A sink that throws counts as Transient.
 *   <li><b>Restart.</b> A new outbox on the same directory reads every waiting status at
 *       construction (a crash may leave two of one key: the newest wins) and delivers them once
 *       started. A crash between a successful post and the delete re-sends that status once
 *       (sinks skip or the forge shows it twice).
 * </ul>
 *
 * <p>Deliveries are serial on the worker (a status takes one forge request, usually well under a
 * second; this also keeps writes to one forge apart, as GitHub asks of integrations). Files are
 * described by {@link OutboxFiles}. Thread-safe.
 */
public final class StatusOutbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StatusOutbox.class);
    /** Wait before the worker runs again after an unexpected error (an I/O error of the outbox directory). */
    private static final Duration RECOVERY_WAIT = Duration.ofSeconds(5);

    private final OutboxFiles files;
    private final SinkRouter router;
    private final Clock clock;
    private final Scheduler scheduler;
    private final AutoCloseable ownedScheduler;
    private final Backoff backoff;
    private final RandomGenerator random;

    private final Object lock = new Object();
    private final ReentrantLock pumpLock = new ReentrantLock();
    private final Map<String, Entry> entries = new HashMap<>();
    private final Map<StatusSink, Instant> blockedUntil = new IdentityHashMap<>();
    private long nextSeq;
    private boolean running;
    private Scheduler.Cancellable wake;
    private Instant wakeAt;

    /** The waiting status of one key and its retry state; guarded by {@code lock}. */
    private static final class Entry {
        OutboxItem item;
        OutboxItem inFlight;
        int failures;
        Instant firstFailure;
        Instant due;
    }

    /**
     * An outbox on {@code dir} with the system clock, {@link Backoff#standard()} and its own
     * worker thread (stopped by {@link #close}).
     */
    public static StatusOutbox open(Path dir, SinkRouter router) {
        ThreadScheduler scheduler = new ThreadScheduler("status-outbox");
        return new StatusOutbox(dir, router, Clock.systemUTC(), scheduler, Backoff.standard(), new Random(), scheduler);
    }

    /**
     * An outbox on {@code dir} (created if missing); reads the statuses waiting there.
     *
     * @param dir the outbox directory, owned by this outbox alone (one process)
     * @param router the sink of each repository
     * @param clock the time of retries and dead letters
     * @param scheduler runs the worker; the caller keeps ownership
     * @param backoff retry waits for transient failures
     * @param random the jitter source
     * @throws java.io.UncheckedIOException when the directory cannot be created or read
     */
    public StatusOutbox(Path dir, SinkRouter router, Clock clock, Scheduler scheduler, Backoff backoff,
            RandomGenerator random) {
        this(dir, router, clock, scheduler, backoff, random, null);
    }

    private StatusOutbox(Path dir, SinkRouter router, Clock clock, Scheduler scheduler, Backoff backoff,
            RandomGenerator random, AutoCloseable ownedScheduler) {
        this.files = new OutboxFiles(Objects.requireNonNull(dir, "dir"));
        this.router = Objects.requireNonNull(router, "router");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.random = Objects.requireNonNull(random, "random");
        this.ownedScheduler = ownedScheduler;
        load();
    }

    /**
     * Adds a status; it is on disk when this returns. An older waiting status of the same
     * (repository, sha, context) is dropped.
     *
     * @param sha the full 40-hex commit id
     * @return the stored item
     * @throws IllegalArgumentException when {@code sha} is no full commit id
     * @throws java.io.UncheckedIOException when the item cannot be written (nothing was enqueued)
     */
    public OutboxItem enqueue(RepoCoordinates repo, String sha, StatusRequest request) {
        long seq;
        synchronized (lock) {
            seq = nextSeq++;
        }
        OutboxItem item = new OutboxItem(seq, repo, sha, request, clock.instant());
        files.write(item);
        synchronized (lock) {
            Entry e = entries.computeIfAbsent(item.key(), k -> new Entry());
            if (e.item != null && e.item.seq() > item.seq()) {
                files.delete(item.seq());
                return item;
            }
            if (e.item != null && e.item != e.inFlight) {
                files.delete(e.item.seq());
            }
            e.item = item;
            if (e.due == null) {
                e.due = clock.instant();
            }
            wakeAt(e.due);
        }
        return item;
    }

    /** Starts delivering (no effect when started). */
    public void start() {
        synchronized (lock) {
            if (running) {
                return;
            }
            running = true;
            wakeAt(clock.instant());
        }
    }

    /**
     * Stops delivering and waits for a post in progress to finish; waiting statuses stay on disk.
     * {@link #start} resumes.
     */
    public void stop() {
        synchronized (lock) {
            running = false;
            if (wake != null) {
                wake.cancel();
                wake = null;
                wakeAt = null;
            }
        }
        pumpLock.lock();
        pumpLock.unlock();
    }

    /** Stops, and ends the worker thread when the outbox made it ({@link #open}). */
    @Override
    public void close() {
        stop();
        if (ownedScheduler != null) {
            try {
                ownedScheduler.close();
            } catch (Exception e) {
                LOG.warn("closing the status outbox worker failed", e);
            }
        }
    }

    /** The statuses waiting (newest per key, including one being posted), oldest first. */
    public List<OutboxItem> pending() {
        synchronized (lock) {
            List<OutboxItem> out = new ArrayList<>();
            for (Entry e : entries.values()) {
                out.add(e.item);
            }
            out.sort(Comparator.comparingLong(OutboxItem::seq));
            return out;
        }
    }

    /** Every status given up on, oldest first, read from the dead-letter file. */
    public List<DeadLetter> deadLetters() {
        synchronized (lock) {
            return files.deadLetters();
        }
    }

    private void load() {
        OutboxFiles.Loaded loaded = files.load();
        Instant now = clock.instant();
        for (Path bad : loaded.unreadable()) {
            LOG.error("status outbox: cannot read {}; moved aside as .bad", bad);
            files.quarantine(bad);
        }
        for (OutboxItem item : loaded.items()) {
            Entry e = entries.computeIfAbsent(item.key(), k -> new Entry());
            if (e.item != null) {
                files.delete(e.item.seq());
            }
            e.item = item;
            e.due = now;
            nextSeq = Math.max(nextSeq, item.seq() + 1);
        }
    }

    /** Schedules the worker at {@code at} unless it is due sooner; caller holds {@code lock}. */
    private void wakeAt(Instant at) {
        if (!running || (wakeAt != null && !wakeAt.isAfter(at))) {
            return;
        }
        if (wake != null) {
            wake.cancel();
        }
        wakeAt = at;
        wake = scheduler.schedule(this::onWake, Duration.between(clock.instant(), at));
    }

    private void onWake() {
        synchronized (lock) {
            wake = null;
            wakeAt = null;
        }
        try {
            pump();
        } catch (RuntimeException ex) {
            // e.g. the disk refused a delete: keep the worker alive and try again shortly
            LOG.error("status outbox worker failed; retrying in {}", RECOVERY_WAIT, ex);
            synchronized (lock) {
                wakeAt(clock.instant().plus(RECOVERY_WAIT));
            }
        }
    }

    /** Posts every due status, one at a time, then schedules the next wake-up. */
    void pump() {
        pumpLock.lock();
        try {
            while (true) {
                Entry e;
                StatusSink sink;
                OutboxItem item;
                synchronized (lock) {
                    if (!running) {
                        return;
                    }
                    e = nextDue(clock.instant());
                    if (e == null) {
                        break;
                    }
                    item = e.item;
                    sink = router.sinkFor(item.repo()).orElse(null);
                    e.inFlight = item;
                }
                SinkOutcome outcome = sink == null
                        ? new SinkOutcome.Permanent("no status sink is configured for " + item.repo())
                        : post(sink, item);
                synchronized (lock) {
                    settle(e, item, sink, outcome);
                }
            }
            synchronized (lock) {
                nextWake().ifPresent(this::wakeAt);
            }
        } finally {
            pumpLock.unlock();
        }
    }

    private SinkOutcome post(StatusSink sink, OutboxItem item) {
        try {
            return Objects.requireNonNull(sink.post(item.repo(), item.sha(), item.request()), "sink outcome");
        } catch (RuntimeException ex) {
            LOG.warn("status sink {} failed on {} {}", sink, item.repo(), item.sha(), ex);
            return new SinkOutcome.Transient(ex.toString());
        }
    }

    /** The due entry with the oldest item, not in flight, whose sink is not rate-limited; caller holds {@code lock}. */
    private Entry nextDue(Instant now) {
        Entry best = null;
        for (Entry e : entries.values()) {
            if (e.inFlight != null || e.due.isAfter(now) || blocked(e.item).isAfter(now)) {
                continue;
            }
            if (best == null || e.item.seq() < best.item.seq()) {
                best = e;
            }
        }
        return best;
    }

    private Optional<Instant> nextWake() {
        Instant next = null;
        for (Entry e : entries.values()) {
            Instant at = e.due;
            Instant blocked = blocked(e.item);
            if (blocked.isAfter(at)) {
                at = blocked;
            }
            if (next == null || at.isBefore(next)) {
                next = at;
            }
        }
        return Optional.ofNullable(next);
    }

    private Instant blocked(OutboxItem item) {
        Optional<StatusSink> sink = router.sinkFor(item.repo());
        return sink.map(blockedUntil::get).orElse(Instant.MIN);
    }

    /** Applies an outcome to the entry; caller holds {@code lock}. */
    private void settle(Entry e, OutboxItem sent, StatusSink sink, SinkOutcome outcome) {
        Instant now = clock.instant();
        e.inFlight = null;
        boolean superseded = e.item != sent;
        if (superseded) {
            files.delete(sent.seq());
        }
        if (outcome instanceof SinkOutcome.Posted || outcome instanceof SinkOutcome.Skipped) {
            LOG.debug("status {} {} {}: {}", sent.repo(), sent.sha(), sent.request().context(), outcome);
            e.failures = 0;
            e.firstFailure = null;
            finishOrNext(e, sent, superseded, now);
        } else if (outcome instanceof SinkOutcome.RetryAfter r) {
            Instant until = now.plus(r.delay());
            blockedUntil.merge(sink, until, (a, b) -> a.isAfter(b) ? a : b);
            LOG.info("status sink {} rate-limited until {}: {}", sink, until, r.reason());
        } else if (outcome instanceof SinkOutcome.Transient t) {
            e.failures++;
            if (e.firstFailure == null) {
                e.firstFailure = now;
            }
            if (!now.isBefore(e.firstFailure.plus(backoff.giveUpAfter()))) {
                deadLetter(e.item, "gave up after failing for " + backoff.giveUpAfter() + " (" + e.failures
                        + " attempts); last: " + t.reason(), now);
                entries.remove(e.item.key());
            } else {
                e.due = now.plus(backoff.delay(e.failures, random));
                LOG.info("status {} {} {}: attempt {} failed ({}); next at {}", sent.repo(), sent.sha(),
                        sent.request().context(), e.failures, t.reason(), e.due);
            }
        } else if (outcome instanceof SinkOutcome.Permanent p) {
            deadLetter(sent, p.reason(), now);
            finishOrNext(e, sent, superseded, now);
        }
    }

    private void finishOrNext(Entry e, OutboxItem sent, boolean superseded, Instant now) {
        if (superseded) {
            e.due = now;
        } else {
            files.delete(sent.seq());
            entries.remove(sent.key());
        }
    }

    private void deadLetter(OutboxItem item, String reason, Instant now) {
        LOG.warn("status {} {} {} dead-lettered: {}", item.repo(), item.sha(), item.request().context(), reason);
        files.appendDeadLetter(new DeadLetter(item, reason, now));
        files.delete(item.seq());
    }
}
