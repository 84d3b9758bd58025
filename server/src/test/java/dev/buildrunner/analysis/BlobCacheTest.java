package dev.buildrunner.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobCacheTest {
    private static final String BLOB = "0123456789abcdef0123456789abcdef01234567";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };

    @TempDir
    Path tmp;

    @Test
    void storesByNamespaceAndBlobAndSurvivesANewInstance() {
        BlobCache cache = BlobCache.at(tmp, new ObjectMapper());
        assertThat(cache.get("quality/pmd/abc", BLOB, STRINGS)).isEmpty();

        cache.put("quality/pmd/abc", BLOB, List.of("one", "two"));

        assertThat(BlobCache.at(tmp, new ObjectMapper()).get("quality/pmd/abc", BLOB, STRINGS)).contains(List.of("one", "two"));
        assertThat(cache.get("quality/pmd/other", BLOB, STRINGS)).isEmpty();
        assertThat(Files.exists(tmp.resolve("quality/pmd/abc/01/" + BLOB + ".json"))).isTrue();
    }

    @Test
    void aCorruptEntryIsAMissAndLeavesNoTemporaryFiles() throws Exception {
        BlobCache cache = BlobCache.at(tmp, new ObjectMapper());
        cache.put("gaps/v1", BLOB, List.of("x"));
        Path entry = tmp.resolve("gaps/v1/01/" + BLOB + ".json");
        Files.writeString(entry, "[\"trunc");

        assertThat(cache.get("gaps/v1", BLOB, STRINGS)).isEmpty();
        try (Stream<Path> files = Files.list(entry.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(BLOB + ".json");
        }
    }

    @Test
    void rejectsKeysThatCouldEscapeTheDirectory() {
        BlobCache cache = BlobCache.at(tmp, new ObjectMapper());
        assertThatThrownBy(() -> cache.put("../x", BLOB, 1)).hasMessageContaining("namespace");
        assertThatThrownBy(() -> cache.put("ok", "../../etc", 1)).hasMessageContaining("blob id");
    }

    @Test
    void aDisabledCacheKeepsNothing() {
        BlobCache cache = BlobCache.disabled();
        cache.put("gaps/v1", BLOB, List.of("x"));
        assertThat(cache.get("gaps/v1", BLOB, STRINGS)).isEmpty();
        assertThat(cache.enabled()).isFalse();
    }
}
