package dev.buildrunner.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TreeEditorTest {
    private final InMemoryRepository repo = new InMemoryRepository(new DfsRepositoryDescription("tree-test"));

    @Test
    void entriesAreInGitOrderWhereATreeSortsAsIfItsNameEndedWithSlash() throws IOException {
        ObjectId tree = write(null, files("a/x", "1", "a.b", "2", "a-c", "3", "b", "4"));

        // '-' (0x2d) < '.' (0x2e) < '/' (0x2f): "a-c", "a.b", then the tree "a"
        assertThat(names(tree)).containsExactly("a-c", "a.b", "a", "b");
    }

    @Test
    void unchangedFilesGiveTheSameTreeAndUntouchedEntriesKeepTheirIds() throws IOException {
        ObjectId base = write(null, files("spec/PROJECT_SPEC.md", "spec", "plan/tasks.json", "{}", "reports/x.json", "[]"));

        assertThat(write(base, files("spec/PROJECT_SPEC.md", "spec"))).isEqualTo(base);

        ObjectId next = write(base, files("plan/tasks.json", "{\"schema\": 1}"));
        assertThat(id(next, "spec")).isEqualTo(id(base, "spec"));
        assertThat(id(next, "reports")).isEqualTo(id(base, "reports"));
        assertThat(id(next, "plan")).isNotEqualTo(id(base, "plan"));
        assertThat(content(next, "plan/tasks.json")).isEqualTo("{\"schema\": 1}");
        assertThat(content(next, "reports/x.json")).isEqualTo("[]");
    }

    @Test
    void deepPathsCreateTheirDirectories() throws IOException {
        ObjectId tree = write(null, files("a/b/c/d.txt", "deep", "a/e.txt", "shallow"));

        assertThat(content(tree, "a/b/c/d.txt")).isEqualTo("deep");
        assertThat(names(id(tree, "a"))).containsExactly("b", "e.txt");
    }

    @Test
    void removalsDropFilesAndDirectoriesAndADirectoryLeftEmptyGoesToo() throws IOException {
        ObjectId base = write(null, files("spec/PROJECT_SPEC.md", "spec", "plan/plan.json", "{}", "plan/tasks/a.json",
                "[1]", "plan/tasks/b.json", "[2]"));

        ObjectId oneGone = write(base, files(), Set.of("plan/tasks/a.json", "plan/tasks/nope.json", "nope/x"));
        assertThat(names(id(oneGone, "plan/tasks"))).containsExactly("b.json");
        assertThat(id(oneGone, "spec")).isEqualTo(id(base, "spec"));

        ObjectId allGone = write(oneGone, files("plan/plan.json", "{\"x\": 1}"), Set.of("plan/tasks/b.json"));
        assertThat(names(id(allGone, "plan"))).containsExactly("plan.json");

        assertThat(write(base, files(), Set.of("plan"))).satisfies(t -> assertThat(names(t)).containsExactly("spec"));
        assertThat(write(base, files(), Set.of("plan", "spec"))).isEqualTo(ObjectId.fromString(
                "4b825dc642cb6eb9a060e54bf8d69288fbee4904"));   // git's empty tree
        assertThat(write(base, files(), Set.of("plan/nope.json"))).isEqualTo(base);
    }

    @Test
    void contradictoryEditsAreRejected() {
        assertThatThrownBy(() -> write(null, files("a/b", "1"), Set.of("a/b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("tree path edited twice: 'a/b'");
        assertThatThrownBy(() -> write(null, files("a", "1", "a/b", "2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tree path set both as a file and as a directory: ");
    }

    @Test
    void aLargeDirectoryKeepsGitOrderWhenOneEntryChanges() throws IOException {
        Map<String, byte[]> many = new TreeMap<>();
        for (int i = 0; i < 1000; i++) {
            many.put("plan/tasks/f-" + i + ".json", ("" + i).getBytes(StandardCharsets.UTF_8));
        }
        many.put("plan/tasks/f.json", "x".getBytes(StandardCharsets.UTF_8));
        many.put("plan/tasks/f-", "y".getBytes(StandardCharsets.UTF_8));
        ObjectId base = write(null, many);

        ObjectId next = write(base, files("plan/tasks/f-500.json", "changed", "plan/tasks/f-0", "new"),
                Set.of("plan/tasks/f-999.json"));

        List<String> names = names(id(next, "plan/tasks"));
        assertThat(names).hasSize(1002).isSortedAccordingTo(String::compareTo);
        assertThat(names).contains("f-0", "f-500.json").doesNotContain("f-999.json");
        assertThat(content(next, "plan/tasks/f-500.json")).isEqualTo("changed");
        assertThat(id(next, "plan/tasks/f-1.json")).isEqualTo(id(base, "plan/tasks/f-1.json"));
        // the same tree as one written from scratch with the same content
        many.put("plan/tasks/f-500.json", "changed".getBytes(StandardCharsets.UTF_8));
        many.put("plan/tasks/f-0", "new".getBytes(StandardCharsets.UTF_8));
        many.remove("plan/tasks/f-999.json");
        assertThat(write(null, many)).isEqualTo(next);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/abs", "trail/", "a//b", "./a", "a/../b", ".git/config", "x/.GIT/y"})
    void invalidPathsAreRejected(String path) {
        assertThatThrownBy(() -> write(null, files(path, "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid tree path: '" + path + "'");
    }

    private ObjectId write(ObjectId base, Map<String, byte[]> files) throws IOException {
        return write(base, files, Set.of());
    }

    private ObjectId write(ObjectId base, Map<String, byte[]> files, Set<String> removals) throws IOException {
        try (ObjectInserter ins = repo.newObjectInserter(); ObjectReader reader = repo.newObjectReader()) {
            ObjectId id = TreeEditor.write(reader, ins, base, files, removals);
            ins.flush();
            return id;
        }
    }

    private static Map<String, byte[]> files(String... pathsAndContents) {
        Map<String, byte[]> m = new TreeMap<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            m.put(pathsAndContents[i], pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return m;
    }

    private List<String> names(ObjectId tree) throws IOException {
        List<String> out = new ArrayList<>();
        try (ObjectReader reader = repo.newObjectReader()) {
            for (CanonicalTreeParser p = new CanonicalTreeParser(null, reader, tree); !p.eof(); p.next()) {
                out.add(p.getEntryPathString());
            }
        }
        return out;
    }

    private ObjectId id(ObjectId tree, String path) throws IOException {
        try (TreeWalk tw = TreeWalk.forPath(repo, path, tree)) {
            assertThat(tw).as(path).isNotNull();
            return tw.getObjectId(0);
        }
    }

    private String content(ObjectId tree, String path) throws IOException {
        return new String(repo.open(id(tree, path)).getBytes(), StandardCharsets.UTF_8);
    }
}
