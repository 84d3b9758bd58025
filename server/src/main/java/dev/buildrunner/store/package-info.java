/**
 * The state: BuildRunner's spec versions, plan and checkpoints kept as commits and tags of an
 * orphan branch {@code refs/heads/buildrunner} in the project's own repository, written with JGit
 * straight into the object database (no work tree, bare repositories work).
 *
 * <p>{@link dev.buildrunner.store.StateStore} is the entry point; {@link
 * dev.buildrunner.store.StateFormat} names the storage format; {@link
 * dev.buildrunner.store.PlanCodec} reads and writes {@code plan/tasks.json}. Depends on
 * {@code spec} and {@code plan} for their records only: it stores a spec text and a plan as given
 * and knows nothing of parsing or planning. Nothing here returns null: absence is an
 * {@link java.util.Optional} or an empty string or list.
 */
package dev.buildrunner.store;
