/**
 * The plan: decomposition of a spec's features into 1-2 hour tasks, the task DAG (jgrapht),
 * parallel waves, the critical path, batches of 2-3 same-domain tasks, and the adaptive planner
 * that regenerates only what a spec change touched. Depends only on {@code spec}.
 */
package dev.buildrunner.plan;
