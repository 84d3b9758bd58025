/**
 * Small mechanisms several layers share and that belong to none of them, such as the bounded,
 * jittered retry of a lost compare-and-swap. Depends on nothing of BuildRunner's; every package
 * may use it.
 */
package dev.buildrunner.support;
