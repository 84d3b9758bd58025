package dev.buildrunner.forge.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GitHub's limits (contracts README items 1-4, 14) and how requests are fitted into them. */
class StatusLimitsTest {
    private static final String ROCKET = "\uD83D\uDE80";

    @Test
    void descriptionsUpTo140CharactersAreKeptAsGiven() {
        String exact = "d".repeat(140);
        assertThat(StatusLimits.description(exact)).isSameAs(exact);
        assertThat(StatusLimits.description("spec OK \u2713 \u00e9\u00e8 \u4e2d\u6587")).isEqualTo(
                "spec OK \u2713 \u00e9\u00e8 \u4e2d\u6587");
        assertThat(StatusLimits.description(null)).isNull();
        assertThat(StatusLimits.description("")).isEmpty();
    }

    @Test
    void longerDescriptionsAreCutTo139CharactersAndAnEllipsis() {
        String cut = StatusLimits.description("a".repeat(139) + "bc");
        assertThat(cut).hasSize(140).isEqualTo("a".repeat(139) + "\u2026");
    }

    @Test
    void fourByteCharactersAreRemovedBeforeCounting() {
        assertThat(StatusLimits.description("deployed " + ROCKET + " ok")).isEqualTo("deployed  ok");
        // 140 BMP characters plus emoji: within the limit once the emoji are gone, so nothing is cut
        String mixed = ROCKET + "x".repeat(140) + ROCKET;
        assertThat(StatusLimits.description(mixed)).isEqualTo("x".repeat(140));
        // a lone surrogate is no character at all (and not valid UTF-8)
        assertThat(StatusLimits.description("a\uD83Db")).isEqualTo("ab");
        String emojiOnly = ROCKET.repeat(200);
        assertThat(StatusLimits.description(emojiOnly)).isEmpty();
    }

    @Test
    void aClampedDescriptionNeverHasACodePointAboveTheBmp() {
        Random random = new Random(42);
        for (int i = 0; i < 500; i++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(400);
            for (int k = 0; k < n; k++) {
                int cp = random.nextInt(4) == 0 ? 0x1F300 + random.nextInt(0x300) : 0x20 + random.nextInt(0x3000);
                if (cp >= 0xD800 && cp <= 0xDFFF) {
                    cp = 'z';
                }
                b.appendCodePoint(cp);
            }
            String d = StatusLimits.description(b.toString());
            assertThat(d.codePoints()).allMatch(cp -> cp <= 0xFFFF && (cp < 0xD800 || cp > 0xDFFF));
            assertThat(d.codePointCount(0, d.length())).isLessThanOrEqualTo(140);
            assertThat(StatusLimits.violations(new StatusRequest(StatusState.SUCCESS, "c", d, null))).isEmpty();
        }
    }

    @Test
    void longContextsAreCutTo255WithAHashSuffixThatKeepsThemApart() {
        String base = "buildrunner/" + "x".repeat(300);
        String a = StatusLimits.context(base + "a");
        String b = StatusLimits.context(base + "b");
        assertThat(a).hasSize(255).startsWith("buildrunner/xxx").matches(".*-[0-9a-f]{8}");
        assertThat(b).hasSize(255);
        assertThat(a).isNotEqualTo(b);
        assertThat(StatusLimits.context(base + "a")).isEqualTo(a);
        String exact = "c".repeat(255);
        assertThat(StatusLimits.context(exact)).isSameAs(exact);
        assertThat(StatusLimits.context(null)).isEqualTo("default");
        assertThat(StatusLimits.context("  ")).isEqualTo("default");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://example.com/build/1 | https://example.com/build/1",
        "http://localhost:7070/r/acme/app?sha=1#x | http://localhost:7070/r/acme/app?sha=1#x",
        "'  https://example.com  ' | https://example.com",
        "HTTPS://EXAMPLE.COM/ | HTTPS://EXAMPLE.COM/",
        "ftp://example.com/x | ",
        "javascript:alert(1) | ",
        "/relative/path | ",
        "example.com/no-scheme | ",
        "https://exa mple.com/ | ",
        "https:///no-host | ",
        "'' | ",
    })
    void targetUrlsMustBeAbsoluteHttpUris(String given, String expected) {
        assertThat(StatusLimits.targetUrl(given)).isEqualTo(expected);
    }

    @Test
    void gitLabDropsTargetUrlsLongerThan255() {
        String ok = "https://example.com/" + "p".repeat(235);
        String tooLong = ok + "q";
        assertThat(ok).hasSize(255);
        assertThat(StatusLimits.gitLabTargetUrl(ok)).isEqualTo(ok);
        assertThat(StatusLimits.gitLabTargetUrl(tooLong)).isNull();
        assertThat(StatusLimits.targetUrl(tooLong)).isEqualTo(tooLong);
        StatusRequest r = new StatusRequest(StatusState.SUCCESS, "c", "d", tooLong);
        assertThat(StatusLimits.clampForGitLab(r).targetUrl()).isNull();
        assertThat(StatusLimits.clamp(r).targetUrl()).isEqualTo(tooLong);
    }

    @Test
    void violationsNameTheFieldAndTheLimit() {
        StatusRequest bad = new StatusRequest(StatusState.SUCCESS, "c".repeat(256), "d".repeat(141) + ROCKET,
                "not a url");
        List<StatusLimits.Violation> v = StatusLimits.violations(bad);
        assertThat(v).extracting(StatusLimits.Violation::field).containsExactly("description", "description",
                "context", "target_url");
        assertThat(v.get(0).message()).contains("140");
        assertThat(v.get(2).message()).contains("255");
        assertThat(v).allMatch(x -> x.code().equals("custom"));
        assertThat(StatusLimits.violations(StatusLimits.clamp(bad))).isEmpty();
        // 140 astral-free code points are fine even when they are 3-byte UTF-8 characters
        assertThat(StatusLimits.violations(new StatusRequest(StatusState.SUCCESS, "c", "\u4e2d".repeat(140), null)))
                .isEmpty();
    }

    @Test
    void contextsAreComparedCaseInsensitively() {
        assertThat(StatusLimits.sameContext("BuildRunner/Spec", "buildrunner/spec")).isTrue();
        assertThat(StatusLimits.sameContext("buildrunner/spec", "buildrunner/plan")).isFalse();
        StatusRequest a = new StatusRequest(StatusState.SUCCESS, "CI", "x", null);
        assertThat(a.saysSameAs(new StatusRequest(StatusState.SUCCESS, "ci", "x", null))).isTrue();
        assertThat(a.saysSameAs(new StatusRequest(StatusState.SUCCESS, "ci", "y", null))).isFalse();
        assertThat(a.saysSameAs(new StatusRequest(StatusState.FAILURE, "ci", "x", null))).isFalse();
        assertThat(a.saysSameAs(new StatusRequest(StatusState.SUCCESS, "ci", "x", "https://e.com"))).isFalse();
    }

    @Test
    void statesAreWrittenInLowerCaseAndParsedStrictly() {
        assertThat(StatusState.ERROR.json()).isEqualTo("error");
        assertThat(StatusState.fromJson("pending")).contains(StatusState.PENDING);
        assertThat(StatusState.fromJson("Pending")).isEmpty();
        assertThat(StatusState.fromJson("warning")).isEmpty();
        assertThat(StatusState.fromJson(null)).isEmpty();
        assertThat(new StatusRequest(StatusState.SUCCESS, null, null, null).context()).isEqualTo("default");
    }
}
