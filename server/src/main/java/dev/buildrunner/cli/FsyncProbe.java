package dev.buildrunner.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * How long a small durable append takes in a directory: a 256-byte write, then
 * {@link FileChannel#force(boolean) force(false)}, as the webhook journal does before it lets the
 * server acknowledge (its group commit shares one force among the deliveries that queued up). This
 * is the floor under {@code br bench server}'s webhook ack latency on that disk.
 */
final class FsyncProbe {
    private FsyncProbe() {
    }

    /**
     * Appends and forces {@code count} times to a scratch file in {@code dir}, then deletes it.
     *
     * @param count how many forces, 1 to 10,000
     * @return the force latencies (write included), ms
     * @throws IOException when the file cannot be written
     */
    static Latencies measure(Path dir, int count) throws IOException {
        if (count < 1 || count > 10_000) {
            throw new IllegalArgumentException("expected 1 to 10,000 forces, got " + count);
        }
        Path file = dir.resolve("fsync-probe.bin");
        byte[] record = new byte[256];
        Arrays.fill(record, (byte) 'x');
        double[] ms = new double[count];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            for (int i = 0; i < count; i++) {
                long t0 = System.nanoTime();
                channel.write(ByteBuffer.wrap(record));
                channel.force(false);
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
        } finally {
            Files.deleteIfExists(file);
        }
        return Latencies.of(ms);
    }
}
