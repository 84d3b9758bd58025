package dev.buildrunner.store;

import dev.buildrunner.support.RetryPolicy;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * State objects on disk: deflated at git's level for loose objects, read by the git CLI, the
 * user's config read but never written, and objects that live elsewhere still land where the
 * repository finds them.
 */
class LooseObjectInserterTest {
    private static final Instant START = Instant.parse("2026-11-23T08:00:00Z");

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "looseCompression={0} compression={1} -> {2}")
    @CsvSource(nullValues = "unset", value = {
        "unset, unset, 1",
        "unset, 6,     6",
        "unset, -1,    -1",
        "0,     9,     0",
        "9,     unset, 9",
        "12,    3,     3",
        "unset, 10,    1",
        "x,     unset, 1"})
    void theLevelIsReadAsGitReadsIt(String loose, String compression, int level) {
        Config config = new Config();
        if (loose != null) {
            config.setString("core", null, "looseCompression", loose);
        }
        if (compression != null) {
            config.setString("core", null, "compression", compression);
        }

        assertThat(LooseObjectInserter.level(config)).isEqualTo(level);
    }

    @ParameterizedTest(name = "core.compression={0}")
    @CsvSource(nullValues = "unset", value = {"unset, 1", "9, 9"})
    void stateObjectsAreDeflatedAtTheLevelGitUsesAndTheConfigFileIsNotTouched(String compression, int level)
            throws Exception {
        Path gitDir = initBare();
        if (compression != null) {
            GitCli.ok(gitDir, "config", "core.compression", compression);
        }
        byte[] configBefore = Files.readAllBytes(gitDir.resolve("config"));
        String spec = PlanFixtures.spec(PlanFixtures.BUILD_3A);
        String commit;
        try (Repository repo = StateFormatTest.open(gitDir)) {
            StateStore store = new StateStore(repo, new WriterLanes(), new SteppingClock(START), RetryPolicy.immediate(3));
            commit = store.update(c -> Optional.of(new Proposal(spec, PlanFixtures.fromSpec(spec), "sync", "a", "",
                    "alice"))).state().orElseThrow().commitId();
            try (ObjectInserter ins = LooseObjectInserter.open(repo)) {
                assertThat(ins).isInstanceOf(LooseObjectInserter.class);
                assertThat(((LooseObjectInserter) ins).level()).isEqualTo(level);
            }
        }

        String blob = GitCli.ok(gitDir, "rev-parse", commit + ":spec/PROJECT_SPEC.md").strip();
        Path file = gitDir.resolve("objects").resolve(blob.substring(0, 2)).resolve(blob.substring(2));
        byte[] raw = Files.readAllBytes(file);
        // the zlib header's FLEVEL bits (RFC 1950): 0 for levels 0-1, 3 for levels 7-9
        assertThat(raw[0]).isEqualTo((byte) 0x78);
        assertThat((raw[1] & 0xC0) >> 6).isEqualTo(level == 9 ? 3 : 0);
        assertThat(Files.getPosixFilePermissions(file)).doesNotContain(PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE).contains(PosixFilePermission.OWNER_READ);
        assertThat(GitCli.ok(gitDir, "cat-file", "-p", blob)).isEqualTo(spec);
        assertThat(Files.readAllBytes(gitDir.resolve("config"))).isEqualTo(configBefore);
        try (Stream<Path> all = Files.walk(gitDir.resolve("objects"))) {
            assertThat(all.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("tmp_obj_"));
        }
        GitCli.Result fsck = GitCli.run(gitDir, null, "fsck", "--strict", "--no-dangling");
        assertThat(fsck.exitCode()).as(fsck.output()).isZero();
    }

    @Test
    void anObjectIsWrittenOnceAndStreamsAreReadWhole() throws Exception {
        Path gitDir = initBare();
        byte[] content = "same content\n".getBytes(StandardCharsets.UTF_8);
        try (Repository repo = StateFormatTest.open(gitDir); ObjectInserter ins = LooseObjectInserter.open(repo)) {
            ObjectId a = ins.insert(Constants.OBJ_BLOB, content);
            ObjectId b = ins.insert(Constants.OBJ_BLOB, content.length, new ByteArrayInputStream(content));
            ins.flush();

            assertThat(b).isEqualTo(a);
            assertThat(a).isEqualTo(new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, content));
            assertThat(repo.open(a).getBytes()).isEqualTo(content);
            assertThat(StateFormatTest.looseObjects(gitDir)).containsExactly(a.name());
        }
    }

    @Test
    void objectsKeptElsewhereAreWrittenWhereTheRepositoryLooksForThem() throws Exception {
        Path gitDir = tmp.resolve("state.git");
        Path elsewhere = tmp.resolve("objects-elsewhere");
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setGitDir(gitDir.toFile())
                .setObjectDirectory(elsewhere.toFile()).setBare();
        String spec = PlanFixtures.spec(PlanFixtures.BUILD_3A);
        try (Repository repo = builder.build()) {
            repo.create(true);
            Files.createDirectories(gitDir.resolve("objects"));   // present, but not where objects go
            new StateStore(repo, new WriterLanes()).update(c -> Optional.of(new Proposal(spec,
                    PlanFixtures.fromSpec(spec), "sync", "a", "", "alice")));
        }

        try (Repository repo = new FileRepositoryBuilder().setGitDir(gitDir.toFile())
                .setObjectDirectory(elsewhere.toFile()).setBare().setMustExist(true).build()) {
            assertThat(new StateStore(repo, new WriterLanes()).read().orElseThrow().specText()).isEqualTo(spec);
        }
        try (Stream<Path> stray = Files.walk(gitDir.resolve("objects"))) {
            assertThat(stray.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void aRepositoryNotOnDiskKeepsItsOwnInserter() {
        InMemoryRepository repo = new InMemoryRepository(new DfsRepositoryDescription("mem"));
        try (ObjectInserter ins = LooseObjectInserter.open(repo)) {
            assertThat(ins).isNotInstanceOf(LooseObjectInserter.class);
        }
    }

    private Path initBare() throws IOException, InterruptedException {
        Path dir = tmp.resolve("state.git");
        GitCli.Result r = GitCli.run(dir, null, "init", "--bare", "-q", dir.toString());
        assertThat(r.exitCode()).as(r.output()).isZero();
        return dir;
    }
}
