package dev.buildrunner.forge.webhook;

import dev.buildrunner.forge.webhook.JournalCodec.Append;
import dev.buildrunner.forge.webhook.JournalCodec.Done;
import dev.buildrunner.forge.webhook.JournalCodec.Key;
import dev.buildrunner.forge.webhook.JournalCodec.Read;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal directory on disk: the lock file, reading and repairing the journal file at open,
 * and replacing it whole (write a temporary file, force it, rename it over the journal, force the
 * directory). A crash at any point of a replacement leaves either the old or the new file, both
 * complete; a leftover temporary file is deleted at the next open.
 */
final class JournalFiles {
    static final String JOURNAL = "deliveries.journal";
    static final String TEMPORARY = JOURNAL + ".tmp";
    static final String LOCK = "journal.lock";

    private static final Logger LOG = LoggerFactory.getLogger(JournalFiles.class);

    /** What reading a journal file found. */
    record Loaded(JournalIndex index, FileChannel channel, long fileBytes, DeliveryJournal.Recovery recovery) {
    }

    private JournalFiles() {
    }

    /**
     * Takes the directory's lock file, so that one process at a time owns the journal.
     *
     * @throws IOException if another process, or this one, holds it
     */
    static FileLock lock(Path dir) throws IOException {
        FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new IOException("delivery journal " + dir + " is open in another process");
            }
            return lock;
        } catch (OverlappingFileLockException e) {
            channel.close();
            throw new IOException("delivery journal " + dir + " is already open in this process", e);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Opens the journal file of {@code dir}, creating it if absent, and rebuilds the index. Reading
     * stops at the first record that is cut short or fails its checksum: the file is truncated
     * there, with a warning (a torn write from a crash; never fatal). A file with a damaged header
     * is moved aside to {@code deliveries.journal.corrupt-<millis>} and a new one started.
     *
     * @return the index, a channel positioned at the end of the valid records, and what was found
     */
    static Loaded load(Path dir, JournalOptions options, boolean syncDirectory, long now) throws IOException {
        Path file = dir.resolve(JOURNAL);
        Files.deleteIfExists(dir.resolve(TEMPORARY));
        if (!Files.exists(file)) {
            replace(dir, JournalCodec.header(0), syncDirectory).close();
        }
        byte[] bytes = Files.readAllBytes(file);
        Optional<Long> base = JournalCodec.readHeader(bytes);
        if (base.isEmpty()) {
            Path aside = dir.resolve(JOURNAL + ".corrupt-" + now);
            Files.move(file, aside);
            LOG.error("delivery journal {}: damaged header; moved the file to {} and started a new journal",
                    file, aside);
            replace(dir, JournalCodec.header(0), syncDirectory).close();
            bytes = Files.readAllBytes(file);
            base = JournalCodec.readHeader(bytes);
        }
        JournalIndex index = new JournalIndex(options, base.orElseThrow());
        int offset = JournalCodec.HEADER_BYTES;
        String problem = "";
        while (offset < bytes.length) {
            Read read = JournalCodec.read(bytes, offset);
            if (read.record().isEmpty()) {
                problem = read.problem();
                break;
            }
            apply(index, read.record().get());
            offset = read.next();
        }
        long discarded = bytes.length - offset;
        FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
        try {
            if (discarded > 0) {
                LOG.warn("delivery journal {}: ignoring the last {} byte(s) from offset {} ({}); "
                        + "a write torn by a crash, truncated", file, discarded, offset, problem);
                channel.truncate(offset);
                channel.force(true);
            }
            channel.position(offset);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new Loaded(index, channel, offset,
                new DeliveryJournal.Recovery(index.pendingCount(), offset, discarded, problem));
    }

    private static void apply(JournalIndex index, JournalCodec.Record record) {
        if (record instanceof Append a) {
            index.addPending(a.entry());
        } else if (record instanceof Key k) {
            index.addDone(k);
        } else if (record instanceof Done d) {
            index.markDone(d.seq());
        }
    }

    /** The bytes of a journal file holding {@code records} after a header with {@code baseSeq}. */
    static byte[] encode(long baseSeq, List<JournalCodec.Record> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(JournalCodec.HEADER_BYTES + 200 * records.size());
        out.writeBytes(JournalCodec.header(baseSeq));
        records.forEach(r -> out.writeBytes(JournalCodec.frame(r)));
        return out.toByteArray();
    }

    /**
     * Replaces the journal file of {@code dir} with {@code bytes}: written to a temporary file,
     * forced, renamed over the journal atomically, then the directory forced.
     *
     * @return a write channel on the new file, positioned at its end
     * @throws IOException if any step fails; if the rename happened the new file is in place
     */
    static FileChannel replace(Path dir, byte[] bytes, boolean syncDirectory) throws IOException {
        Path tmp = dir.resolve(TEMPORARY);
        FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                channel.write(b);
            }
            channel.force(true);
            Files.move(tmp, dir.resolve(JOURNAL), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            channel.close();
            Files.deleteIfExists(tmp);
            throw e;
        }
        if (syncDirectory) {
            try {
                forceDirectory(dir);
            } catch (IOException e) {
                channel.close();
                throw e;
            }
        }
        return channel;
    }

    /** Forces a directory's entries to disk (POSIX: fsync on the directory). */
    static void forceDirectory(Path dir) throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }

    /** Whether this platform can force a directory (Linux and macOS can; Windows cannot open one). */
    static boolean canForceDirectory(Path dir) {
        try {
            forceDirectory(dir);
            return true;
        } catch (IOException e) {
            LOG.debug("cannot force directory {}: {}", dir, e.toString());
            return false;
        }
    }
}
