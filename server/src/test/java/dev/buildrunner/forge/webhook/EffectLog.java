package dev.buildrunner.forge.webhook;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * The crash test's consumer: "processing" a delivery appends the line {@code <seq> <delivery id>}
 * to a file and forces it, and is idempotent per seq (a seq already in the file is skipped), which
 * is the contract {@link DeliveryJournal} asks of its consumer. A partial last line (killed
 * mid-write) is cut off when the log is opened.
 */
final class EffectLog implements Closeable {
    private final FileChannel channel;
    private final Set<Long> processed = new HashSet<>();

    private EffectLog(FileChannel channel, List<Long> seqs) {
        this.channel = channel;
        this.processed.addAll(seqs);
    }

    static EffectLog open(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        ch.truncate(end);
        ch.position(end);
        return new EffectLog(ch, seqs(new String(bytes, 0, end, StandardCharsets.UTF_8)));
    }

    /** Every seq of the complete lines of an effect log, in file order, repeats included. */
    static List<Long> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        String text = Files.readString(file);
        return seqs(text.substring(0, text.lastIndexOf('\n') + 1));
    }

    private static List<Long> seqs(String complete) {
        List<Long> seqs = new ArrayList<>();
        for (String line : complete.split("\n")) {
            if (!line.isEmpty()) {
                seqs.add(Long.parseLong(line.substring(0, line.indexOf(' '))));
            }
        }
        return seqs;
    }

    /**
     * Processes every pending delivery once (the effects of one pass are forced together, before
     * any of them is marked done), then marks each done and reports the mark.
     *
     * @return how many pending deliveries the pass saw
     */
    int drain(DeliveryJournal journal, LongConsumer onDone) throws IOException {
        List<JournalEntry> pending = journal.pending();
        StringBuilder lines = new StringBuilder();
        for (JournalEntry e : pending) {
            if (processed.add(e.seq())) {
                lines.append(e.seq()).append(' ').append(e.event().deliveryId()).append('\n');
            }
        }
        if (lines.length() > 0) {
            ByteBuffer b = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                channel.write(b);
            }
            channel.force(false);
        }
        for (JournalEntry e : pending) {
            if (journal.markDone(e.seq())) {
                onDone.accept(e.seq());
            }
        }
        return pending.size();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
