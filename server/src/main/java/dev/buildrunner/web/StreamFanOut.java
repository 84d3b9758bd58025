package dev.buildrunner.web;

import dev.buildrunner.pipeline.PipelineEvent;
import dev.buildrunner.pipeline.RepositoryName;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Measures the live stream's fan-out for {@code br bench server} (issue 4: "WebSocket fan-out to
 * 1,000 clients, target p99 <= 100 ms"): connects N WebSocket clients (java.net.http, one client
 * for all) to one repository's {@code /stream}, then publishes M events one after another through
 * the server's {@link LiveStream} (the same call the pipeline makes) and records, at every client,
 * the time from the publish call to the complete message. The next event is published once every
 * client has the previous one (or the per-event timeout passed), so each figure is one event's
 * fan-out, not a queue. The publish call's own duration (the server handing the message to every
 * session) is reported too. Loopback only; everything is closed at the end.
 */
public final class StreamFanOut {
    /** Clients connecting at the same time (keeps the server's accept queue short). */
    private static final int CONNECT_WAVE = 50;

    private final BuildRunnerServer server;
    private final String token;

    /**
     * What one run measured.
     *
     * @param clients clients connected
     * @param events events published
     * @param receipts messages received over all clients and events ({@code clients * events} when
     *     none was lost)
     * @param connectMs how long connecting every client took, ms
     * @param latencyMs publish to receipt, one entry per receipt, ms
     * @param publishMs how long each publish call took (the server's loop handing the message to
     *     every session), one entry per event, ms
     */
    public record Result(int clients, int events, long receipts, double connectMs, double[] latencyMs,
            double[] publishMs) {
        public Result {
            latencyMs = latencyMs.clone();
            publishMs = publishMs.clone();
        }

        /** The latencies, a copy. */
        @Override
        public double[] latencyMs() {
            return latencyMs.clone();
        }

        /** The publish call durations, a copy. */
        @Override
        public double[] publishMs() {
            return publishMs.clone();
        }
    }

    /**
     * @param server a started server
     * @param token its admin token (the stream's bearer token)
     */
    public StreamFanOut(BuildRunnerServer server, String token) {
        this.server = Objects.requireNonNull(server, "server");
        this.token = Objects.requireNonNull(token, "token");
    }

    /**
     * Connects {@code clients} clients to {@code repository}'s stream and publishes {@code events}
     * events.
     *
     * @param timeout the longest wait for connecting all clients, and for one event to reach them
     * @throws IllegalArgumentException when clients or events is not positive
     * @throws IllegalStateException when the clients cannot all connect in time
     */
    public Result run(RepositoryName repository, int clients, int events, Duration timeout) throws InterruptedException {
        if (clients <= 0 || events <= 0) {
            throw new IllegalArgumentException("expected positive clients and events, got " + clients + " and " + events);
        }
        URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/api/repos/" + repository + "/stream");
        long[][] received = new long[events][clients];
        CountDownLatch[] arrived = new CountDownLatch[events];
        for (int e = 0; e < events; e++) {
            arrived[e] = new CountDownLatch(clients);
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        List<WebSocket> sockets = new ArrayList<>(clients);
        long c0 = System.nanoTime();
        try {
            for (int from = 0; from < clients; from += CONNECT_WAVE) {
                List<CompletableFuture<WebSocket>> wave = new ArrayList<>();
                for (int i = from; i < Math.min(clients, from + CONNECT_WAVE); i++) {
                    wave.add(http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                            .connectTimeout(timeout).buildAsync(uri, new Receiver(i, received, arrived)));
                }
                for (CompletableFuture<WebSocket> f : wave) {
                    sockets.add(f.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
                }
            }
            awaitListeners(repository, clients, System.nanoTime() + timeout.toNanos());
            double connectMs = (System.nanoTime() - c0) / 1e6;
            long[] sent = new long[events];
            double[] publishMs = new double[events];
            for (int e = 0; e < events; e++) {
                PipelineEvent event = new PipelineEvent("status", repository, "refs/heads/main", String.format("%040x", e),
                        "", "br bench server: fan-out event " + (e + 1) + " of " + events);
                sent[e] = System.nanoTime();
                server.stream().publish(event);
                publishMs[e] = (System.nanoTime() - sent[e]) / 1e6;
                arrived[e].await(timeout.toMillis(), TimeUnit.MILLISECONDS);
                Thread.sleep(10);
            }
            double[] latency = new double[events * clients];
            int n = 0;
            for (int e = 0; e < events; e++) {
                for (int i = 0; i < clients; i++) {
                    if (received[e][i] != 0) {
                        latency[n++] = (received[e][i] - sent[e]) / 1e6;
                    }
                }
            }
            return new Result(clients, events, n, connectMs, Arrays.copyOf(latency, n), publishMs);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("only " + sockets.size() + " of " + clients + " WebSocket clients connected to "
                    + uri + ": " + e, e);
        } finally {
            sockets.forEach(WebSocket::abort);
        }
    }

    private void awaitListeners(RepositoryName repository, int clients, long deadline) throws InterruptedException {
        while (server.stream().listeners(repository) < clients) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the server registered " + server.stream().listeners(repository) + " of "
                        + clients + " stream clients in time");
            }
            Thread.sleep(5);
        }
    }

    /** One client: notes the arrival time of each event, read from the commit id it carries. */
    private static final class Receiver implements WebSocket.Listener {
        private static final String COMMIT = "\"commit\":\"";
        private final int index;
        private final long[][] received;
        private final CountDownLatch[] arrived;
        private final StringBuilder partial = new StringBuilder();

        Receiver(int index, long[][] received, CountDownLatch[] arrived) {
            this.index = index;
            this.received = received;
            this.arrived = arrived;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            long now = System.nanoTime();
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                int at = text.indexOf(COMMIT);
                if (at >= 0 && text.length() >= at + COMMIT.length() + 40) {
                    int e = Integer.parseInt(text, at + COMMIT.length() + 32, at + COMMIT.length() + 40, 16);
                    if (e >= 0 && e < received.length && received[e][index] == 0) {
                        received[e][index] = now;
                        arrived[e].countDown();
                    }
                }
            }
            ws.request(1);
            return null;
        }
    }
}
