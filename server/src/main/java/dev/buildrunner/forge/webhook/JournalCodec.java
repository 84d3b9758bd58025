package dev.buildrunner.forge.webhook;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The journal's file format, in one place. A file is a 16-byte header, then records:
 *
 * <pre>
 * header:  "BRJ1"  base-seq:int64  crc32(first 12 bytes):int32
 * record:  length:int32  crc32(payload):int32  payload[length]
 * payload: type:byte  seq:int64  body
 *   'A' append:  appended-at-millis:int64  version:byte(1)  forge  delivery-id  repository  clone-url
 *                has-default-branch:byte [default-branch]  ref  before  after  created:byte
 *                deleted:byte  forced:byte(0 unknown, 1 false, 2 true)  pusher
 *   'D' done:    (nothing)
 *   'K' key:     appended-at-millis:int64  delivery-id  push-key   (a done delivery's dedup keys,
 *                written by compaction)
 * string:  length:int32  UTF-8 bytes
 * </pre>
 *
 * All integers are big-endian. {@code base-seq} is the last sequence number used before the file
 * was written, so numbering continues after compaction drops every record. A record whose length
 * or checksum does not hold is where the readable journal ends (a torn write).
 */
final class JournalCodec {
    static final int HEADER_BYTES = 16;
    static final int FRAME_OVERHEAD = 8;
    /** No record comes near this; a larger length field is garbage. */
    static final int MAX_PAYLOAD = 1 << 20;

    private static final byte[] MAGIC = {'B', 'R', 'J', '1'};
    private static final byte APPEND = 'A';
    private static final byte DONE = 'D';
    private static final byte KEY = 'K';
    private static final byte EVENT_VERSION = 1;

    /** One decoded record. */
    sealed interface Record permits Append, Done, Key {
        long seq();
    }

    /** A delivery was appended. */
    record Append(JournalEntry entry) implements Record {
        @Override
        public long seq() {
            return entry.seq();
        }
    }

    /** A delivery was processed. */
    record Done(long seq) implements Record {
    }

    /** A done delivery's dedup keys, carried over by compaction. */
    record Key(long seq, Instant appendedAt, String deliveryId, String pushKey) implements Record {
    }

    /** A record read at an offset: the record and the offset after it, or why none could be read. */
    record Read(Optional<Record> record, int next, String problem) {
    }

    private JournalCodec() {
    }

