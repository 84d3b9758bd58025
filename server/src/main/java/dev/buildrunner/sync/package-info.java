/**
 * The use cases the CLI and the server share: apply a spec version to the {@code buildrunner}
 * branch (parse, adaptive planning, one compare-and-swap commit), move a task through its
 * statuses, roll the spec back. Each is a {@link dev.buildrunner.store.StateChange} so the store
 * can re-run it on a fresh state after a conflict.
 */
package dev.buildrunner.sync;
