package dev.buildrunner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code br repo create OWNER/NAME} and {@code br repo secret OWNER/NAME SECRET}: talk to a running
 * {@code br serve} over its API. The server is {@code --server} (default {@code BUILDRUNNER_URL},
 * else {@code http://localhost:7070}); the token is {@code BUILDRUNNER_TOKEN}, else the
 * {@code admin-token} file of {@code --data} (default {@code ./.buildrunner-data}).
 */
@Command(name = "repo", mixinStandardHelpOptions = true, description = "Manage repositories on a running br serve.")
final class RepoCommand implements Callable<Integer> {
    private final Services services;
    private final Function<String, String> environment;

    @CommandLine.Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ACTION", description = "create or secret")
    String action;

    @Parameters(index = "1", paramLabel = "OWNER/NAME")
    String fullName;

    @Parameters(index = "2", arity = "0..1", paramLabel = "SECRET", description = "for 'secret': the webhook secret")
    String secret;

    @Option(names = "--server", paramLabel = "URL", description = "The server's base URL.")
    String server;

    @Option(names = "--data", paramLabel = "DIR", description = "Where the server keeps admin-token.")
    Path data = Path.of(".buildrunner-data");

    RepoCommand(Services services, Function<String, String> environment) {
        this.services = services;
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        int slash = fullName.indexOf('/');
        if (slash <= 0 || slash == fullName.length() - 1 || fullName.indexOf('/', slash + 1) >= 0) {
            throw new CliException(fullName + ": expected OWNER/NAME");
        }
        String owner = fullName.substring(0, slash);
        String name = fullName.substring(slash + 1);
        HttpRequest request = switch (action) {
            case "create" -> request("/api/repos").POST(HttpRequest.BodyPublishers.ofString(
                    services.toJson(Map.of("owner", owner, "name", name)))).build();
            case "secret" -> {
                if (secret == null) {
                    throw new CliException("br repo secret " + fullName + ": the SECRET argument is missing");
                }
                yield request("/api/repos/" + owner + "/" + name + "/webhook-secret")
                        .PUT(HttpRequest.BodyPublishers.ofString(services.toJson(Map.of("secret", secret)))).build();
            }
            default -> throw new CliException(action + ": expected create or secret");
        };
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new CliException(baseUrl() + ": no server answers (is br serve running?)");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (response.statusCode() / 100 != 2) {
            throw new CliException(request.uri() + ": " + response.statusCode() + " " + response.body().strip());
        }
        out.println(action.equals("create") ? response.body().strip() : "webhook secret of " + fullName + " set");
        out.flush();
        return ExitCodes.OK;
    }

    private HttpRequest.Builder request(String path) throws IOException {
        return HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json");
    }

    private String baseUrl() {
        String url = server != null ? server : environment.apply("BUILDRUNNER_URL");
        url = url == null || url.isBlank() ? "http://localhost:7070" : url;
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private String token() throws IOException {
        String env = environment.apply("BUILDRUNNER_TOKEN");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        Path file = data.resolve("admin-token");
        if (!Files.isRegularFile(file)) {
            throw new CliException(file + ": no admin token; set BUILDRUNNER_TOKEN or --data");
        }
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }
}
