package dev.buildrunner.forge.webhook;

import dev.buildrunner.forge.webhook.AppendResult.Appended;
import dev.buildrunner.forge.webhook.AppendResult.Duplicate;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
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
 * and {@link FileChannel#force forced}. One writer thread owns the file: callers hand it records
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

    private enum Kind { WRITE, BARRIER, COMPACT, CLOSE }

    /** A unit of work for the writer thread; the caller waits on {@code done}. */
    private record Request(Kind kind, byte[] frame, long appendSeq, CompletableFuture<Void> done) {
        static Request of(Kind kind, byte[] frame, long appendSeq) {
            return new Request(kind, frame, appendSeq, new CompletableFuture<>());
        }
    }

    /** The requests one writer round handles. */
    private static final class Round {
        final List<Request> writes = new ArrayList<>();
        final List<Request> compacts = new ArrayList<>();
        Request close;

        void add(Request r) {
            switch (r.kind()) {
                case WRITE, BARRIER -> writes.add(r);
                case COMPACT -> compacts.add(r);
                case CLOSE -> close = r;
                default -> throw new IllegalStateException("unknown request " + r.kind());
            }
        }

        void fail(Throwable cause) {
            writes.forEach(r -> r.done().completeExceptionally(cause));
            compacts.forEach(r -> r.done().completeExceptionally(cause));
            if (close != null) {
                close.done().completeExceptionally(cause);
            }
        }
    }

    private final Path dir;
    private final JournalOptions options;
    private final Clock clock;
    private final boolean syncDirectory;
    private final FileLock lock;
    private final Recovery recovery;
    private final Thread writer;

    /** Guards index, queue additions, closed and failure. */
    private final ReentrantLock indexLock = new ReentrantLock();
    private final JournalIndex index;
    private final LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private boolean closed;
    private volatile IOException failure;
    /** Every appended sequence number up to this one is on disk. */
    private volatile long durableSeq;

    // owned by the writer thread (and by open/close before it starts and after it ends)
    private FileChannel channel;
    private long fileBytes;
    private long compactedBytes;

    private DeliveryJournal(Path dir, JournalOptions options, Clock clock, boolean syncDirectory, FileLock lock,
            JournalFiles.Loaded loaded) {
        this.dir = dir;
        this.options = options;
        this.clock = clock;
        this.syncDirectory = syncDirectory;
        this.lock = lock;
        this.index = loaded.index();
        this.channel = loaded.channel();
        this.fileBytes = loaded.fileBytes();
        this.compactedBytes = loaded.fileBytes();
        this.recovery = loaded.recovery();
        this.durableSeq = index.lastSeq();
        this.writer = new Thread(this::runWriter, "delivery-journal " + dir.getFileName());
        this.writer.setDaemon(true);
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
            journal.writer.start();
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
     * @return {@link Appended} with the new sequence number, or {@link Duplicate}; either way the
     *     record is on disk when this returns
     * @throws IOException if the record could not be written and forced (nothing is acknowledged),
     *     or the journal failed earlier
     * @throws InterruptedIOException if the thread was interrupted while waiting; the record may
     *     still reach the disk (a redelivery is then a duplicate)
     * @throws IllegalStateException if the journal is closed
     */
    public AppendResult append(PushEvent event) throws IOException {
        Objects.requireNonNull(event, "event");
        AppendResult result;
        Request request = null;
        indexLock.lock();
        try {
            ensureUsable();
            Optional<Duplicate> duplicate = index.duplicateOf(event);
            if (duplicate.isPresent()) {
                result = duplicate.get();
                if (duplicate.get().seq() > durableSeq) {
                    request = enqueue(Kind.BARRIER, null, 0);   // answer after the earlier record is on disk
                }
            } else {
                long seq = index.lastSeq() + 1;
                JournalEntry entry = new JournalEntry(seq, clock.instant().truncatedTo(ChronoUnit.MILLIS), event);
                byte[] frame = JournalCodec.frame(new JournalCodec.Append(entry));
                index.addPending(entry);
                index.evict(entry.appendedAt());
                request = enqueue(Kind.WRITE, frame, seq);
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
        Request request;
        indexLock.lock();
        try {
            ensureUsable();
            if (!index.markDone(seq)) {
                return false;
            }
            index.evict(clock.instant());
            request = enqueue(Kind.WRITE, JournalCodec.frame(new JournalCodec.Done(seq)), 0);
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
            return index.pending(durableSeq);
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
        Request request;
        indexLock.lock();
        try {
            ensureUsable();
            request = enqueue(Kind.COMPACT, null, 0);
        } finally {
            indexLock.unlock();
        }
        await(request, "compact");
    }

    /**
     * Finishes the queued writes, stops the writer thread and releases the directory. Idempotent.
     */
    @Override
    public void close() throws IOException {
        Request request = null;
        indexLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (failure == null) {
                request = enqueue(Kind.CLOSE, null, 0);
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
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while closing the delivery journal " + dir);
        } finally {
            if (!writer.isAlive()) {
                channel.close();
            }
            lock.channel().close();
        }
    }

    private void ensureUsable() throws IOException {
        if (closed) {
            throw new IllegalStateException("delivery journal " + dir + " is closed");
        }
        if (failure != null) {
            throw new IOException("delivery journal " + dir + " failed earlier; reopen it", failure);
        }
    }

    /** Queues a request; the caller holds indexLock, so queue order is the order of index changes. */
    private Request enqueue(Kind kind, byte[] frame, long appendSeq) {
        Request r = Request.of(kind, frame, appendSeq);
        queue.add(r);
        return r;
    }

    private void await(Request request, String what) throws IOException {
        try {
            request.done().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting for the delivery journal to " + what);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalStateException ise) {
                throw new IllegalStateException(ise.getMessage(), ise);
            }
            throw new IOException("delivery journal " + dir + " could not " + what + ": " + cause, cause);
        }
    }

    private void runWriter() {
        Round round = new Round();
        try {
            while (true) {
                round = new Round();
                round.add(queue.take());
                List<Request> more = new ArrayList<>();
                queue.drainTo(more);
                more.forEach(round::add);
                flush(round.writes);
                if (!round.compacts.isEmpty() || (round.close == null && compactionDue())) {
                    rewrite(round);
                }
                round.compacts.forEach(r -> r.done().complete(null));
                if (round.close != null) {
                    round.close.done().complete(null);
                    return;
                }
            }
        } catch (Exception | Error e) {
            fail(round, e);
        }
    }

    /** Writes the frames of a group in one write, forces once, then releases the waiting callers. */
    private void flush(List<Request> group) throws IOException {
        List<ByteBuffer> buffers = new ArrayList<>(group.size());
        long total = 0;
        long maxSeq = 0;
        for (Request r : group) {
            if (r.frame() != null) {
                buffers.add(ByteBuffer.wrap(r.frame()));
                total += r.frame().length;
            }
            maxSeq = Math.max(maxSeq, r.appendSeq());
        }
        if (total > 0) {
            ByteBuffer[] array = buffers.toArray(ByteBuffer[]::new);
            long written = 0;
            while (written < total) {
                written += channel.write(array);
            }
            channel.force(false);
            fileBytes += total;
        }
        if (maxSeq > durableSeq) {
            durableSeq = maxSeq;
        }
        group.forEach(r -> r.done().complete(null));
    }

    private boolean compactionDue() {
        return fileBytes >= options.compactAtBytes() && fileBytes >= 2 * compactedBytes;
    }

    /**
     * Compaction. Under the index lock: write out what queued up meanwhile (so the old file and
     * the index agree), then snapshot the index; outside it: replace the file. A failure before
     * the rename keeps the old file (logged); after it, the journal fails.
     */
    private void rewrite(Round round) throws IOException {
        byte[] bytes;
        indexLock.lock();
        try {
            List<Request> late = new ArrayList<>();
            queue.drainTo(late);
            late.forEach(round::add);   // a failure below fails them with the round
            flush(late.stream().filter(r -> r.kind() == Kind.WRITE || r.kind() == Kind.BARRIER).toList());
            index.evict(clock.instant());
            bytes = JournalFiles.encode(index.lastSeq(), index.snapshot());
        } finally {
            indexLock.unlock();
        }
        FileChannel next;
        try {
            next = JournalFiles.replace(dir, bytes, false);
        } catch (IOException e) {
            LOG.warn("delivery journal {}: compaction failed, keeping the current file: {}", dir, e.toString());
            return;
        }
        FileChannel old = channel;
        channel = next;
        fileBytes = bytes.length;
        compactedBytes = bytes.length;
        old.close();
        if (syncDirectory) {
            JournalFiles.forceDirectory(dir);
        }
    }

    private void fail(Round round, Throwable e) {
        IOException io = e instanceof IOException ioe ? ioe : new IOException(e.toString(), e);
        LOG.error("delivery journal {} failed; appends are refused until it is reopened", dir, e);
        indexLock.lock();
        try {
            failure = io;
            List<Request> rest = new ArrayList<>();
            queue.drainTo(rest);
            rest.forEach(r -> r.done().completeExceptionally(io));
        } finally {
            indexLock.unlock();
        }
        round.fail(io);
    }
}
