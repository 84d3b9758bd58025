package dev.buildrunner.cli;

import dev.buildrunner.forge.status.GitHubStatusSink;
import dev.buildrunner.forge.status.GitLabStatusSink;
import dev.buildrunner.forge.status.GiteaStatusSink;
import dev.buildrunner.forge.status.StatusSink;
import dev.buildrunner.web.AdminToken;
import dev.buildrunner.web.BuildRunnerServer;
import dev.buildrunner.web.ServerConfig;
import dev.buildrunner.web.ServerLogging;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code br serve}: runs the server until stopped (SIGTERM or Ctrl-C stop it gracefully). Embedded
 * defaults: data in {@code ./.buildrunner-data}, port 7070, admin token generated on first start
 * (printed once) or taken from {@code BUILDRUNNER_TOKEN}. Forge status sinks are configured from
 * the environment: {@code BUILDRUNNER_GITHUB_TOKEN} (+ {@code BUILDRUNNER_GITHUB_API}, default
 * {@code https://api.github.com}), {@code BUILDRUNNER_GITEA_URL} + {@code BUILDRUNNER_GITEA_TOKEN},
 * {@code BUILDRUNNER_GITLAB_URL} + {@code BUILDRUNNER_GITLAB_TOKEN}; mirrors fetch with
 * {@code BUILDRUNNER_FETCH_TOKEN}; the server-wide webhook secret is {@code BUILDRUNNER_WEBHOOK_SECRET}.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the BuildRunner server: git host, webhooks, statuses, API.")
final class ServeCommand implements Callable<Integer> {
    private final Services services;
    private final Function<String, String> environment;

    @CommandLine.Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path data = Path.of(".buildrunner-data");

    @Option(names = "--port", description = "TCP port (default: ${DEFAULT-VALUE}).")
    int port = ServerConfig.DEFAULT_PORT;

    @Option(names = "--host", description = "Interface to listen on (default: ${DEFAULT-VALUE}).")
    String host = "0.0.0.0";

    @Option(names = "--public-url", paramLabel = "URL", description = "Base URL clients reach the server at.")
    String publicUrl = "";

    @Option(names = "--log-format", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).")
    String logFormat = "text";

    @Option(names = "--track", paramLabel = "GLOB",
            description = "Refs that move the plan besides the default branch, e.g. 'refs/heads/release/*' (repeatable).")
    java.util.List<String> track = new java.util.ArrayList<>();

    @Option(names = "--analysers", split = ",", paramLabel = "NAMES",
            description = "Analysers each push runs, comma-separated, or none (default: gaps,quality,drift).")
    java.util.List<String> analysers = new java.util.ArrayList<>(ServerConfig.ANALYSERS);

    ServeCommand(Services services, Function<String, String> environment) {
        this.services = services;
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try {
            ServerLogging.configure(logFormat);
        } catch (IllegalArgumentException e) {
            throw new CliException("--log-format: " + e.getMessage());
        }
        Path dir = data.toAbsolutePath().normalize();
        AdminToken token = AdminToken.load(env("BUILDRUNNER_TOKEN"), dir);
        ServerConfig config;
        try {
            config = new ServerConfig(dir, host, port, publicUrl, env("BUILDRUNNER_WEBHOOK_SECRET"), sinks(),
                    env("BUILDRUNNER_FETCH_TOKEN"), track, analysers.contains("none") ? java.util.List.of() : analysers);
        } catch (IllegalArgumentException e) {
            throw new CliException((e.getMessage().startsWith("unknown analyser") ? "--analysers: " : "--track: ")
                    + e.getMessage());
        }
        BuildRunnerServer server = BuildRunnerServer.start(config, token, services.clock());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "br-serve-shutdown"));
        out.println("BuildRunner listening on http://localhost:" + server.port() + " (data: " + dir + ")");
        if (token.generated()) {
            out.println("admin token (shown once; stored in " + dir.resolve("admin-token") + "): " + token.value());
        }
        out.println("create a repository: curl -H 'Authorization: Bearer TOKEN' -d '{\"owner\":\"me\",\"name\":\"app\"}' "
                + "http://localhost:" + server.port() + "/api/repos");
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }

    private Optional<String> env(String name) {
        return Optional.ofNullable(environment.apply(name)).filter(v -> !v.isBlank());
    }

    private Map<String, StatusSink> sinks() {
        HttpClient http = HttpClient.newHttpClient();
        Clock clock = services.clock();
        Map<String, StatusSink> sinks = new HashMap<>();
        env("BUILDRUNNER_GITHUB_TOKEN").ifPresent(t -> sinks.put("github", new GitHubStatusSink(
                URI.create(env("BUILDRUNNER_GITHUB_API").orElse("https://api.github.com")), t, http, clock)));
        env("BUILDRUNNER_GITEA_TOKEN").ifPresent(t -> sinks.put("gitea", new GiteaStatusSink(
                URI.create(env("BUILDRUNNER_GITEA_URL").orElseThrow(() ->
                        new CliException("BUILDRUNNER_GITEA_TOKEN is set but BUILDRUNNER_GITEA_URL is not"))), t, http, clock)));
        env("BUILDRUNNER_GITLAB_TOKEN").ifPresent(t -> sinks.put("gitlab", new GitLabStatusSink(
                URI.create(env("BUILDRUNNER_GITLAB_URL").orElseThrow(() ->
                        new CliException("BUILDRUNNER_GITLAB_TOKEN is set but BUILDRUNNER_GITLAB_URL is not"))), t, http, clock)));
        return sinks;
    }
}
