package dev.buildrunner.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * Logging of {@code br serve} (logback): BuildRunner's own events at INFO on stderr, either as
 * text or as one JSON object per line (logback's {@link JsonEncoder}, with the MDC keys
 * {@code repository}, {@code ref}, {@code delivery} the server sets while it works), for log
 * collectors. The CLI's other commands keep the quiet default of {@code logback.xml}.
 */
public final class ServerLogging {
    private ServerLogging() {
    }

    /**
     * Reconfigures the root appender.
     *
     * @param format {@code text} or {@code json}
     * @throws IllegalArgumentException for another format
     */
    public static void configure(String format) {
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("text") && !f.equals("json")) {
            throw new IllegalArgumentException("expected log format text or json, got: " + format);
        }
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another SLF4J provider: leave its configuration alone
        }
        Encoder<ILoggingEvent> encoder;
        if (f.equals("json")) {
            JsonEncoder json = new JsonEncoder();
            json.setContext(context);
            json.setWithFormattedMessage(true);
            json.start();
            encoder = json;
        } else {
            PatternLayoutEncoder text = new PatternLayoutEncoder();
            text.setContext(context);
            text.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSX} %-5level %logger{24} %mdc - %msg%n");
            text.start();
            encoder = text;
        }
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("STDERR");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.addAppender(appender);
        context.getLogger("dev.buildrunner").setLevel(Level.INFO);
    }
}
