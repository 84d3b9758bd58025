package dev.buildrunner.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** {@code br serve --log-format json}: one JSON object per line, with the MDC keys. */
class ServerLoggingTest {

    @Test
    void jsonFormatWritesOneObjectPerLineWithTheMdc() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ServerLogging.configure("json");
            MDC.put("repository", "acme/shop");
            LoggerFactory.getLogger("dev.buildrunner.web.Test").info("delivery {} processed", 7);
            MDC.clear();
        } finally {
            System.setErr(original);
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            context.reset();
            new ContextInitializer(context).autoConfig();
        }
        String line = captured.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.contains("delivery 7 processed")).findFirst().orElseThrow();
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("level").asText()).isEqualTo("INFO");
        assertThat(json.get("mdc").get("repository").asText()).isEqualTo("acme/shop");
    }

    @Test
    void unknownFormatIsRefused() {
        assertThatThrownBy(() -> ServerLogging.configure("xml")).hasMessageContaining("text or json");
    }
}
