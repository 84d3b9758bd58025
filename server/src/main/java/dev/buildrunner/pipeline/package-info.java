/**
 * What happens to a push: the repositories the server hosts or mirrors, and the pipeline that
 * turns each updated ref into a regenerated plan on the {@code buildrunner} branch and commit
 * statuses on the pushed commit. Interfaces ({@code web}, {@code cli}) call it; it calls
 * {@code sync}, {@code store} and {@code forge}.
 */
package dev.buildrunner.pipeline;
