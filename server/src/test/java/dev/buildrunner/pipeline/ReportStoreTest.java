package dev.buildrunner.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportStoreTest {
    private static final RepositoryName REPO = new RepositoryName("acme", "shop");
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    Path tmp;

    @Test
    void keepsOneReportPerRepositoryCommitAndAnalyser() throws Exception {
        ReportStore store = new ReportStore(tmp);
        assertThat(store.has(REPO, SHA, "gaps")).isFalse();
        assertThat(store.analysers(REPO, SHA)).isEmpty();

        store.put(REPO, SHA, "gaps", "{\"passed\":true}", "{\"version\":\"2.1.0\"}");
        store.put(REPO, SHA, "drift", "{}", "{}");

        assertThat(store.has(REPO, SHA, "gaps")).isTrue();
        assertThat(store.get(REPO, SHA, "gaps", ReportStore.Kind.JSON)).contains("{\"passed\":true}");
        assertThat(store.get(REPO, SHA, "gaps", ReportStore.Kind.SARIF)).contains("{\"version\":\"2.1.0\"}");
        assertThat(store.get(new RepositoryName("acme", "other"), SHA, "gaps", ReportStore.Kind.JSON)).isEmpty();
        assertThat(store.analysers(REPO, SHA)).containsExactly("drift", "gaps");
        try (Stream<Path> files = Files.walk(tmp)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void refusesNamesThatCouldLeaveItsDirectory() {
        ReportStore store = new ReportStore(tmp);
        assertThatThrownBy(() -> store.get(REPO, "../../etc", "gaps", ReportStore.Kind.JSON)).hasMessageContaining("commit id");
        assertThatThrownBy(() -> store.get(REPO, SHA, "../x", ReportStore.Kind.JSON)).hasMessageContaining("unknown analyser");
    }
}
