/**
 * The state: BuildRunner's spec versions, plan and checkpoints kept as commits and tags of an
 * orphan branch {@code refs/heads/buildrunner} in the project's own repository, written with JGit
 * straight into the object database (no work tree, bare repositories work).
 *
 * <p>A state commit's tree (schema 2, {@link dev.buildrunner.store.StateFormat} has the details):
 * <pre>
 * spec/PROJECT_SPEC.md        the spec text
 * plan/plan.json              schema, task order (feature runs), batches, waves, critical path, diagnostics
 * plan/tasks/&lt;feature&gt;.json   one file per feature id: its tasks with their history
 * </pre>
 * One file per feature makes a commit cost what changed: a one-feature regeneration writes that
 * feature's file, {@code plan/plan.json} and the spec, and keeps every other blob of the parent.
 *
 * <p>{@link dev.buildrunner.store.StateStore} is the entry point; {@link
 * dev.buildrunner.store.StateFormat} names the storage format; {@link
 * dev.buildrunner.store.PlanCodec} reads and writes the plan files. Depends on {@code spec} and
 * {@code plan} for their records only: it stores a spec text and a plan as given and knows
 * nothing of parsing or planning. Nothing here returns null: absence is an {@link
 * java.util.Optional} or an empty string or list.
 */
package dev.buildrunner.store;