    static byte[] header(long baseSeq) {
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES);
        b.put(MAGIC).putLong(baseSeq);
        b.putInt(crc(b.array(), 0, 12));
        return b.array();
    }

    /** The base sequence number of a file that starts with a valid header, else empty. */
    static Optional<Long> readHeader(byte[] file) {
        if (file.length < HEADER_BYTES || !Arrays.equals(file, 0, 4, MAGIC, 0, 4)) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(file, 0, HEADER_BYTES);
        b.position(4);
        long base = b.getLong();
        return b.getInt() == crc(file, 0, 12) && base >= 0 ? Optional.of(base) : Optional.empty();
    }

    /** The framed bytes of a record: length, checksum, payload. */
    static byte[] frame(Record record) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(0);
            out.writeInt(0);
            if (record instanceof Append a) {
                writeAppend(out, a.entry());
            } else if (record instanceof Key k) {
                out.writeByte(KEY);
                out.writeLong(k.seq());
                out.writeLong(k.appendedAt().toEpochMilli());
                string(out, k.deliveryId());
                string(out, k.pushKey());
            } else {
                out.writeByte(DONE);
                out.writeLong(record.seq());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        byte[] frame = bytes.toByteArray();
        int length = frame.length - FRAME_OVERHEAD;
        if (length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("journal record of " + length + " bytes exceeds " + MAX_PAYLOAD);
        }
        ByteBuffer.wrap(frame).putInt(length).putInt(crc(frame, FRAME_OVERHEAD, length));
        return frame;
    }

    private static void writeAppend(DataOutputStream out, JournalEntry entry) throws IOException {
        PushEvent e = entry.event();
        out.writeByte(APPEND);
        out.writeLong(entry.seq());
        out.writeLong(entry.appendedAt().toEpochMilli());
        out.writeByte(EVENT_VERSION);
        string(out, e.forge().name());
        string(out, e.deliveryId());
        string(out, e.repository());
        string(out, e.cloneUrl());
        out.writeByte(e.defaultBranch().isPresent() ? 1 : 0);
        if (e.defaultBranch().isPresent()) {
            string(out, e.defaultBranch().get());
        }
        string(out, e.ref());
        string(out, e.before());
        string(out, e.after());
        out.writeByte(e.created() ? 1 : 0);
        out.writeByte(e.deleted() ? 1 : 0);
        out.writeByte(e.forced().map(f -> f ? 2 : 1).orElse(0));
        string(out, e.pusher());
    }

    /**
     * Reads the record at {@code offset}.
     *
     * @return the record and the next offset, or an empty record with the reason it could not be
     *     read (cut short, bad length, checksum mismatch, undecodable); {@code next} is then
     *     {@code offset}
     */
    static Read read(byte[] file, int offset) {
        int left = file.length - offset;
        if (left < FRAME_OVERHEAD) {
            return new Read(Optional.empty(), offset, left + " byte(s), shorter than a record header");
        }
        ByteBuffer b = ByteBuffer.wrap(file, offset, left);
        int length = b.getInt();
        int crc = b.getInt();
        if (length < 9 || length > MAX_PAYLOAD) {
            return new Read(Optional.empty(), offset, "invalid record length " + length);
        }
        if (length > left - FRAME_OVERHEAD) {
            return new Read(Optional.empty(), offset, "record of " + length + " bytes cut short at "
                    + (left - FRAME_OVERHEAD));
        }
        if (crc(file, offset + FRAME_OVERHEAD, length) != crc) {
            return new Read(Optional.empty(), offset, "checksum mismatch in a record of " + length + " bytes");
        }
        try {
            Record r = decode(ByteBuffer.wrap(file, offset + FRAME_OVERHEAD, length).slice());
            return new Read(Optional.of(r), offset + FRAME_OVERHEAD + length, "");
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            return new Read(Optional.empty(), offset, "undecodable record: " + e);
        }
    }

    private static Record decode(ByteBuffer b) {
        byte type = b.get();
        long seq = b.getLong();
        Record r = switch (type) {
            case APPEND -> new Append(readAppend(b, seq));
            case DONE -> new Done(seq);
            case KEY -> new Key(seq, Instant.ofEpochMilli(b.getLong()), string(b), string(b));
            default -> throw new IllegalArgumentException("unknown record type " + type);
        };
        if (b.hasRemaining()) {
            throw new IllegalArgumentException(b.remaining() + " unexpected trailing byte(s)");
        }
        return r;
    }

    private static JournalEntry readAppend(ByteBuffer b, long seq) {
        Instant at = Instant.ofEpochMilli(b.getLong());
        byte version = b.get();
        if (version != EVENT_VERSION) {
            throw new IllegalArgumentException("unknown event version " + version);
        }
        Forge forge = Forge.valueOf(string(b));
        String deliveryId = string(b);
        String repository = string(b);
        String cloneUrl = string(b);
        Optional<String> defaultBranch = b.get() == 1 ? Optional.of(string(b)) : Optional.empty();
        String ref = string(b);
        String before = string(b);
        String after = string(b);
        boolean created = b.get() == 1;
        boolean deleted = b.get() == 1;
        byte f = b.get();
        Optional<Boolean> forced = f == 0 ? Optional.empty() : Optional.of(f == 2);
        String pusher = string(b);
        return new JournalEntry(seq, at, new PushEvent(forge, deliveryId, repository, cloneUrl, defaultBranch, ref,
                before, after, created, deleted, forced, pusher));
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String string(ByteBuffer b) {
        int length = b.getInt();
        if (length < 0 || length > b.remaining()) {
            throw new IllegalArgumentException("invalid string length " + length);
        }
        byte[] bytes = new byte[length];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static int crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }
}
