package dev.buildrunner.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.buildrunner.pipeline.RepositoryName;
import dev.buildrunner.spec.Feature;
import dev.buildrunner.web.AdminToken;
import dev.buildrunner.web.BuildRunnerServer;
import dev.buildrunner.web.ServerConfig;
import dev.buildrunner.web.StreamFanOut;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code br bench server [--json] [FILE]}: starts a {@link BuildRunnerServer} in-process on
 * 127.0.0.1 (any free port) over a temporary data directory and measures issue 4's three figures:
 * push to {@code buildrunner/plan} status ({@link PushToPlan}; target p50 <= 1 s; FILE pushed as it
 * is, or grown to {@code --features} like {@code br bench core} does), WebSocket
 * fan-out ({@link StreamFanOut}; target p99 <= 100 ms at 1,000 clients) and webhook ack latency at
 * a sustained rate ({@link WebhookLoad}; target p99 <= 50 ms at 200/s), in that order, so the
 * webhooks' background work does not disturb the other two. The deliveries name a repository
 * whose clone URL is a closed loopback port: the fetch after each ack fails at once, as the ack
 * must not wait for it (their failure warnings are silenced while the bench runs). The report adds
 * what the figures depend on: the machine and its load average, the server's own publish loop, the
 * disk's fsync latency. Every loop is bounded in count and time. Progress goes to stderr; results
 * to stdout. Never used in tests with timing assertions.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Measure the server: webhook ack latency, push to plan status, WebSocket fan-out.")
final class ServerBenchCommand implements Callable<Integer> {
    /** Forces the fsync probe makes after the webhook load. */
    private static final int FSYNC_PROBES = 50;

    private final Services services;

    @CommandLine.Spec
    CommandSpec spec;

    @Mixin
    CommonOptions options = new CommonOptions();

    @Parameters(arity = "0..1", paramLabel = "FILE",
            description = "The spec whose features are repeated for the pushes (default: .buildrunner/PROJECT_SPEC.md).")
    String file;

    @Option(names = "--features", description = "Repeat FILE's features to this many (962 is issue 3's scale); "
            + "0, the default, pushes FILE as it is.")
    int features;

    @Option(names = "--rate", description = "Webhook deliveries per second (default: ${DEFAULT-VALUE}).")
    double rate = 200;

    @Option(names = "--seconds", description = "Seconds of timed webhook load (default: ${DEFAULT-VALUE}).")
    double seconds = 10;

    @Option(names = "--warmup-seconds", description = "Seconds of webhook load before the timed part (default: ${DEFAULT-VALUE}).")
    double warmupSeconds = 2;

    @Option(names = "--pushes", description = "Timed one-feature pushes (default: ${DEFAULT-VALUE}).")
    int pushes = 10;

    @Option(names = "--push-warmup", description = "One-feature pushes before the timed ones (default: ${DEFAULT-VALUE}).")
    int pushWarmup = 3;

    @Option(names = "--clients", description = "WebSocket clients on one repository's stream (default: ${DEFAULT-VALUE}).")
    int clients = 1000;

    @Option(names = "--events", description = "Events published to them (default: ${DEFAULT-VALUE}).")
    int events = 20;

