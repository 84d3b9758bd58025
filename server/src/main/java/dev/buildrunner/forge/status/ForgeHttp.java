package dev.buildrunner.forge.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The HTTP side the forge sinks share: request defaults, the exchange, and the mapping of an
 * answer to a {@link SinkOutcome}. Rate-limit rules follow @octokit/plugin-throttling
 * (FORGE-NOTES.md section 0 item 7): {@code Retry-After} when given, else {@code
 * x-ratelimit-reset} + 1 s when {@code x-ratelimit-remaining} is 0, else 60 s for a 429.
 */
final class ForgeHttp {
    /** The {@code User-Agent} of every request (GitHub refuses requests without one). */
    static final String USER_AGENT = "BuildRunner";
    /** Per-request timeout: GitHub answers writes in well under a second; 10 s is GitLab's webhook timeout. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Wait after a 429 without headers: octokit's default for secondary rate limits. */
    static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofSeconds(60);
    /** Longest wait taken from a header; a larger value is treated as this (a broken header must not park the outbox for days). */
    static final Duration MAX_HEADER_WAIT = Duration.ofHours(24);

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern FULL_SHA = Pattern.compile("[0-9a-fA-F]{40}");
    private static final int MAX_REASON = 300;

    private final HttpClient client;
    private final Clock clock;

    ForgeHttp(HttpClient client, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A JSON POST with the common headers. */
    HttpRequest.Builder postJson(URI uri, ObjectNode body) {
        return HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("User-Agent", USER_AGENT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    }

    /** A GET with the common headers. */
    HttpRequest.Builder get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("User-Agent", USER_AGENT).GET();
    }

    /** Sends a request and maps the answer (or the I/O failure) to an outcome. */
    SinkOutcome send(HttpRequest request) {
        try {
            HttpResponse<String> r = exchange(request);
            return classify(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            return new SinkOutcome.Transient(request.method() + " " + request.uri() + ": " + e);
        }
    }

    /**
     * Sends a request and answers the response, whatever its status.
     *
     * @throws IOException on network errors and timeouts, and when interrupted (the interrupt flag is kept)
     */
    HttpResponse<String> exchange(HttpRequest request) throws IOException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /**
     * The outcome of an answer: 2xx Posted; 403/429 with rate-limit headers, or any 429,
     * RetryAfter; 5xx Transient; every other status Permanent.
     */
    SinkOutcome classify(int status, HttpHeaders headers, String body) {
        if (status >= 200 && status < 300) {
            return new SinkOutcome.Posted(status);
        }
        String reason = "HTTP " + status + ": " + message(body);
        if (status == 403 || status == 429) {
            Optional<Duration> wait = rateLimitWait(headers);
            if (wait.isPresent()) {
                return new SinkOutcome.RetryAfter(wait.get(), reason);
            }
            if (status == 429) {
                return new SinkOutcome.RetryAfter(DEFAULT_RATE_LIMIT_WAIT, reason);
            }
        }
        if (status >= 500) {
            return new SinkOutcome.Transient(reason);
        }
        return new SinkOutcome.Permanent(reason);
    }

    /**
     * The wait a rate-limited answer asks for: {@code Retry-After} (seconds or an HTTP date), else
     * reset + 1 s when {@code x-ratelimit-remaining} (GitLab: {@code ratelimit-remaining}) is 0.
     */
    Optional<Duration> rateLimitWait(HttpHeaders headers) {
        Optional<String> retryAfter = headers.firstValue("retry-after");
        if (retryAfter.isPresent()) {
            Optional<Duration> d = parseRetryAfter(retryAfter.get().strip());
            if (d.isPresent()) {
                return d.map(ForgeHttp::capped);
            }
        }
        for (String prefix : new String[] {"x-ratelimit-", "ratelimit-"}) {
            Optional<String> remaining = headers.firstValue(prefix + "remaining");
            Optional<String> reset = headers.firstValue(prefix + "reset");
            if (remaining.isPresent() && remaining.get().strip().equals("0") && reset.isPresent()) {
                try {
                    long value = Long.parseLong(reset.get().strip());
                    // seconds since the epoch; a value this large can only be milliseconds
                    Instant at = value > 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
                    Duration d = Duration.between(clock.instant(), at).plusSeconds(1);
                    return Optional.of(capped(d.isNegative() ? Duration.ofSeconds(1) : d));
                } catch (NumberFormatException e) {
                    // fall through: no usable reset
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Duration> parseRetryAfter(String value) {
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(clock.instant(), at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    private static Duration capped(Duration d) {
        return d.compareTo(MAX_HEADER_WAIT) > 0 ? MAX_HEADER_WAIT : d;
    }

    /** The forge's {@code message} (and GitHub's {@code errors[].message}s) of an error body, or its start. */
    static String message(String body) {
        if (body == null || body.isBlank()) {
            return "(no body)";
        }
        try {
            JsonNode n = MAPPER.readTree(body);
            if (n != null && n.hasNonNull("message")) {
                StringBuilder b = new StringBuilder(n.get("message").asText());
                JsonNode errors = n.get("errors");
                if (errors != null && errors.isArray()) {
                    for (JsonNode e : errors) {
                        if (e.hasNonNull("message")) {
                            b.append("; ").append(e.get("message").asText());
                        } else if (e.hasNonNull("field")) {
                            b.append("; ").append(e.path("field").asText()).append(' ').append(e.path("code").asText());
                        }
                    }
                }
                return shorten(b.toString());
            }
        } catch (IOException e) {
            // not JSON: use the text
        }
        return shorten(body.strip());
    }

    /** A new JSON object for a request body. */
    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Parses a response body, or empty when it is not JSON. */
    static Optional<JsonNode> parse(String body) {
        try {
            return Optional.ofNullable(MAPPER.readTree(body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Checks a sha is a full 40-hex id. */
    static String requireSha(String sha) {
        if (sha == null || !FULL_SHA.matcher(sha).matches()) {
            throw new IllegalArgumentException("expected a full 40-hex commit id, got: " + sha);
        }
        return sha.toLowerCase(java.util.Locale.ROOT);
    }

    /** A URL path segment, percent-encoded (space as %20, {@code /} as %2F). */
    static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A base URL without its trailing slash. */
    static String base(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static String shorten(String s) {
        return s.length() <= MAX_REASON ? s : s.substring(0, MAX_REASON) + "...";
    }
}
