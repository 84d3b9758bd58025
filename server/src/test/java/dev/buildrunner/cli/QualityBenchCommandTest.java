package dev.buildrunner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code br bench quality} on a tiny sources jar made by the test: the run completes, full runs
 * analyse every file, one-file changes analyse one and take the rest from the cache. Timings are
 * not asserted (benchmarks are never timed tests).
 */
class QualityBenchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void tinyRunAnalysesOneFilePerChange() throws Exception {
        Path jar = tmp.resolve("tiny-1.0-sources.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            put(zip, "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n");
            for (String name : new String[] {"A", "B", "C"}) {
                put(zip, "com/example/" + name + ".java", "package com.example;\n\n/** " + name + ". */\npublic class "
                        + name + " {\n    int twice(int x) {\n        return 2 * x;\n    }\n}\n");
            }
        }
        CliRunner.Result r = new CliRunner().run("bench", "quality", "--json", "--sources", jar.toString(),
                "--warmup-runs", "0", "--full-runs", "1", "--edit-runs", "2");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode v = JSON.readTree(r.out());
        assertThat(v.get("files").asInt()).isEqualTo(3);
        assertThat(v.get("javaFiles").asInt()).isEqualTo(3);
        assertThat(v.get("full")).hasSize(1);
        assertThat(v.get("edits")).hasSize(2);
        JsonNode pmdFull = v.get("full").get(0).get("tools").get(0);
        assertThat(pmdFull.get("tool").asText()).isEqualTo("pmd");
        assertThat(pmdFull.get("filesAnalysed").asInt()).isEqualTo(3);
        for (JsonNode edit : v.get("edits")) {
            JsonNode pmd = edit.get("tools").get(0);
            assertThat(pmd.get("filesAnalysed").asInt()).isEqualTo(1);
            assertThat(pmd.get("filesFromCache").asInt()).isEqualTo(2);
        }
        assertThat(v.get("target").asDouble()).isEqualTo(20.0);
        assertThat(v.get("ratio").asDouble()).isPositive();
        assertThat(r.err()).contains("bench: 3 files (3 Java)");
    }

    @Test
    void missingDefaultSourcesSayHowToFetchThem() {
        CliRunner.Result r = new CliRunner().run("bench", "quality", "--maven-repo", tmp.resolve("empty-repo").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("not found; fetch it with: mvn -B org.apache.maven.plugins:maven-dependency-plugin:"
                + "3.8.1:get -Dtransitive=false -Dartifact=org.eclipse.jgit:org.eclipse.jgit:7.5.0.202512021534-r:jar:sources");
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        OutputStream out = zip;
        out.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