    @Option(names = "--timeout", description = "Longest wait, in seconds, for one plan status, one event's "
            + "fan-out, connecting the clients, or the webhook answers (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds = 60;

    ServerBenchCommand(Services services) {
        this.services = services;
    }

    /**
     * The JSON of {@code br bench server --json}.
     *
     * @param loadStart the machine's 1-minute load average when the bench started (-1 if unknown)
     * @param loadEnd the same when it ended: a figure far above the cores means others competed
     */
    record ServerBenchView(BenchCommand.Machine machine, double loadStart, double loadEnd, PushView pushToPlan,
            FanOutView fanOut, WebhookView webhooks) {
    }

    /** Push to plan status; {@code met}: p50 from the push's start <= 1,000 ms (issue 4). */
    record PushView(int features, int lines, int pushes, double firstPlanMs, Latencies fromPushStartMs,
            Latencies afterPushReturnedMs, String target, boolean met) {
    }

    /** WebSocket fan-out; {@code met}: p99 <= 100 ms with at least 1,000 clients and no receipt lost (issue 4). */
    record FanOutView(int clients, int events, long receipts, double connectMs, Latencies latencyMs, Latencies publishMs,
            String target, boolean met) {
    }

    /**
     * Webhook acks; {@code met}: p99 <= 50 ms at >= 200/s achieved, every delivery journaled (issue 4).
     * {@code fsyncMs} is a small append + force in the data directory, the floor under a durable ack.
     */
    record WebhookView(double rate, double seconds, int sent, double achievedRate, int journaled, int duplicates,
            int otherStatus, int failed, int bodyBytes, Latencies ackMs, Latencies scheduleLagMs, Latencies fsyncMs,
            String target, boolean met) {
    }

    @Override
    public Integer call() throws Exception {
        if (pushes < 1 || pushWarmup < 0 || clients < 1 || events < 1 || rate <= 0 || seconds <= 0 || warmupSeconds < 0
                || timeoutSeconds < 1 || features < 0 || rate * seconds < 1 || rate * (seconds + warmupSeconds) > 100_000) {
            throw new CliException("expected --pushes, --clients, --events, --rate, --seconds, --timeout > 0, "
                    + "--push-warmup, --warmup-seconds, --features >= 0, and 1 to 100,000 webhook deliveries in all");
        }
        PrintWriter err = spec.commandLine().getErr();
        double loadStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        String specText = specText(err);
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        SecureRandom random = new SecureRandom();
        String token = hex(random, 24);
        String secret = hex(random, 24);
        Path tmp = Files.createTempDirectory("br-bench-server");
        Optional<Logger> webhookLog = LoggerFactory.getLogger("dev.buildrunner.web.WebhookRoutes") instanceof Logger l
                ? Optional.of(l) : Optional.empty();
        Level level = webhookLog.map(Logger::getLevel).orElse(null);
        ServerBenchView view;
        try {
            webhookLog.ifPresent(l -> l.setLevel(Level.ERROR));
            ServerConfig config = new ServerConfig(tmp.resolve("data"), "127.0.0.1", 0, "", Optional.of(secret), Map.of(),
                    Optional.empty(), java.util.List.of(), java.util.List.of()); // the plan path only: analysis would share the 2 cores
            try (BuildRunnerServer server = BuildRunnerServer.start(config, new AdminToken(token, false), services.clock())) {
                String base = "http://127.0.0.1:" + server.port();
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
                progress(err, "server on %s, data in %s", base, tmp);

                PushToPlan.Result push = new PushToPlan(http, base, token, services.parser())
                        .run("bench", "plan", specText, tmp.resolve("clone"), pushWarmup, pushes, timeout);
                progress(err, "push to plan status measured (%d pushes)", push.pushes());

                StreamFanOut.Result fan = new StreamFanOut(server, token)
                        .run(new RepositoryName("bench", "plan"), clients, events, timeout);
                progress(err, "fan-out measured (%d clients, %d events)", fan.clients(), fan.events());

                WebhookLoad load = new WebhookLoad(http, URI.create(base + "/webhooks/github"), secret, "bench/hooks",
                        "http://127.0.0.1:" + closedPort() + "/bench/hooks.git");
                int warm = (int) Math.round(rate * warmupSeconds);
                if (warm > 0) {
                    load.run(rate, Duration.ofNanos(Math.round(warmupSeconds * 1e9)), timeout, 0);
                }
                WebhookLoad.Result hooks = load.run(rate, Duration.ofNanos(Math.round(seconds * 1e9)), timeout, warm);
                Latencies fsync = FsyncProbe.measure(tmp.resolve("data"), FSYNC_PROBES);
                progress(err, "webhook acks measured (%d deliveries); stopping the server", hooks.sent());
                view = view(loadStart, push, fan, hooks, fsync);
            }
        } finally {
            webhookLog.ifPresent(l -> l.setLevel(level));
            deleteTree(tmp);
        }
        print(view);
        return ExitCodes.OK;
    }

    private ServerBenchView view(double loadStart, PushToPlan.Result push, StreamFanOut.Result fan,
            WebhookLoad.Result hooks, Latencies fsync) {
        Latencies fromStart = push.fromPushStart();
        Latencies fanOut = Latencies.of(fan.latencyMs());
        long expected = (long) fan.clients() * fan.events();
        return new ServerBenchView(BenchCommand.Machine.current(), round(loadStart),
                round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()),
                new PushView(push.features(), push.lines(), push.pushes(), push.firstPlanMs(), fromStart,
                        push.afterPushReturned(), "p50 <= 1000 ms", fromStart.p50Ms() <= 1000),
                new FanOutView(fan.clients(), fan.events(), fan.receipts(), round(fan.connectMs()), fanOut,
                        Latencies.of(fan.publishMs()),
                        "p99 <= 100 ms at 1000 clients", fan.clients() >= 1000 && fan.receipts() == expected
                                && fanOut.p99Ms() <= 100),
                new WebhookView(rate, seconds, hooks.sent(), hooks.achievedRate(), hooks.journaled(), hooks.duplicates(),
                        hooks.otherStatus(), hooks.failed(), hooks.bodyBytes(), hooks.ack(), hooks.scheduleLag(), fsync,
                        "p99 <= 50 ms at 200/s", hooks.achievedRate() >= 199.5 && hooks.journaled() == hooks.sent()
                                && hooks.ack().p99Ms() <= 50));
    }

