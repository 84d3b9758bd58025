package dev.buildrunner.forge.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contract schemas of {@code src/test/resources/contracts/} (copies of shared/contracts),
 * validated with networknt json-schema-validator, draft 2020-12, with format assertion on (off by
 * default in 2020-12, where {@code format} is only an annotation). Thread-safe.
 */
public final class ContractSchemas {
    public static final ObjectMapper JSON = new ObjectMapper();

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /** The errors of {@code instance} against {@code contracts/<path>}; empty when valid. */
    public List<Error> errors(String path, JsonNode instance) {
        return schema(path).validate(instance);
    }

    /** As {@link #errors(String, JsonNode)} for JSON text. */
    public List<Error> errors(String path, String json) {
        try {
            return errors(path, JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A resource of {@code contracts/} parsed as JSON. */
    public static JsonNode resource(String path) {
        try (InputStream in = ContractSchemas.class.getResourceAsStream("/contracts/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource contracts/" + path);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Schema schema(String path) {
        return schemas.computeIfAbsent(path, p -> registry.getSchema(resource(p)));
    }
}
