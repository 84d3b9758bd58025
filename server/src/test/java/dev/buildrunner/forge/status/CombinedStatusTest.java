package dev.buildrunner.forge.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * GitHub's combined-status rules as a table (contracts README item 6): each row lists the statuses
 * in posting order as {@code context=state} and the combined state and count expected.
 */
class CombinedStatusTest {
    private static final String SHA = "0000000000000000000000000000000000000001";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "'' | pending | 0",
        "a=success | success | 1",
        "a=pending | pending | 1",
        "a=failure | failure | 1",
        "a=error | failure | 1",
        "a=failure b=success | failure | 2",
        "a=success b=pending | pending | 2",
        "a=pending b=error | failure | 2",
        "a=success b=success c=success | success | 3",
        "a=failure a=success | success | 1",
        "a=success a=failure | failure | 1",
        "a=pending a=success b=pending | pending | 2",
        "a=pending a=success b=pending b=success | success | 2",
        "A=failure a=success | success | 1",
        "a=error B=success b=pending | failure | 2",
        "a=success b=failure c=pending | failure | 3",
    })
    void combinesTheLatestStatusOfEachContext(String posts, String expected, int contexts) {
        List<CommitStatus> all = new ArrayList<>();
        long id = 1;
        for (String post : posts.isBlank() ? new String[0] : posts.split(" ")) {
            String[] kv = post.split("=");
            Instant t = Instant.parse("2026-11-22T10:00:00Z").plusSeconds(id);
            all.add(new CommitStatus(id++, SHA, StatusState.fromJson(kv[1]).orElseThrow(), kv[0], null, null, t, t,
                    "bot"));
        }
        // the order the statuses arrive in does not matter: ids decide which is latest
        List<CommitStatus> shuffled = new ArrayList<>(all);
        Collections.reverse(shuffled);

        for (List<CommitStatus> input : List.of(all, shuffled)) {
            CombinedStatus c = CombinedStatus.of(SHA, input);
            assertThat(c.state().json()).isEqualTo(expected);
            assertThat(c.totalCount()).isEqualTo(contexts);
            assertThat(c.statuses()).extracting(CommitStatus::id).isSorted();
            assertThat(c.sha()).isEqualTo(SHA);
        }
    }
}
