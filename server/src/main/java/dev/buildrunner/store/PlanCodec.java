package dev.buildrunner.store;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.buildrunner.plan.Plan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Converts a {@link Plan} to and from {@code plan/tasks.json}: UTF-8 JSON with a {@code "schema"}
 * version, every task with its fields in a fixed order (id, featureId, title, domain, complex,
 * estimateMinutes, status, dependsOn, files, fingerprint, followUpOf, history), then batches,
 * waves, criticalPath and diagnostics; enums as their lower-case labels; times as ISO-8601 UTC.
 *
 * <p>Encoding is deterministic: equal plans give equal bytes, and one task's status change is a
 * one-line git diff. Decoding accepts what any schema-1 writer wrote (unknown fields ignored,
 * optional fields defaulted) and every plan that encodes decodes back to an equal plan.
 * Thread-safe and stateless apart from an immutable Jackson mapper.
 */
public final class PlanCodec {
    /** The schema this version writes and the newest it reads. */
    public static final int SCHEMA = 1;

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    /** Creates a codec. */
    public PlanCodec() {
    }

    /**
     * Encodes a plan.
     *
     * @return the UTF-8 bytes of the JSON document, ending with a newline
     */
    public byte[] encode(Plan plan) {
        Objects.requireNonNull(plan, "plan");
        return PlanJsonWriter.write(plan, SCHEMA).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Decodes a plan.
     *
     * @param json the UTF-8 bytes of a document written by {@link #encode}
     * @param origin where it was read, the prefix of every error message, for example
     *     {@code plan/tasks.json at 1a2b3c4}
     * @return the plan
     * @throws CorruptStateException when the bytes are not JSON, the schema is newer than
     *     {@link #SCHEMA}, or a field is missing or invalid; the message names origin, object and
     *     field, for example {@code plan/tasks.json at 1a2b3c4: task T-7: invalid status: foo}
     */
    public Plan decode(byte[] json, String origin) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(origin, "origin");
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new CorruptStateException(origin + ": not valid JSON: " + e.getOriginalMessage() + where, e);
        } catch (IOException e) {
            throw new CorruptStateException(origin + ": unreadable: " + e.getMessage(), e);
        }
        return new PlanJsonReader(origin).read(root, SCHEMA);
    }
}
