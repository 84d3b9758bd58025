package dev.buildrunner.forge.webhook;

import dev.buildrunner.forge.webhook.AppendResult.Appended;
import dev.buildrunner.forge.webhook.AppendResult.Duplicate;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable, append-only journal of accepted push deliveries, in one directory
 * ({@code <data>/journal/}): the web layer appends a delivery and acknowledges it only after
 * {@link #append} returns; the pipeline processes {@link #pending()} deliveries and marks each
 * {@link #markDone done}. After a crash, including {@code kill -9} or power loss, a reopened
 * journal lists every delivery whose append returned and that was not marked done.
 *
 * <p><b>Durability.</b> {@code append} and {@code markDone} return after their record is written
 * and {@link java.nio.channels.FileChannel#force forced}. One writer thread owns the file: callers hand it records
 * and wait, and it writes everything that queued up while it was forcing in one write and one
 * force (group commit), so many request threads cost one fsync per group, and an interrupted
 * request thread cannot close the file. Records carry a CRC32 ({@link JournalCodec}); a record
 * torn by a crash is found at open, truncated with a warning and reported in {@link #recovery()}.
 * Any I/O error while writing fails the journal: later calls throw, and a reopen recovers what is
 * on disk.
 *
 * <p><b>Dedup.</b> An append is a {@link Duplicate} if its delivery id, or its (repository, ref,
 * before, after) {@link PushEvent#pushKey() key}, matches a pending delivery or a done one still in
 * the retention window of {@link JournalOptions}: by default the last 10,000 deliveries, none older
 * than 7 days. Keys survive reopening and compaction within that window.
 *
 * <p><b>Compaction.</b> When the file passes {@link JournalOptions#compactAtBytes()} (and has
 * doubled since the last compaction) it is rewritten with only the pending deliveries and the
 * retained keys of done ones, to a temporary file renamed over the journal (atomic). A crash
 * during it leaves the old or the new file, both complete.
 *
 * <p><b>Exactly once.</b> {@code pending()} lists appended deliveries (durable ones only) that are
 * not done, in sequence order; a delivery marked done never appears again. A consumer that crashes
 * after processing a delivery but before {@code markDone} returned sees it again after a restart,
 * so processing must be idempotent per {@link JournalEntry#seq()} (for example, record the seq in
 * the commit it makes and skip a seq already recorded).
 *
 * <p>Thread-safe: any number of threads may append; mark each delivery done from one thread (one
 * consumer per repository). One process at a time: a lock file guards the directory.
 */
public final class DeliveryJournal implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryJournal.class);

    /**
     * What opening the journal found.
     *
     * @param pending deliveries pending after the open
     * @param validBytes the length of the journal file's readable part
     * @param discardedBytes bytes after it that were truncated (a torn last record); 0 normally
     * @param discardReason why they could not be read, or empty
     */
    public record Recovery(int pending, long validBytes, long discardedBytes, String discardReason) {
    }

    private final Path dir;
    private final Clock clock;
    private final FileLock lock;
    private final Recovery recovery;
    private final JournalWriter writer;
    private final Thread writerThread;

    /** Guards the index, queueing to the writer, and closed. */
    private final ReentrantLock indexLock = new ReentrantLock();
    private final JournalIndex index;
    private boolean closed;

    private DeliveryJournal(Path dir, JournalOptions options, Clock clock, boolean syncDirectory, FileLock lock,
            JournalFiles.Loaded loaded) {
        this.dir = dir;
        this.clock = clock;
        this.lock = lock;
        this.index = loaded.index();
        this.recovery = loaded.recovery();
        this.writer = new JournalWriter(dir, options, clock, syncDirectory, indexLock, loaded);
        this.writerThread = new Thread(writer, "delivery-journal " + dir.getFileName());
        this.writerThread.setDaemon(true);
    }

    /** Opens (or creates) the journal in {@code dir} with {@link JournalOptions#defaults()} and the UTC clock. */
    public static DeliveryJournal open(Path dir) throws IOException {
        return open(dir, JournalOptions.defaults(), Clock.systemUTC());
    }

    /**
     * Opens the journal in {@code dir}, creating the directory and the journal if absent, and
     * recovers its state (see {@link #recovery()}).
     *
     * @param clock the time recorded with each delivery, for the dedup retention window
     * @throws IOException if the directory cannot be used or another process has it open
     */
    public static DeliveryJournal open(Path dir, JournalOptions options, Clock clock) throws IOException {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(clock, "clock");
        Files.createDirectories(dir);
        FileLock lock = JournalFiles.lock(dir);
        try {
            boolean syncDirectory = JournalFiles.canForceDirectory(dir);
            JournalFiles.Loaded loaded = JournalFiles.load(dir, options, syncDirectory, clock.millis());
            loaded.index().evict(clock.instant());
            DeliveryJournal journal = new DeliveryJournal(dir, options, clock, syncDirectory, lock, loaded);
            journal.writerThread.start();
            return journal;
        } catch (IOException | RuntimeException e) {
            lock.channel().close();
            throw e;
        }
    }

    /** What the open found: pending count and any torn tail that was discarded. */
    public Recovery recovery() {
        return recovery;
    }

    /**
     * Journals a verified push, unless it repeats one journaled before.
     *
     * @return {@link Appended} with the new entry, or {@link Duplicate}; either way the record is on
     *     disk when this returns
     * @throws IOException if the record could not be written and forced (nothing is acknowledged),
     *     or the journal failed earlier
     * @throws InterruptedIOException if the thread was interrupted while waiting; the record may
     *     still reach the disk (a redelivery is then a duplicate)
     * @throws IllegalStateException if the journal is closed
     */
    public AppendResult append(PushEvent event) throws IOException {
        Objects.requireNonNull(event, "event");
        AppendResult result;
        JournalWriter.Request request = null;
        indexLock.lock();
        try {
            ensureUsable();
            Optional<Duplicate> duplicate = index.duplicateOf(event);
            if (duplicate.isPresent()) {
                result = duplicate.get();
                if (duplicate.get().seq() > writer.durableSeq()) {
                    // answer only once the earlier record is on disk
                    request = writer.submit(JournalWriter.Kind.BARRIER, null, 0);
                }
            } else {
                long seq = index.lastSeq() + 1;
                JournalEntry entry = new JournalEntry(seq, clock.instant().truncatedTo(ChronoUnit.MILLIS), event);
                byte[] frame = JournalCodec.frame(new JournalCodec.Append(entry));
                index.addPending(entry);
                index.evict(entry.appendedAt());
                request = writer.submit(JournalWriter.Kind.WRITE, frame, seq);
                result = new Appended(entry);
            }
        } finally {
            indexLock.unlock();
        }
        if (request != null) {
            await(request, "append " + event.describe());
        }
        return result;
    }

    /**
     * Marks a pending delivery processed: it leaves {@link #pending()} for good, and its dedup keys
     * stay for the retention window.
     *
     * @return true when it was pending and the mark is on disk; false if it is not pending (unknown,
     *     or done already)
     * @throws IOException if the mark could not be written and forced, or the journal failed
     */
    public boolean markDone(long seq) throws IOException {
        JournalWriter.Request request;
        indexLock.lock();
        try {
            ensureUsable();
            if (!index.markDone(seq)) {
                return false;
            }
            index.evict(clock.instant());
            request = writer.submit(JournalWriter.Kind.WRITE, JournalCodec.frame(new JournalCodec.Done(seq)), 0);
        } finally {
            indexLock.unlock();
        }
        await(request, "mark #" + seq + " done");
        return true;
    }

    /**
     * The deliveries on disk that are not done, in sequence order (oldest first): after a restart,
     * everything to replay.
     */
    public List<JournalEntry> pending() {
        indexLock.lock();
        try {
            return index.pending(writer.durableSeq());
        } finally {
            indexLock.unlock();
        }
    }

    /**
     * Rewrites the journal file now with only pending deliveries and retained keys (normally it
     * happens by itself, see {@link JournalOptions#compactAtBytes()}).
     *
     * @throws IOException if the journal failed; a failed rewrite itself is logged and leaves the
     *     old file in use
     */
    public void compact() throws IOException {
        JournalWriter.Request request;
        indexLock.lock();
        try {
            ensureUsable();
            request = writer.submit(JournalWriter.Kind.COMPACT, null, 0);
        } finally {
            indexLock.unlock();
        }
        await(request, "compact");
    }

    /** Finishes the queued writes, stops the writer thread and releases the directory. Idempotent. */
    @Override
    public void close() throws IOException {
        JournalWriter.Request request = null;
        indexLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (writer.failure() == null) {
                request = writer.submit(JournalWriter.Kind.CLOSE, null, 0);
            }
        } finally {
            indexLock.unlock();
        }
        try {
            if (request != null) {
                try {
                    request.done().join();
                } catch (CompletionException e) {
                    LOG.warn("delivery journal {}: closing after a failure: {}", dir, e.getCause().toString());
                }
            }
            writerThread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while closing the delivery journal " + dir);
        } finally {
            if (!writerThread.isAlive()) {
                writer.closeFile();
            }
            lock.channel().close();
        }
    }

    private void ensureUsable() throws IOException {
        if (closed) {
            throw new IllegalStateException("delivery journal " + dir + " is closed");
        }
        if (writer.failure() != null) {
            throw new IOException("delivery journal " + dir + " failed earlier; reopen it", writer.failure());
        }
    }

    private void await(JournalWriter.Request request, String what) throws IOException {
        try {
            request.done().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting for the delivery journal to " + what);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new IOException("delivery journal " + dir + " could not " + what + ": " + cause, cause);
        }
    }
}
