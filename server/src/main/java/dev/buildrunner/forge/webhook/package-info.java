/**
 * Webhooks in: push deliveries from GitHub, Gitea/Forgejo/Gogs and GitLab are verified
 * ({@link dev.buildrunner.forge.webhook.WebhookReceiver}: signatures over the raw body, fail
 * closed), read into a {@link dev.buildrunner.forge.webhook.PushEvent}, and journaled durably
 * before they are acknowledged ({@link dev.buildrunner.forge.webhook.DeliveryJournal}: fsync,
 * CRC32 records, dedup by delivery id and by repository/ref/before/after, compaction, replay after
 * a crash). {@link dev.buildrunner.forge.webhook.WebhookInbox} joins the two for a web route.
 *
 * <p>Depends on nothing of ours: the JDK, Jackson and SLF4J only. Forge contracts: the shared
 * {@code contracts/} folder and {@code FORGE-NOTES.md}. Nothing here returns null: absence is an
 * {@link java.util.Optional} or an empty string.
 */
package dev.buildrunner.forge.webhook;
