package dev.buildrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code br serve} as a real process on its embedded defaults (but port 0): it prints where it
 * listens and the admin token once, keeps the token owner-only, answers /healthz, and stops
 * gracefully on SIGTERM.
 */
class ServeProcessTest {
    private static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)");
    private static final Pattern TOKEN = Pattern.compile("admin token .*: ([0-9a-f]{64})");

    @TempDir
    Path tmp;

    record Started(Process process, int port, List<String> lines) {
    }

    static Started start(Path data) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve", "--data", data.toString(),
                "--port", "0", "--host", "127.0.0.1").redirectErrorStream(true);
        pb.environment().remove("BUILDRUNNER_TOKEN");
        Process p = pb.start();
        BufferedReader reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        int port = -1;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (port < 0) {
            String line = reader.readLine();
            assertThat(line).as("server output ended before it listened: %s", lines).isNotNull();
            assertThat(System.nanoTime()).as("server did not start within 60 s: %s", lines).isLessThan(deadline);
            lines.add(line);
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                port = Integer.parseInt(m.group(1));
            }
        }
        // keep draining so the child never blocks on a full pipe
        Thread drain = new Thread(() -> reader.lines().forEach(lines::add));
        drain.setDaemon(true);
        drain.start();
        return new Started(p, port, lines);
    }

    @Test
    void servesOnItsDefaultsAndStopsGracefully() throws Exception {
        Path data = tmp.resolve("data");
        Started first = start(data);
        try {
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + first.port() + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            Thread.sleep(200);
            String token = first.lines().stream().map(TOKEN::matcher).filter(Matcher::find).map(m -> m.group(1))
                    .findFirst().orElseThrow(() -> new AssertionError("no token printed: " + first.lines()));
            Path file = data.resolve("admin-token");
            assertThat(Files.readString(file).strip()).isEqualTo(token);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            HttpResponse<String> repos = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + first.port() + "/api/repos")).header("Authorization", "token " + token)
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(repos.statusCode()).isEqualTo(200);
        } finally {
            first.process().destroy(); // SIGTERM: the shutdown hook stops the server
        }
        assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).as("stopped within 30 s after SIGTERM").isTrue();

        Started second = start(data);
        try {
            Thread.sleep(200);
            assertThat(second.lines()).noneMatch(l -> TOKEN.matcher(l).find());
        } finally {
            second.process().destroy();
            second.process().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
