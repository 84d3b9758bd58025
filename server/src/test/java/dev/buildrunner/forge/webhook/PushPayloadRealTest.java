package dev.buildrunner.forge.webhook;

import static dev.buildrunner.forge.webhook.Fixtures.SECRET;
import static dev.buildrunner.forge.webhook.Fixtures.ZERO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.buildrunner.forge.webhook.WebhookDecision.Accepted;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The real and contract payloads of every forge read into exactly the fields their files hold
 * (values checked by reading the files). GitHub and Gitea examples with a headers file are
 * received with those recorded headers and HMACs; the others are signed here.
 */
class PushPayloadRealTest {
    private static final String HELLO_AFTER = "6113728f27ae82c7b1a177c8d03f9e96e0adf246";
    private final WebhookReceiver receiver = new WebhookReceiver();
    private final SecretLookup secrets = SecretLookup.serverWide(SECRET);

    private PushEvent accept(Forge forge, Map<String, String> headers, byte[] body) {
        WebhookDecision d = receiver.receive(forge, headers, body, secrets);
        assertThat(d).isInstanceOf(Accepted.class);
        assertThat(d.httpStatus()).isEqualTo(202);
        return ((Accepted) d).event();
    }

    private PushEvent github(String resource, String delivery) {
        byte[] body = Fixtures.bytes(resource);
        return accept(Forge.GITHUB, Fixtures.github(body, SECRET, "push", delivery), body);
    }

    private PushEvent gitea(String resource, String delivery) {
        byte[] body = Fixtures.bytes(resource);
        return accept(Forge.GITEA, Fixtures.gitea(body, SECRET, "push", delivery), body);
    }

    @Test
    void githubBranchCreatedWithItsRecordedHeaders() {
        byte[] body = Fixtures.bytes("/contracts/github/examples/push.branch-created.json");
        PushEvent e = accept(Forge.GITHUB,
                Fixtures.headers("/contracts/github/examples/push.branch-created.headers.json"), body);
        assertThat(e).isEqualTo(new PushEvent(Forge.GITHUB, "0b989ba4-242f-11e5-81e1-c7b6966d2516",
                "Codertocat/Hello-World", "https://github.com/Codertocat/Hello-World.git", Optional.of("master"),
                "refs/heads/master", ZERO, HELLO_AFTER, true, false, Optional.of(false), "Codertocat"));
        assertThat(e.isBranch()).isTrue();
        assertThat(e.pushKey()).isEqualTo("codertocat/hello-world refs/heads/master " + ZERO + " " + HELLO_AFTER);
    }

    @Test
    void githubRealPushWithNewBranchFromSpecsReadsTheSame() {
        PushEvent e = github("/specs/webhooks/github-push-with-new-branch.payload.json", "d-1");
        assertThat(e).isEqualTo(new PushEvent(Forge.GITHUB, "d-1", "Codertocat/Hello-World",
                "https://github.com/Codertocat/Hello-World.git", Optional.of("master"), "refs/heads/master", ZERO,
                HELLO_AFTER, true, false, Optional.of(false), "Codertocat"));
    }

    @Test
    void githubTagCreated() {
        PushEvent e = github("/contracts/github/examples/push.tag-created.json", "d-2");
        assertThat(e.ref()).isEqualTo("refs/tags/simple-tag");
        assertThat(e.isTag()).isTrue();
        assertThat(e.before()).isEqualTo(ZERO);
        assertThat(e.after()).isEqualTo(HELLO_AFTER);
        assertThat(e.created()).isTrue();
        assertThat(e.deleted()).isFalse();
    }

    @Test
    void githubTagDeletedHasAfterZeroAndDeletedTrue() {
        for (String resource : new String[] {"/contracts/github/examples/push.tag-deleted.json",
                "/specs/webhooks/github-push-payload.json"}) {
            PushEvent e = github(resource, "d-3");
            assertThat(e).as(resource).isEqualTo(new PushEvent(Forge.GITHUB, "d-3", "Codertocat/Hello-World",
                    "https://github.com/Codertocat/Hello-World.git", Optional.of("master"), "refs/tags/simple-tag",
                    HELLO_AFTER, ZERO, false, true, Optional.of(false), "Codertocat"));
        }
    }

    @Test
    void githubOrdinaryUpdate() {
        PushEvent e = github("/contracts/github/examples/push.branch-updated.DERIVED.json", "d-4");
        assertThat(e.before()).isEqualTo(HELLO_AFTER);
        assertThat(e.after()).isEqualTo("f95f852bd8fca8fcc58a9a2d6c842781e32a215e");
        assertThat(e.created()).isFalse();
        assertThat(e.deleted()).isFalse();
        assertThat(e.forced()).contains(false);
    }

