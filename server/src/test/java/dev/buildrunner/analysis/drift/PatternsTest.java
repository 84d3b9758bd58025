package dev.buildrunner.analysis.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Globs over paths, dotted-name patterns (ArchUnit's package identifiers) and module patterns. */
class PatternsTest {
    @Test
    void globs() {
        Glob web = Glob.of("src/main/java/**/web/**");
        assertThat(web.matches("src/main/java/com/acme/web/A.java")).isTrue();
        assertThat(web.matches("src/main/java/web/A.java")).isTrue();
        assertThat(web.matches("src/main/java/com/acme/webapp/A.java")).isFalse();
        assertThat(web.matches("src/test/java/com/acme/web/A.java")).isFalse();
        assertThat(Glob.of("**/*.test.{ts,tsx}").matches("src/a/b.test.tsx")).isTrue();
        assertThat(Glob.of("**/*.test.{ts,tsx}").matches("b.test.ts")).isTrue();
        assertThat(Glob.of("src/*.ts").matches("src/a/b.ts")).isFalse();
        assertThat(Glob.of("src/?.ts").matches("src/a.ts")).isTrue();
        assertThat(Glob.of("a+b/(x).java").matches("a+b/(x).java")).isTrue();
        assertThatThrownBy(() -> Glob.of("/abs/**")).hasMessageContaining("repository-relative");
        assertThatThrownBy(() -> Glob.of("src/../etc")).hasMessageContaining("'..'");
        assertThatThrownBy(() -> Glob.of("src/{a,b")).hasMessageContaining("unclosed '{'");
    }

    @Test
    void dottedPatternsFollowArchUnit() {
        NamePattern store = NamePattern.dotted("dev.buildrunner.store..");
        assertThat(store.matches("dev.buildrunner.store")).isTrue();
        assertThat(store.matches("dev.buildrunner.store.StateStore")).isTrue();
        assertThat(store.matches("dev.buildrunner.store.a.B")).isTrue();
        assertThat(store.matches("dev.buildrunner.storeX.B")).isFalse();
        assertThat(store.matches("dev.buildrunner.sync.B")).isFalse();
        NamePattern anyWeb = NamePattern.dotted("..web..");
        assertThat(anyWeb.matches("com.acme.web.A")).isTrue();
        assertThat(anyWeb.matches("web")).isTrue();
        assertThat(anyWeb.matches("com.acme.website.A")).isFalse();
        NamePattern middle = NamePattern.dotted("com..store.*");
        assertThat(middle.matches("com.store.A")).isTrue();
        assertThat(middle.matches("com.acme.x.store.A")).isTrue();
        assertThat(middle.matches("com.acme.store")).isFalse();
        assertThat(NamePattern.dotted("org.slf4j.Logger").matches("org.slf4j.LoggerFactory")).isFalse();
        assertThatThrownBy(() -> NamePattern.dotted("com/acme")).hasMessageContaining("not a name pattern");
        assertThatThrownBy(() -> NamePattern.dotted("com...acme")).hasMessageContaining("not a name pattern");
    }

    @Test
    void modulePatternsMatchSubpaths() {
        NamePattern lodash = NamePattern.module("lodash");
        assertThat(lodash.matches("lodash")).isTrue();
        assertThat(lodash.matches("lodash/debounce")).isTrue();
        assertThat(lodash.matches("lodash-es")).isFalse();
        NamePattern scoped = NamePattern.module("@legacy/*");
        assertThat(scoped.matches("@legacy/ui")).isTrue();
        assertThat(scoped.matches("@legacy/ui/button")).isTrue();
        assertThat(scoped.matches("@modern/ui")).isFalse();
        assertThatThrownBy(() -> NamePattern.module("left pad")).hasMessageContaining("not a module pattern");
    }

    @Test
    void routePathsCompareAcrossParameterStyles() {
        assertThat(RoutePaths.normalise("/users/{id}")).isEqualTo("/users/{}");
        assertThat(RoutePaths.normalise("/users/:id")).isEqualTo("/users/{}");
        assertThat(RoutePaths.normalise("/users/<int:id>/")).isEqualTo("/users/{}");
        assertThat(RoutePaths.normalise("users/[id]?x=1")).isEqualTo("/users/{}");
        assertThat(RoutePaths.normalise("/files/{path:.+}")).isEqualTo("/files/{}");
        assertThat(RoutePaths.normalise("/")).isEqualTo("/");
        assertThat(RoutePaths.join("/api/", "/x")).isEqualTo("/api/x");
        assertThat(RoutePaths.join("/api", "")).isEqualTo("/api");
        assertThat(RoutePaths.join("", "x")).isEqualTo("/x");
        assertThat(RoutePaths.join("", "")).isEqualTo("/");
    }
}
