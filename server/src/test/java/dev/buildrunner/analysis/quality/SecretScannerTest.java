package dev.buildrunner.analysis.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The secret scanner on one-file texts. Token-shaped values are assembled at run time so that this
 * source file holds none.
 */
class SecretScannerTest {
    private static final String GITHUB = "ghp_" + "u8jzPde0IgxLd6GncfBA" + "epfJBd0Kh8oOOL8d";
    private static final String FINE_GRAINED = "github_pat_" + "11ABCDEFG0123456789abc" + "_"
            + "Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Jh1Gf0EdCbAzYxWvUtSrQpOnMlKjIhGfEdC";
    private static final String AWS_ID = "ASIA" + "QWERTYUIOPASDFGH";
    private static final String AWS_SECRET = "kM+R5Kjp1vRt/1fjORS+" + "6ilI8ihN5KXSc7Tvo+hB";
    private static final String SLACK = "xoxb-" + "996030824628-194821993518-" + "TeKdNnFRIBXuDL7DxtpYlSXp";
    private static final String WEBHOOK = "https://hooks.slack.com/services/" + "T0123ABCD/B0456EFGH/"
            + "aBcDeFgHiJkLmNoPqRsTuVwX";
    private static final String HIGH_ENTROPY = "XsiVpzz63FfkCz" + "Jr4i0B3JrTAwR4";

    private final SecretScanner scanner = new SecretScanner();

    private List<String> rules(String path, String text) {
        return scanner.scan(path, text, 3.5).stream().map(h -> h.rule() + "@" + h.line()).toList();
    }

    @Test
    void findsEachKnownTokenFormatOnItsLine() {
        String text = String.join("\n",
                "token: " + GITHUB,
                "fine = \"" + FINE_GRAINED + "\"",
                "key id " + AWS_ID,
                "aws_secret_access_key = " + AWS_SECRET,
                "slack " + SLACK,
                "hook: " + WEBHOOK);
        assertThat(rules("notes.txt", text)).containsExactly("github-token@1", "github-token@2",
                "aws-access-key-id@3", "aws-secret-access-key@4", "slack-token@5", "slack-webhook@6");
    }

    @Test
    void masksAllButThePublicPrefix() {
        SecretScanner.Hit hit = scanner.scan("a.env", "GITHUB_TOKEN=" + GITHUB, 3.5).get(0);
        assertThat(hit.value()).isEqualTo(GITHUB);
        String masked = SecretScanner.mask(hit);
        assertThat(masked).isEqualTo("ghp_******** (40 characters)").doesNotContain(GITHUB.substring(4, 10));
    }

    @Test
    void genericAssignmentsCountInCodeOnlyWhenQuotedAndInConfigurationAlsoUnquoted() {
        assertThat(rules("App.java", "String apiKey = \"" + HIGH_ENTROPY + "\";")).containsExactly("generic-secret@1");
        assertThat(rules("App.java", "String password = System.getenv(\"DB_PASSWORD\");")).isEmpty();
        assertThat(rules("App.java", "token = tokenizer" + HIGH_ENTROPY + ";")).isEmpty();
        assertThat(rules("app.properties", "db.password=" + HIGH_ENTROPY)).containsExactly("generic-secret@1");
        assertThat(rules(".env.production", "CLIENT_SECRET=" + HIGH_ENTROPY)).containsExactly("generic-secret@1");
        assertThat(rules("config.yaml", "  secret: \"" + HIGH_ENTROPY + "\"")).containsExactly("generic-secret@1");
        assertThat(rules("data.json", "{\"api_key\": \"" + HIGH_ENTROPY + "\"}")).containsExactly("generic-secret@1");
    }

    @Test
    void placeholdersLowEntropyAndUnrelatedNamesAreNotSecrets() {
        assertThat(rules("app.properties", String.join("\n",
                "db.password=${DB_PASSWORD}",
                "api_key=<your key here>",
                "secret=changeme-in-production",
                "token=aaaaaaaaaaaaaaaa",
                "password=password1",
                "integrity=sha512-XI5MPzVNApjAyhQzphX8BkmKsKUxD4LdyK24iZeQB2GyHXHcl8V0nSv9otqbI",
                "commit=3e426d8f0c1b2a3d4e5f60718293a4b5c6d7e8f9"))).isEmpty();
    }

    @Test
    void aPrivateKeyNeedsItsBodyNotJustTheHeader() {
        String body = "MIIEowIBAAKCAQEA7Vb3kR2c9pL0xQ8mZ1yT4nH6sJ";
        assertThat(rules("id_rsa", "-----BEGIN RSA" + " PRIVATE KEY-----\n" + body + "\n-----END RSA PRIVATE KEY-----\n"))
                .containsExactly("private-key@1");
        assertThat(rules("docs/keys.md", "A PEM file starts with `-----BEGIN RSA" + " PRIVATE KEY-----`.\nThen the body."))
                .isEmpty();
    }

    @Test
    void theAllowCommentCoversItsLineAndTheNext() {
        String text = String.join("\n",
                "a = \"" + SLACK + "\" // " + SecretScanner.ALLOW_MARKER,
                "# " + SecretScanner.ALLOW_MARKER + ": fake, for the emulator",
                "b = \"" + SLACK + "\"",
                "c = \"" + SLACK + "\"");
        assertThat(rules("x.py", text)).containsExactly("slack-token@4");
    }

    @Test
    void entropyIsShannonsInBitsPerCharacter() {
        assertThat(SecretScanner.entropy("aaaa")).isZero();
        assertThat(SecretScanner.entropy("abcd")).isCloseTo(2.0, within(1e-9));
        assertThat(SecretScanner.entropy("aabb")).isCloseTo(1.0, within(1e-9));
        assertThat(SecretScanner.entropy(HIGH_ENTROPY)).isGreaterThan(4.0);
    }
}
