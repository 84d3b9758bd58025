/**
 * Presentation shared by the interfaces: the JSON views of specs, diffs, plans, versions and
 * checkpoints that {@code cli} prints and {@code web} serves, so both speak the same contract.
 */
package dev.buildrunner.view;
