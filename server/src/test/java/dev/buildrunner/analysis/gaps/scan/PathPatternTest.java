package dev.buildrunner.analysis.gaps.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.buildrunner.analysis.gaps.code.PathExpr;
import org.junit.jupiter.api.Test;

/** Normal forms and matching of paths across framework styles. */
class PathPatternTest {

    private static PathPattern p(String raw) {
        return PathPattern.parse(raw).orElseThrow();
    }

    @Test
    void parameterStylesNormaliseToOneForm() {
        for (String raw : new String[] {"/users/:id", "/users/{id}", "/users/<id>", "/users/<int:id>", "/users/[id]",
                "/users/[...slug]", "/users/:id?", "/users/*", "users/{id}/", "/users//{userId}"}) {
            assertThat(p(raw).key()).as(raw).isEqualTo("/users/{}");
        }
        assertThat(p("/").key()).isEqualTo("/");
        assertThat(p("/a?x=1#top").key()).isEqualTo("/a");
        assertThat(p("http://127.0.0.1:8080/api/x").key()).isEqualTo("/api/x");
        assertThat(PathPattern.parse("https://example.com/api/x")).isEmpty();
        assertThat(PathPattern.parse("//cdn.example.com/x")).isEmpty();
        assertThat(PathPattern.parse(PathExpr.ref("url"))).isEmpty();
        assertThat(p(PathExpr.ref("base") + "/users/" + PathExpr.ref("id")).key()).isEqualTo("…/users/?");
    }

    @Test
    void endpointsNeedParametersWhereTheRouteHasThem() {
        assertThat(p("/users/{id}").implementsEndpoint(p("/users/:userId"))).isTrue();
        assertThat(p("/users/{id}").implementsEndpoint(p("/users/me"))).isFalse();
        assertThat(p("/users/me").implementsEndpoint(p("/users/{id}"))).isFalse();
        assertThat(p("/users").implementsEndpoint(p("/users/{id}"))).isFalse();
        assertThat(p(PathExpr.ref("base") + "/update").implementsEndpoint(p("/api/prd/update"))).isTrue();
        assertThat(p("/api/" + PathExpr.ref("v") + "/x").implementsEndpoint(p("/api/v1/x"))).isTrue();
    }

    @Test
    void callsMatchParametersWithAnyValue() {
        assertThat(p("/users/{id}").servesCall(p("/users/42"))).isTrue();
        assertThat(p("/users/me").servesCall(p("/users/" + PathExpr.ref("id")))).isTrue();
        assertThat(p("/api/users").servesCall(p(PathExpr.ref("env.apiUrl") + "/users"))).isTrue();
        assertThat(p("/api/users").servesCall(p(PathExpr.ref("env.apiUrl") + "/api/users"))).isTrue();
        assertThat(p("/users").servesCall(p(PathExpr.ref("env.apiUrl") + "/api/users"))).isFalse();
        assertThat(p("/api/orders").servesCall(p(PathExpr.ref("env.apiUrl") + "/users"))).isFalse();
        assertThat(PathPattern.methodMatches(Route.ANY, "DELETE")).isTrue();
        assertThat(PathPattern.methodMatches("GET", "POST")).isFalse();
    }
}
