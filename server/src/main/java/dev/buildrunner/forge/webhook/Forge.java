package dev.buildrunner.forge.webhook;

/**
 * The forges whose push webhooks BuildRunner receives. Each route ({@code /webhooks/github},
 * {@code /webhooks/gitea}, {@code /webhooks/gitlab}) names its forge; the receiver never guesses it
 * from the headers.
 */
public enum Forge {
    /** GitHub and GitHub Enterprise: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256>}. */
    GITHUB,
    /**
     * Gitea, Forgejo and Gogs: {@code X-Gitea-Signature} (or {@code X-Forgejo-Signature},
     * {@code X-Gogs-Signature}) as bare hex HMAC-SHA256, plus the GitHub-compatible headers.
     */
    GITEA,
    /** GitLab: {@code X-Gitlab-Token} carries the shared secret in plain text (no HMAC). */
    GITLAB
}
