package dev.buildrunner.analysis.gaps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.buildrunner.analysis.FixtureRepo;
import dev.buildrunner.spec.Feature;
import dev.buildrunner.spec.Spec;
import dev.buildrunner.spec.SpecParser;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files a feature names: Files lists, drawn trees, unsafe paths; and which of them a tree has. */
class SpecFilesTest {
    private static final String SPEC = """
            # PROJECT_SPEC: Demo

            ## Features

            ### Feature: Layout

            **Description:**
            The project as drawn:

            ```
            my-project/
            ├── src/
            │   ├── main.py          # entry point
            │   └── api/
            │       ├── routes.py    <- the routes
            │       └── deps.py
            ├── docs/
            └── README.md
            ```

            And an ASCII drawing:

            ```text
            +-- scripts/
            |   `-- release.sh (run by CI)
            `-- Makefile
            ```

            **Files:**
            - `src/main.py`
            - ../shared/common.py
            - `/etc/app.conf`
            - `C:\\tools\\x.exe`
            - `src/**/*.py`
            - `config/`
            - `settings.toml`

            **Acceptance Criteria:**
            - It runs
            """;

    @TempDir
    Path dir;

    @Test
    void filesFromListsTreesAndUnsafeRequirements() {
        Spec spec = new SpecParser().parse(SPEC).spec();
        Feature f = spec.features().get(0);
        try (FixtureRepo repo = FixtureRepo.empty(dir)) {
            repo.write("src/main.py", "print()\n").write("src/api/routes.py", "\n").write("README.md", "x\n")
                    .write("pkg/settings.toml", "\n").commit("some files");

            List<NamedFile> files = SpecFiles.of(f, new SpecLines(spec), new TreeIndex(repo.tree()));

            // the tree's root "my-project/" is no directory of the repository: it is the repository itself;
            // src/main.py, named in the tree too, keeps its first mention (the Files list)
            assertThat(files).extracting(NamedFile::path, NamedFile::line, NamedFile::origin, NamedFile::unsafe)
                    .containsExactly(
                            tuple("src/main.py", 30, "files", ""),
                            tuple("src/**/*.py", 34, "files", ""),
                            tuple("config/", 35, "files", ""),
                            tuple("settings.toml", 36, "files", ""),
                            tuple("../shared/common.py", 31, "requirement", "a path that leaves the repository ('..')"),
                            tuple("/etc/app.conf", 32, "requirement", "an absolute path"),
                            tuple("C:\\tools\\x.exe", 33, "requirement", "an absolute Windows path"),
                            tuple("src/api/routes.py", 15, "tree", ""),
                            tuple("src/api/deps.py", 16, "tree", ""),
                            tuple("docs", 17, "tree", ""),
                            tuple("README.md", 18, "tree", ""),
                            tuple("scripts/release.sh", 25, "tree", ""),
                            tuple("Makefile", 26, "tree", ""));
            TreeIndex index = new TreeIndex(repo.tree());
            assertThat(files.stream().filter(n -> n.unsafe().isEmpty() && !index.present(n.path(), n.directory()))
                    .map(NamedFile::path)).containsExactly("config/", "src/api/deps.py", "docs", "scripts/release.sh",
                    "Makefile");
        }
    }

    @Test
    void aTreeRootThatIsADirectoryOfTheRepositoryIsKept() {
        Spec spec = new SpecParser().parse("""
                # S

                ## Features

                ### Feature: Api

                ```
                server/
                └── routes/
                    └── users.js
                ```
                """).spec();
        try (FixtureRepo repo = FixtureRepo.empty(dir)) {
            repo.write("server/index.js", "\n").commit("server");
            List<NamedFile> files = SpecFiles.of(spec.features().get(0), new SpecLines(spec), new TreeIndex(repo.tree()));
            assertThat(files).extracting(NamedFile::path).containsExactly("server/routes/users.js");
        }
    }

    @Test
    void presenceOfFilesDirectoriesGlobsAndBareNames() {
        try (FixtureRepo repo = FixtureRepo.empty(dir)) {
            repo.write("app/api/users/[id]/route.ts", "\n").write("lib/util.py", "\n").commit("files");
            TreeIndex t = new TreeIndex(repo.tree());
            assertThat(t.present("app/api/users/[id]/route.ts", false)).isTrue();
            assertThat(t.present("./lib/util.py", false)).isTrue();
            assertThat(t.present("lib\\util.py", false)).isTrue();
            assertThat(t.present("app/api", false)).isTrue();
            assertThat(t.present("app/api/", false)).isTrue();
            assertThat(t.present("lib/util.py", true)).isFalse();
            assertThat(t.present("app/**/route.ts", false)).isTrue();
            assertThat(t.present("lib/*.py", false)).isTrue();
            assertThat(t.present("lib/*.js", false)).isFalse();
            assertThat(t.present("util.py", false)).isTrue();
            assertThat(t.present("other/util.py", false)).isFalse();
        }
    }

    @Test
    void unsafePathsAreAbsoluteOrLeaveTheRepository() {
        assertThat(UnsafePaths.reason("../x.py")).contains("a path that leaves the repository ('..')");
        assertThat(UnsafePaths.reason("src/../../x.py")).isPresent();
        assertThat(UnsafePaths.reason("/abs/x.py")).contains("an absolute path");
        assertThat(UnsafePaths.reason("~/x.py")).contains("a path in a home directory");
        assertThat(UnsafePaths.reason("D:/x.py")).contains("an absolute Windows path");
        assertThat(UnsafePaths.reason("\\\\server\\share\\x")).contains("a network path");
        assertThat(UnsafePaths.reason("src/a..b.py")).isEmpty();
        assertThat(UnsafePaths.loneUnsafePath("Validate input against /api/users")).isEmpty();
        assertThat(UnsafePaths.loneUnsafePath("/health")).isEmpty();
        assertThat(UnsafePaths.loneUnsafePath("`../lib/x.ts`")).contains("../lib/x.ts");
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