    private void print(ServerBenchView view) {
        PrintWriter out = spec.commandLine().getOut();
        if (options.json) {
            out.print(services.toJson(view));
        } else {
            BenchCommand.Machine m = view.machine();
            out.printf("machine: %d cores, %s, %s, max heap %d MB; load average %.2f at the start, %.2f at the end%n",
                    m.cores(), m.cpu(), m.java(), m.maxHeapMb(), view.loadStart(), view.loadEnd());
            PushView p = view.pushToPlan();
            out.printf("push -> buildrunner/plan success (%d features, %d lines; first plan %.0f ms; target %s: %s)%n",
                    p.features(), p.lines(), p.firstPlanMs(), p.target(), p.met() ? "met" : "NOT met");
            out.printf("  from push start        %s%n", p.fromPushStartMs().line());
            out.printf("  after push returned    %s%n", p.afterPushReturnedMs().line());
            FanOutView f = view.fanOut();
            out.printf("WebSocket fan-out (%d clients connected in %.0f ms, %d events, %d of %d received; target %s: %s)%n",
                    f.clients(), f.connectMs(), f.events(), f.receipts(), (long) f.clients() * f.events(), f.target(),
                    f.met() ? "met" : "NOT met");
            out.printf("  publish -> receipt     %s%n", f.latencyMs().line());
            out.printf("  publish call (server)  %s%n", f.publishMs().line());
            WebhookView w = view.webhooks();
            out.printf("webhook acks (%.0f/s for %.1f s: %d sent at %.1f/s, %d journaled, %d duplicate, %d other status, "
                    + "%d no answer; %d-byte bodies; target %s: %s)%n", w.rate(), w.seconds(), w.sent(), w.achievedRate(),
                    w.journaled(), w.duplicates(), w.otherStatus(), w.failed(), w.bodyBytes(), w.target(),
                    w.met() ? "met" : "NOT met");
            out.printf("  send -> response       %s%n", w.ackMs().line());
            out.printf("  sender behind schedule %s%n", w.scheduleLagMs().line());
            out.printf("  fsync in the data dir  %s%n", w.fsyncMs().line());
        }
        out.flush();
    }

    /** The pushed spec: FILE's features repeated to {@code --features}, or FILE as it is. */
    private String specText(PrintWriter err) {
        SpecInput seed = SpecInput.resolve(file, options.dir());
        if (features == 0) {
            progress(err, "pushed spec: %s as it is", seed.label());
            return seed.text();
        }
        List<Feature> seeds = services.parser().parse(seed.text()).spec().features();
        if (seeds.isEmpty()) {
            throw new CliException(seed.label() + ": no features to repeat");
        }
        String text = LargeSpec.generate("Benchmark spec from " + seed.label(), seeds, features);
        progress(err, "pushed spec: %d features from %d of %s", features, seeds.size(), seed.label());
        return text;
    }

    /** A loopback port nothing listens on (bound, then released): fetches from it fail at once. */
    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String hex(SecureRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static void progress(PrintWriter err, String format, Object... args) {
        err.println("bench server: " + String.format(format, args));
        err.flush();
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