    @Test
    void giteaPushWithItsRecordedHeaders() {
        byte[] body = Fixtures.bytes("/contracts/gitea/examples/push.json");
        PushEvent e = accept(Forge.GITEA, Fixtures.headers("/contracts/gitea/examples/push.headers.json"), body);
        assertThat(e).isEqualTo(new PushEvent(Forge.GITEA, "5b0a3c1e-8f6d-4c2b-9a7e-1d2f3a4b5c6d", "alice/demo",
                "http://gitea.local:3000/alice/demo.git", Optional.of("main"), "refs/heads/main",
                "9c2a8f3b1e4d5c6a7b8c9d0e1f2a3b4c5d6e7f80", "4d1e7b6a2c3f8e9d0a1b2c3d4e5f6a7b8c9d0e1f", false, false,
                Optional.empty(), "alice"));
    }

    @Test
    void giteaBranchCreatedIsDerivedFromTheZeroIdForGiteaHasNoFlags() {
        PushEvent e = gitea("/contracts/gitea/examples/push.branch-created.json", "g-1");
        assertThat(e.ref()).isEqualTo("refs/heads/feature-x");
        assertThat(e.before()).isEqualTo(ZERO);
        assertThat(e.after()).isEqualTo("4d1e7b6a2c3f8e9d0a1b2c3d4e5f6a7b8c9d0e1f");
        assertThat(e.created()).isTrue();
        assertThat(e.deleted()).isFalse();
        assertThat(e.forced()).isEmpty();
    }

    @Test
    void realGiteaPushFrom2017WithoutTotalCommitsOrHeadCommit() {
        PushEvent e = gitea("/specs/webhooks/gitea-push.json", "g-2");
        assertThat(e).isEqualTo(new PushEvent(Forge.GITEA, "g-2", "gogits/hello-world",
                "http://try.gitea.io/gogits/hello-world.git", Optional.of("master"), "refs/heads/master",
                "9836a96a253cce25d17988fcf41b8c4205cf779f", "4522cbcefc20728a5b72b3a86af35e608622c514", false, false,
                Optional.empty(), "unknwon"));
    }

    @Test
    void gitlabPushWithItsRecordedHeaders() {
        byte[] body = Fixtures.bytes("/contracts/gitlab/examples/push.json");
        PushEvent e = accept(Forge.GITLAB, Fixtures.headers("/contracts/gitlab/examples/push.headers.json"), body);
        assertThat(e).isEqualTo(new PushEvent(Forge.GITLAB, "13792a34-cac6-4fda-95a8-c58e00a3954e", "mike/diaspora",
                "http://gitlab.local/mike/diaspora.git", Optional.of("master"), "refs/heads/master",
                "95790bf891e76fee5e1747ab589903a6a1f80f22", "da1560886d4f094c3e6c9ef40349f7d38b5d27d7", false, false,
                Optional.empty(), "jsmith"));
    }

    @Test
    void gitlabBranchDeletedIsDerivedFromTheZeroId() {
        byte[] body = Fixtures.bytes("/contracts/gitlab/examples/push.branch-deleted.json");
        PushEvent e = accept(Forge.GITLAB, Fixtures.gitlab(SECRET, "Push Hook", "2f0b7a4e-0d5c-4a8e-9f41-6b1f3c2d9e70"),
                body);
        assertThat(e.ref()).isEqualTo("refs/heads/feature-x");
        assertThat(e.before()).isEqualTo("da1560886d4f094c3e6c9ef40349f7d38b5d27d7");
        assertThat(e.after()).isEqualTo(ZERO);
        assertThat(e.deleted()).isTrue();
        assertThat(e.created()).isFalse();
        assertThat(e.deliveryId()).isEqualTo("2f0b7a4e-0d5c-4a8e-9f41-6b1f3c2d9e70");
    }

    @Test
    void theSamePushFromTwoHooksHasOnePushKey() {
        PushEvent viaRepoHook = github("/contracts/github/examples/push.tag-deleted.json", "hook-a");
        PushEvent viaApp = github("/specs/webhooks/github-push-payload.json", "hook-b");
        assertThat(viaRepoHook.deliveryId()).isNotEqualTo(viaApp.deliveryId());
        assertThat(viaRepoHook.pushKey()).isEqualTo(viaApp.pushKey());
    }
}
