/**
 * The plan: decomposition of a spec's features into 1-2 hour tasks, the task DAG, parallel
 * waves, the critical path, batches of 2-3 same-domain tasks, and the adaptive planner that
 * regenerates only what a spec change touched. Depends only on {@code spec}.
 *
 * <p>Entry points: {@link dev.buildrunner.plan.Planner#plan} (a fresh plan),
 * {@link dev.buildrunner.plan.Planner#assemble} (dependencies, batches, waves and critical path
 * recomputed after task statuses changed), {@link dev.buildrunner.plan.AdaptivePlanner#regenerate}
 * (a spec change). The parts: {@link dev.buildrunner.plan.Decomposer},
 * {@link dev.buildrunner.plan.TaskGraph}, {@link dev.buildrunner.plan.Batcher}.
 *
 * <p>Problems in the spec's dependencies (unknown feature, cycle) are
 * {@link dev.buildrunner.spec.Diagnostic}s in {@link dev.buildrunner.plan.Plan#diagnostics()},
 * never exceptions. Every class is immutable or stateless, and deterministic: equal inputs (and
 * clock instants) give equal plans.
 */
package dev.buildrunner.plan;
