/**
 * The spec: the immutable model of {@code PROJECT_SPEC.md} (and other tools' spec formats), its
 * parser, lossless writer and per-feature diff. Depends on nothing else of BuildRunner's.
 *
 * <p>Problems in a spec are data ({@link dev.buildrunner.spec.Diagnostic}), never exceptions;
 * exceptions are for I/O only.
 */
package dev.buildrunner.spec;
