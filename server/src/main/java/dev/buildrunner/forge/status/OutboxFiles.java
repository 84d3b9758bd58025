package dev.buildrunner.forge.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outbox's directory (one class names the format, STYLE.md item 3):
 * <ul>
 *   <li>{@code items/<seq, 19 digits>.json}: one pending status per file, a JSON object
 *       {@code {"v":1,"seq":..,"owner":..,"name":..,"sha":..,"state":..,"context":..,
 *       "description":..,"target_url":..,"enqueued_at":..}}. Written to a temp file, forced to
 *       disk, renamed atomically into place and the directory forced, so an item is either
 *       complete on disk or absent; deleted when sent, superseded or dead-lettered.
 *   <li>{@code dead-letter.jsonl}: one JSON line per given-up status (the item's fields plus
 *       {@code reason} and {@code dead_at}), appended and forced.
 * </ul>
 * Not thread-safe by itself; {@link StatusOutbox} serialises the calls that need it.
 */
final class OutboxFiles {
    static final String ITEMS = "items";
    static final String DEAD_LETTER = "dead-letter.jsonl";
    private static final Pattern ITEM_FILE = Pattern.compile("(\\d{19})\\.json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path dir;
    private final Path items;

    /** Opens (creating if needed) an outbox directory. */
    OutboxFiles(Path dir) {
        this.dir = dir;
        this.items = dir.resolve(ITEMS);
        try {
            Files.createDirectories(items);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the status outbox " + items, e);
        }
    }

    /** The items on disk, by sequence number, plus the files that could not be read. */
    record Loaded(List<OutboxItem> items, List<Path> unreadable) {
    }

    /** Reads every item; removes temp files left by a crash mid-write. */
    Loaded load() {
        List<OutboxItem> out = new ArrayList<>();
        List<Path> bad = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(items)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(".tmp")) {
                    Files.deleteIfExists(f);
                    continue;
                }
                Matcher m = ITEM_FILE.matcher(name);
                if (!m.matches()) {
                    continue;
                }
                try {
                    OutboxItem item = decode(MAPPER.readTree(Files.readAllBytes(f)));
                    if (item.seq() != Long.parseLong(m.group(1))) {
                        throw new IOException("seq " + item.seq() + " does not match the file name");
                    }
                    out.add(item);
                } catch (IOException | RuntimeException e) {
                    bad.add(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the status outbox " + items, e);
        }
        out.sort(Comparator.comparingLong(OutboxItem::seq));
        return new Loaded(out, bad);
    }

    /** Writes an item durably; when this returns the item survives a crash. */
    void write(OutboxItem item) {
        Path target = items.resolve(fileName(item.seq()));
        Path tmp = items.resolve("." + item.seq() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                writeFully(ch, MAPPER.writeValueAsBytes(encode(item)));
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory(items);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write status outbox item " + target, e);
        }
    }

    /** Deletes an item's file (no error when it is gone already). */
    void delete(long seq) {
        try {
            Files.deleteIfExists(items.resolve(fileName(seq)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete status outbox item " + seq, e);
        }
    }

    /** Moves an unreadable file out of the way, into {@code items/<name>.bad}. */
    void quarantine(Path file) {
        try {
            Files.move(file, file.resolveSibling(file.getFileName() + ".bad"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move aside unreadable outbox file " + file, e);
        }
    }

    /** Appends a dead letter durably. */
    void appendDeadLetter(DeadLetter d) {
        ObjectNode o = encode(d.item());
        o.put("reason", d.reason());
        o.put("dead_at", d.at().toString());
        byte[] line = (o.toString() + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(dir.resolve(DEAD_LETTER), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            writeFully(ch, line);
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + dir.resolve(DEAD_LETTER), e);
        }
    }

    /** Every dead letter, oldest first; lines that do not parse are skipped. */
    List<DeadLetter> deadLetters() {
        Path file = dir.resolve(DEAD_LETTER);
        List<DeadLetter> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode n = MAPPER.readTree(line);
                    out.add(new DeadLetter(decode(n), n.path("reason").asText(), Instant.parse(n.path("dead_at").asText())));
                } catch (IOException | RuntimeException e) {
                    // a torn last line after a crash: skip it
                }
            }
        } catch (NoSuchFileException e) {
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return out;
    }

    static String fileName(long seq) {
        return String.format("%019d.json", seq);
    }

    private static ObjectNode encode(OutboxItem item) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("v", 1);
        o.put("seq", item.seq());
        o.put("owner", item.repo().owner());
        o.put("name", item.repo().name());
        o.put("sha", item.sha());
        o.put("state", item.request().state().json());
        o.put("context", item.request().context());
        o.put("description", item.request().description());
        o.put("target_url", item.request().targetUrl());
        o.put("enqueued_at", item.enqueuedAt().toString());
        return o;
    }

    private static OutboxItem decode(JsonNode n) throws IOException {
        if (n == null || n.path("v").asInt() != 1) {
            throw new IOException("not a version 1 outbox item");
        }
        StatusState state = StatusState.fromJson(n.path("state").asText())
                .orElseThrow(() -> new IOException("bad state: " + n.path("state")));
        StatusRequest request = new StatusRequest(state, text(n, "context"), text(n, "description"),
                text(n, "target_url"));
        return new OutboxItem(n.path("seq").asLong(), new RepoCoordinates(n.path("owner").asText(),
                n.path("name").asText()), n.path("sha").asText(), request, Instant.parse(n.path("enqueued_at").asText()));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static void writeFully(FileChannel ch, byte[] bytes) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    private static void forceDirectory(Path directory) throws IOException {
        try (FileChannel ch = FileChannel.open(directory, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some file systems (and Windows) cannot open a directory: the rename is still atomic
            if (!System.getProperty("os.name", "").startsWith("Windows")) {
                throw e;
            }
        }
    }
}
