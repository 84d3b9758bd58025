package dev.buildrunner.pipeline;

import java.util.Objects;

/**
 * Builds the {@code target_url} of each status: a page of this server with the full result.
 *
 * @param baseUrl the server's public base URL without a trailing slash, e.g. {@code http://localhost:7070}
 */
public record ReportLinks(String baseUrl) {
    public ReportLinks {
        Objects.requireNonNull(baseUrl, "baseUrl");
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
    }

    /** The spec report of the pushed commit: its features and diagnostics. */
    public String spec(RefChange c) {
        return baseUrl + "/api/repos/" + c.repository() + "/commits/" + c.after() + "/spec";
    }

    /** The plan of the repository. */
    public String plan(RefChange c) {
        return baseUrl + "/api/repos/" + c.repository() + "/plan";
    }

    /** The readable page of an analyser's report on the pushed commit (JSON and SARIF are linked from it). */
    public String report(RefChange c, String analyser) {
        return baseUrl + "/api/repos/" + c.repository() + "/commits/" + c.after() + "/reports/" + analyser + "/html";
    }
}
