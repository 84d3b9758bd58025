package dev.buildrunner.forge.status;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.revwalk.FooterKey;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * The storage format of statuses in git notes (STYLE.md item 3: one class names it).
 *
 * <p>The statuses of a commit are the note on that commit in {@link #NOTES_REF}: a UTF-8 blob of
 * JSON lines, one status per line in posting order, each line ending in {@code \n}, so that
 * {@code git notes --ref=buildrunner show <sha>} prints them and {@code git notes merge -s
 * cat_sort_uniq} can merge two histories. A line is
 * <pre>{"created_at":"2026-11-22T10:00:00Z","id":7,"state":"success","context":"buildrunner/spec",
 * "description":"spec OK","target_url":null,"creator":"buildrunner","updated_at":"2026-11-22T10:00:00Z"}</pre>
 * (on one line). The timestamp comes first so that a lexical sort is chronological, as in
 * git-appraise. Blank lines and lines that are no status (a hand-written {@code git notes
 * append}) are skipped when reading.
 *
 * <p>Each notes commit names in a trailer the highest status id allocated so far in the
 * repository ({@link #LAST_ID}), so a write finds the next id without reading every note.
 */
public final class StatusNotesFormat {
    /** The notes ref. */
    public static final String NOTES_REF = "refs/notes/buildrunner";
    /** Trailer of each notes commit: the highest status id allocated so far. */
    public static final FooterKey LAST_ID = new FooterKey("BuildRunner-Status-Id");
    /** Author and committer name of notes commits. */
    public static final String IDENT_NAME = "BuildRunner";
    /** Author and committer e-mail of notes commits. */
    public static final String IDENT_EMAIL = "buildrunner@localhost";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private StatusNotesFormat() {
    }

    /** One status as a JSON line, ending in {@code \n}. */
    public static byte[] encodeLine(CommitStatus s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("created_at", s.createdAt().toString());
            g.writeNumberField("id", s.id());
            g.writeStringField("state", s.state().json());
            g.writeStringField("context", s.context());
            g.writeStringField("description", s.description());
            g.writeStringField("target_url", s.targetUrl());
            g.writeStringField("creator", s.creator());
            g.writeStringField("updated_at", s.updatedAt().toString());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /**
     * The statuses of a note, in line order; blank lines and lines that are no status are
     * skipped.
     *
     * @param sha the commit the note is attached to (becomes {@link CommitStatus#sha()})
     * @param note the note blob
     */
    public static List<CommitStatus> decode(String sha, byte[] note) {
        List<CommitStatus> out = new ArrayList<>();
        String text = new String(note, StandardCharsets.UTF_8);
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end).strip();
            if (line.startsWith("{")) {
                decodeLine(sha, line).ifPresent(out::add);
            }
            start = end + 1;
        }
        return out;
    }

    /** One line as a status, or empty when the line is no well-formed status. */
    static Optional<CommitStatus> decodeLine(String sha, String line) {
        try {
            JsonNode n = MAPPER.readTree(line);
            Optional<StatusState> state = StatusState.fromJson(text(n, "state"));
            String context = text(n, "context");
            String creator = text(n, "creator");
            String created = text(n, "created_at");
            JsonNode id = n.get("id");
            if (state.isEmpty() || context == null || creator == null || created == null || id == null
                    || !id.canConvertToLong() || id.asLong() < 1) {
                return Optional.empty();
            }
            Instant createdAt = Instant.parse(created);
            String updated = text(n, "updated_at");
            Instant updatedAt = updated == null ? createdAt : Instant.parse(updated);
            return Optional.of(new CommitStatus(id.asLong(), sha, state.get(), context, text(n, "description"),
                    text(n, "target_url"), createdAt, updatedAt, creator));
        } catch (IOException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The message of the notes commit that adds status {@code s}. */
    public static String commitMessage(CommitStatus s) {
        return "Status " + s.context() + " " + s.state().json() + " on " + s.sha() + "\n\n"
                + LAST_ID.getName() + ": " + s.id() + "\n";
    }

    /** The highest status id recorded by a notes commit's trailer, if it has a valid one. */
    public static Optional<Long> lastId(RevCommit notesCommit) {
        List<String> values = notesCommit.getFooterLines(LAST_ID);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(values.get(values.size() - 1).strip());
            return id >= 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || !v.isTextual() ? null : v.asText();
    }
}
