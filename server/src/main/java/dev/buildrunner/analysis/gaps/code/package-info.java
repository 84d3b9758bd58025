/**
 * Lexing for the gap analyser: source text with comments (and Python docstrings) blanked, string
 * expressions read into values with references, a file's string constants, Java annotations
 * grouped by declaration. Offsets and lines are kept, so findings point at the right line.
 */
package dev.buildrunner.analysis.gaps.code;
