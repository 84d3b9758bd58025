package dev.buildrunner.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DoneFeaturesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Done|true", "✅ Complete|true", "Completed|true", "implemented (v2)|true", "Shipped|true",
        "Not done|false", "Planned|false", "In progress|false", "Incomplete|false", "undone|false"})
    void readsTheStatusWordsSpecsUse(String status, boolean done) {
        assertThat(DoneFeatures.isDone(status)).isEqualTo(done);
    }
}
