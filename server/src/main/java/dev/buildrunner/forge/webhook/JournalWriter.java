package dev.buildrunner.forge.webhook;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link DeliveryJournal}'s writer thread, the only code that touches the journal file after
 * opening. Callers queue {@link Request}s while holding the journal's index lock (so queue order is
 * the order of index changes) and wait on them; each round the thread takes everything queued,
 * writes the frames in one gathering write, forces once (group commit), then completes the round.
 *
 * <p>Compaction runs here too. Under the index lock it writes out whatever queued meanwhile, so the
 * old file and the index agree, and encodes a snapshot of the index; outside the lock it replaces
 * the file ({@link JournalFiles#replace}). A failure before the rename keeps the old file; any
 * other I/O error fails the journal: every waiting and later request gets the exception.
 */
final class JournalWriter implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(JournalWriter.class);

    /** What a request asks of the writer. */
    enum Kind {
        /** Write a frame; done when it is forced. */
        WRITE,
        /** Nothing to write; done when everything queued before it is forced. */
        BARRIER,
        /** Rewrite the file now; done when the new file is in place. */
        COMPACT,
        /** Finish what is queued and stop. */
        CLOSE
    }

    /**
     * A unit of work; the caller waits on {@code done}.
     *
     * @param appendSeq the sequence number of an append frame, else 0
     */
    record Request(Kind kind, byte[] frame, long appendSeq, CompletableFuture<Void> done) {
    }

    /** The requests of one round. */
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
    private final ReentrantLock indexLock;
    private final JournalIndex index;
    private final LinkedBlockingQueue<Request> queue = new LinkedBlockingQueue<>();
    private volatile IOException failure;
    private volatile long durableSeq;

    // confined to the writer thread while it runs
    private FileChannel channel;
    private long fileBytes;
    private long compactedBytes;

    JournalWriter(Path dir, JournalOptions options, Clock clock, boolean syncDirectory, ReentrantLock indexLock,
            JournalFiles.Loaded loaded) {
        this.dir = dir;
        this.options = options;
        this.clock = clock;
        this.syncDirectory = syncDirectory;
        this.indexLock = indexLock;
        this.index = loaded.index();
        this.channel = loaded.channel();
        this.fileBytes = loaded.fileBytes();
        this.compactedBytes = loaded.fileBytes();
        this.durableSeq = index.lastSeq();
    }

    /** Every appended sequence number up to this one is on disk. */
    long durableSeq() {
        return durableSeq;
    }

    /** The error that stopped the writer, or null. Read it under the index lock. */
    IOException failure() {
        return failure;
    }

    /** Queues a request; the caller holds the index lock and has checked {@link #failure()}. */
    Request submit(Kind kind, byte[] frame, long appendSeq) {
        Request r = new Request(kind, frame, appendSeq, new CompletableFuture<>());
        queue.add(r);
        return r;
    }

    /** Closes the file; only once the writer thread has ended. */
    void closeFile() throws IOException {
        channel.close();
    }

    @Override
    public void run() {
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
