package dev.buildrunner.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    @Test
    void waitsDoubleUpToTheCapAndAddJitterWithinItsBound() {
        RetryPolicy p = new RetryPolicy(10, Duration.ofMillis(10), Duration.ofMillis(70), Duration.ZERO, d -> { });

        assertThat(List.of(1, 2, 3, 4, 5, 9)).map(k -> p.waitBefore(k, new Random(1)).toMillis())
                .containsExactly(10L, 20L, 40L, 70L, 70L, 70L);

        RetryPolicy jittered = RetryPolicy.standard();
        Random r = new Random(42);
        for (int i = 0; i < 1000; i++) {
            Duration d = jittered.waitBefore(1, r);
            assertThat(d).isBetween(Duration.ofMillis(10), Duration.ofMillis(60));
        }
        assertThat(jittered.waitBefore(30, r)).isBetween(Duration.ofSeconds(1), Duration.ofMillis(1050));
    }

    @Test
    void pauseHandsTheWaitToTheSleeperAndAnImmediatePolicyWaitsNothing() throws InterruptedException {
        List<Duration> slept = new ArrayList<>();
        RetryPolicy p = new RetryPolicy(4, Duration.ofMillis(5), Duration.ofMillis(15), Duration.ZERO, slept::add);
        p.pause(1);
        p.pause(2);
        p.pause(3);
        assertThat(slept).containsExactly(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(15));

        assertThat(RetryPolicy.immediate(3).waitBefore(2, new Random(1))).isZero();
    }

    @Test
    void invalidPoliciesAreRejectedWithTheValue() {
        assertThatThrownBy(() -> RetryPolicy.immediate(0)).hasMessage("expected maxAttempts >= 1, got: 0");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO,
                d -> { })).hasMessage("expected 0 <= firstWait <= maxWait and maxJitter >= 0, got: PT2S, PT1S, PT0S");
    }
}
