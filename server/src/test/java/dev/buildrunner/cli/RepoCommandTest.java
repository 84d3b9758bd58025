package dev.buildrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.buildrunner.web.AdminToken;
import dev.buildrunner.web.BuildRunnerServer;
import dev.buildrunner.web.ServerConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code br repo create|secret} against a real server on loopback, token read from its data dir. */
class RepoCommandTest {
    @TempDir
    Path tmp;

    @Test
    void createsARepositoryAndSetsItsSecret() throws Exception {
        Path data = tmp.resolve("data");
        AdminToken token = AdminToken.load(Optional.empty(), data);
        try (BuildRunnerServer server = BuildRunnerServer.start(ServerConfig.embedded(data, "127.0.0.1", 0, Optional.empty()),
                token, Clock.systemUTC())) {
            String url = "http://127.0.0.1:" + server.port();
            CliRunner br = new CliRunner();

            CliRunner.Result created = br.run("repo", "create", "acme/shop", "--server", url, "--data", data.toString());
            CliRunner.Result again = br.run("repo", "create", "acme/shop", "--server", url, "--data", data.toString());
            CliRunner.Result secret = br.run("repo", "secret", "acme/shop", "a-long-enough-secret-123", "--server", url,
                    "--data", data.toString());
            CliRunner.Result shortSecret = br.run("repo", "secret", "acme/shop", "short", "--server", url,
                    "--data", data.toString());

            assertThat(created.exitCode()).as(created.err()).isZero();
            assertThat(created.out()).contains("/git/acme/shop.git");
            assertThat(again.exitCode()).isEqualTo(2);
            assertThat(again.err()).contains("409").contains("exists");
            assertThat(secret.exitCode()).as(secret.err()).isZero();
            assertThat(shortSecret.exitCode()).isEqualTo(2);
            assertThat(shortSecret.err()).contains("400").contains("16 characters");
            assertThat(server.repositories().exists(new dev.buildrunner.pipeline.RepositoryName("acme", "shop"))).isTrue();
        }
        CliRunner.Result down = new CliRunner().run("repo", "create", "acme/other", "--server", "http://127.0.0.1:9",
                "--data", data.toString());
        assertThat(down.exitCode()).isEqualTo(2);
        assertThat(down.err()).contains("no server answers");
    }
}
