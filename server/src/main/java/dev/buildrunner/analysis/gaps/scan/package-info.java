/**
 * Reads what code declares, for the gap analyser: HTTP routes of the common web frameworks
 * (Spring, JAX-RS, Javalin, FastAPI, Flask, Express, Koa, Fastify, Next.js) and the HTTP calls
 * of frontend code (fetch, axios, Angular's HttpClient). Each file is scanned on its own into a
 * cacheable {@link dev.buildrunner.analysis.gaps.scan.FileScan};
 * {@link dev.buildrunner.analysis.gaps.scan.RouteResolver} joins them across files (mounts,
 * imports, base URLs). Regular expressions and small scanners over lexed text, no parser
 * generators, no network.
 */
package dev.buildrunner.analysis.gaps.scan;
