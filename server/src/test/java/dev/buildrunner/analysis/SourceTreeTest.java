package dev.buildrunner.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link GitTrees} and {@link ChangedFiles} on real repositories made with the git CLI. */
class SourceTreeTest {
    @TempDir
    Path tmp;

    @Test
    void commitTreeListsRegularFilesSortedWithGitsBlobIds() throws Exception {
        try (FixtureRepo repo = FixtureRepo.empty(tmp.resolve("r"))) {
            repo.write("src/b.txt", "b\n").write("a.txt", "a\n").write("src/sub/c.java", "class C {}\n");
            Files.createSymbolicLink(repo.dir().resolve("link"), Path.of("a.txt"));
            String head = repo.commit("three files and a link");

            SourceTree tree = repo.tree();

            assertThat(tree.revision()).isEqualTo(head);
            assertThat(tree.files()).extracting(SourceFile::path).containsExactly("a.txt", "src/b.txt", "src/sub/c.java");
            assertThat(tree.file("src/b.txt").orElseThrow().blobId())
                    .isEqualTo(FixtureRepo.git(repo.dir(), "rev-parse", "HEAD:src/b.txt").trim());
            assertThat(tree.readText("src/sub/c.java")).contains("class C {}\n");
            assertThat(tree.read("link")).isEmpty();
            assertThat(tree.read("../etc/passwd")).isEmpty();
            assertThat(tree.directoryExists("src/sub")).isTrue();
            assertThat(tree.directoryExists("src/su")).isFalse();
            assertThat(tree.file("src/sub/c.java").orElseThrow().extension()).isEqualTo("java");
        }
    }

    @Test
    void commitTreeWorksOnABareRepository() throws Exception {
        try (FixtureRepo repo = FixtureRepo.empty(tmp.resolve("r"))) {
            repo.write("x/y.py", "print(1)\n");
            String head = repo.commit("one");
            FixtureRepo.git(tmp, "clone", "-q", "--bare", repo.dir().toString(), "bare.git");
            try (Repository bare = new FileRepositoryBuilder().setGitDir(tmp.resolve("bare.git").toFile()).build()) {
                SourceTree tree = GitTrees.atCommit(bare, ObjectId.fromString(head));
                assertThat(tree.readText("x/y.py")).contains("print(1)\n");
                assertThatThrownBy(() -> GitTrees.workTree(bare)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("bare");
            }
        }
    }

    @Test
    void indexHoldsStagedNotUnstagedContent() {
        try (FixtureRepo repo = FixtureRepo.empty(tmp.resolve("r"))) {
            repo.write("a.txt", "one\n");
            repo.commit("one");
            repo.write("a.txt", "two\n").add("a.txt");
            repo.write("a.txt", "three\n").write("new.txt", "untracked\n");

            SourceTree index = GitTrees.index(repo.repository());

            assertThat(index.revision()).isEqualTo(GitTrees.INDEX);
            assertThat(index.readText("a.txt")).contains("two\n");
            assertThat(index.exists("new.txt")).isFalse();
        }
    }

    @Test
    void workTreeHoldsDiskContentAndUntrackedButNotIgnoredFiles() throws Exception {
        try (FixtureRepo repo = FixtureRepo.empty(tmp.resolve("r"))) {
            repo.write(".gitignore", "target/\n*.log\n").write("a.txt", "one\n");
            repo.commit("one");
            repo.write("a.txt", "changed on disk\n").write("new.txt", "untracked\n")
                    .write("target/classes/A.class", "x").write("debug.log", "x");

            SourceTree work = GitTrees.workTree(repo.repository());

            assertThat(work.files()).extracting(SourceFile::path).containsExactly(".gitignore", "a.txt", "new.txt");
            assertThat(work.readText("a.txt")).contains("changed on disk\n");
            String hashed = FixtureRepo.git(repo.dir(), "hash-object", "a.txt").trim();
            assertThat(work.file("a.txt").orElseThrow().blobId()).isEqualTo(hashed);
            assertThat(new String(work.read("new.txt").orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("untracked\n");
        }
    }

    @Test
    void changedFilesComparesByContent() {
        try (FixtureRepo repo = FixtureRepo.empty(tmp.resolve("r"))) {
            repo.write("keep.txt", "k\n").write("edit.txt", "1\n").write("gone.txt", "g\n");
            String first = repo.commit("first");
            repo.write("edit.txt", "2\n").write("added/new.txt", "n\n").delete("gone.txt");
            String second = repo.commit("second");

            ChangedFiles changes = ChangedFiles.between(repo.tree(first), repo.tree(second));

            assertThat(changes.added()).containsExactly("added/new.txt");
            assertThat(changes.modified()).containsExactly("edit.txt");
            assertThat(changes.deleted()).containsExactly("gone.txt");
            assertThat(changes.touched()).containsExactly("added/new.txt", "edit.txt");
            assertThat(changes.size()).isEqualTo(3);
            assertThat(ChangedFiles.between(repo.tree(second), repo.tree(second)).isEmpty()).isTrue();
        }
    }
}
