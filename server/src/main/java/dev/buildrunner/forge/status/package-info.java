/**
 * Commit statuses: BuildRunner's verdicts ({@code buildrunner/spec}, {@code buildrunner/plan}, ...)
 * on the analysed commit, kept in the repository itself and posted to forges.
 *
 * <ul>
 *   <li>Model: {@link dev.buildrunner.forge.status.StatusState}, {@link
 *       dev.buildrunner.forge.status.StatusRequest} (a write), {@link
 *       dev.buildrunner.forge.status.CommitStatus} (a stored status), {@link
 *       dev.buildrunner.forge.status.CombinedStatus} (GitHub's combined rules) and {@link
 *       dev.buildrunner.forge.status.StatusLimits} (GitHub's 140/255/4-byte/URI limits).
 *   <li>Embedded store: {@link dev.buildrunner.forge.status.NoteStatusStore} keeps the statuses
 *       of a commit as JSON lines in a git note under {@code refs/notes/buildrunner}
 *       ({@link dev.buildrunner.forge.status.StatusNotesFormat}); {@link
 *       dev.buildrunner.forge.status.GitHubStatusJson} renders them in GitHub's response shapes.
 *   <li>Forges: {@link dev.buildrunner.forge.status.StatusSink} with GitHub, Gitea/Forgejo and
 *       GitLab implementations, each answering a {@link dev.buildrunner.forge.status.SinkOutcome};
 *       {@link dev.buildrunner.forge.status.StatusOutbox} makes delivery durable across outages
 *       and restarts.
 * </ul>
 *
 * <p>Wiring, in short: the pipeline posts to the embedded store ({@code notes.post(sha,
 * StatusRequest.of(StatusState.PENDING, "buildrunner/spec", "parsing"), "buildrunner")}) and, for
 * a forge mirror, enqueues the same request in one {@code StatusOutbox.open(dataDir.resolve(
 * "status-outbox"), router)} started at boot and closed at shutdown; the read routes resolve
 * {@code REF} with {@code notes.resolve(ref)} and answer {@code json.list(repo, notes.list(sha))}
 * and {@code json.combined(repo, notes.combined(sha))}; a {@code StatusRejectedException} becomes
 * 422 with {@code json.rejected(e)}.
 *
 * <p>Depends on the JDK, JGit, Jackson and slf4j only: nothing else of BuildRunner (issue 4
 * layering). Nullable values are named so in the javadoc; nothing else is null.
 */
package dev.buildrunner.forge.status;
