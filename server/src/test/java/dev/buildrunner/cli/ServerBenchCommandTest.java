package dev.buildrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code br bench server} with tiny parameters on a real spec: the run completes and its JSON has
 * every figure, with counts that follow from the parameters. Timings are not asserted (issue 4:
 * benchmarks are never timed tests), only that each distribution is ordered.
 */
class ServerBenchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void tinyRunReportsEveryFigureAsJson() throws Exception {
        Path spec = Path.of(getClass().getResource("/specs/project-spec/br3-examples-SAMPLE_SPEC.md").toURI());

        CliRunner.Result r = new CliRunner().run("bench", "server", "--json", "--rate", "20", "--seconds", "1",
                "--warmup-seconds", "0", "--clients", "10", "--events", "2", "--pushes", "2", "--push-warmup", "0",
                spec.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode v = JSON.readTree(r.out());
        assertThat(v.get("machine").get("cores").asInt()).isPositive();
        assertThat(v.has("loadStart") && v.has("loadEnd")).isTrue();

        JsonNode push = v.get("pushToPlan");
        assertThat(push.get("features").asInt()).as("the spec pushed as it is").isEqualTo(3);
        assertThat(push.get("pushes").asInt()).isEqualTo(2);
        assertThat(push.get("firstPlanMs").asDouble()).isPositive();
        assertDistribution(push.get("fromPushStartMs"), 2);
        assertDistribution(push.get("afterPushReturnedMs"), 2);
        assertThat(push.get("target").asText()).isEqualTo("p50 <= 1000 ms");
        assertThat(push.get("met").isBoolean()).isTrue();

        JsonNode fan = v.get("fanOut");
        assertThat(fan.get("clients").asInt()).isEqualTo(10);
        assertThat(fan.get("events").asInt()).isEqualTo(2);
        assertThat(fan.get("receipts").asLong()).as("every client got every event").isEqualTo(20);
        assertDistribution(fan.get("latencyMs"), 20);
        assertDistribution(fan.get("publishMs"), 2);
        assertThat(fan.get("met").asBoolean()).as("10 clients cannot meet a 1,000-client target").isFalse();

        JsonNode hooks = v.get("webhooks");
        assertThat(hooks.get("sent").asInt()).isEqualTo(20);
        assertThat(hooks.get("journaled").asInt()).as("distinct deliveries, all signed: all journaled").isEqualTo(20);
        assertThat(hooks.get("duplicates").asInt()).isZero();
        assertThat(hooks.get("otherStatus").asInt()).isZero();
        assertThat(hooks.get("failed").asInt()).isZero();
        assertThat(hooks.get("achievedRate").asDouble()).isPositive();
        assertThat(hooks.get("bodyBytes").asInt()).isGreaterThan(1000);
        assertDistribution(hooks.get("ackMs"), 20);
        assertDistribution(hooks.get("scheduleLagMs"), 20);
        assertDistribution(hooks.get("fsyncMs"), 50);
        assertThat(hooks.get("met").asBoolean()).as("20/s cannot meet a 200/s target").isFalse();
    }

    @Test
    void latenciesAreNearestRankPercentiles() {
        double[] ms = new double[100];
        for (int i = 0; i < ms.length; i++) {
            ms[ms.length - 1 - i] = i + 1;
        }
        assertThat(Latencies.of(ms)).isEqualTo(new Latencies(100, 50, 90, 99, 100));
        assertThat(Latencies.of(new double[] {3.0, 1.0})).isEqualTo(new Latencies(2, 1, 3, 3, 3));
        assertThat(Latencies.of(new double[0])).isEqualTo(Latencies.NONE);
    }

    @Test
    void benchWithoutASubcommandIsStillTheCoreBenchAndListsServer() {
        CliRunner.Result help = new CliRunner().run("bench", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--features", "--cold-runs");
        assertThat(List.of(help.out().split("\n"))).anyMatch(l -> l.strip().startsWith("server"))
                .anyMatch(l -> l.strip().startsWith("core"));
    }

    private static void assertDistribution(JsonNode d, int count) {
        assertThat(d.get("count").asInt()).isEqualTo(count);
        double p50 = d.get("p50Ms").asDouble();
        double p90 = d.get("p90Ms").asDouble();
        double p99 = d.get("p99Ms").asDouble();
        assertThat(p50).isLessThanOrEqualTo(p90);
        assertThat(p90).isLessThanOrEqualTo(p99);
        assertThat(p99).isLessThanOrEqualTo(d.get("maxMs").asDouble());
    }
}
