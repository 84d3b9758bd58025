/**
 * The {@code br} command line (picocli): one class per subcommand, each a
 * {@code Callable<Integer>} built with its dependencies by {@link dev.buildrunner.cli.Main}.
 * Works on a local clone with no server. Exit codes: 0 ok, 1 the spec (or a gate) has errors,
 * 2 usage or I/O problem, with a one-line message naming the file; 3 an internal error (a bug,
 * stack trace on stderr).
 */
package dev.buildrunner.cli;
