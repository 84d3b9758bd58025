package dev.buildrunner.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The readable HTML page of one analyser's report: verdict, summary, the report's own figures
 * (every top-level number, string or boolean, and one level of nested objects such as a score
 * breakdown), and the findings as a table. Self-contained (inline CSS, no script); every value
 * is HTML-escaped.
 */
final class ReportPage {
    private ReportPage() {
    }

    /** Renders the page; {@code report} is the analyser's JSON report. */
    static String render(String repo, String sha, String analyser, JsonNode report) {
        boolean passed = report.path("passed").asBoolean(false);
        boolean skipped = report.path("skipped").asBoolean(false);
        String verdict = skipped ? "skipped" : passed ? "passed" : "failed";
        StringBuilder h = new StringBuilder(8192);
        h.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc("buildrunner/" + analyser + " " + verdict + " - " + repo + "@" + sha.substring(0, 7)))
                .append("</title>\n<style>body{font:14px/1.45 system-ui,sans-serif;margin:2em;max-width:70em}"
                        + "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3em .5em;"
                        + "text-align:left;vertical-align:top}.passed{color:#1a7f37}.failed{color:#cf222e}"
                        + ".skipped{color:#9a6700}code{font-size:90%}dt{font-weight:600}</style></head><body>\n");
        h.append("<h1>buildrunner/").append(esc(analyser)).append(": <span class=\"").append(verdict).append("\">")
                .append(verdict).append("</span></h1>\n");
        h.append("<p>").append(esc(report.path("summary").asText(""))).append("</p>\n");
        h.append("<p><code>").append(esc(repo)).append("</code> at <code>").append(esc(sha)).append("</code> &middot; ")
                .append("<a href=\"../").append(esc(analyser)).append("\">JSON</a> &middot; <a href=\"sarif\">SARIF</a></p>\n");
        h.append("<h2>Figures</h2>\n<dl>\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = report.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("findings") || e.getKey().equals("rules")) {
                continue;
            }
            JsonNode v = e.getValue();
            if (v.isValueNode()) {
                h.append("<dt>").append(esc(e.getKey())).append("</dt><dd>").append(esc(v.asText())).append("</dd>\n");
            } else if (v.isObject() && v.size() <= 50) {
                h.append("<dt>").append(esc(e.getKey())).append("</dt><dd>");
                v.fields().forEachRemaining(f -> h.append(esc(f.getKey())).append(": ")
                        .append(esc(f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString()))
                        .append("<br>"));
                h.append("</dd>\n");
            } else if (v.isArray()) {
                h.append("<dt>").append(esc(e.getKey())).append("</dt><dd>").append(v.size()).append(" entries</dd>\n");
            }
        }
        h.append("</dl>\n");
        JsonNode findings = report.path("findings");
        h.append("<h2>Findings (").append(findings.size()).append(")</h2>\n");
        if (findings.size() > 0) {
            h.append("<table><tr><th>level</th><th>where</th><th>rule</th><th>message</th><th>feature</th></tr>\n");
            int shown = 0;
            for (JsonNode f : findings) {
                if (shown++ == 2000) {
                    h.append("<tr><td colspan=\"5\">").append(findings.size() - 2000)
                            .append(" more: see the JSON or SARIF</td></tr>\n");
                    break;
                }
                String where = f.path("path").asText("") + (f.path("line").asInt(0) > 0 ? ":" + f.path("line").asInt() : "");
                h.append("<tr><td>").append(esc(f.path("level").asText(""))).append("</td><td><code>").append(esc(where))
                        .append("</code></td><td>").append(esc(f.path("ruleId").asText(""))).append("</td><td>")
                        .append(esc(f.path("message").asText(""))).append("</td><td>").append(esc(f.path("featureId").asText("")))
                        .append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    /** Escapes the five characters HTML gives meaning to. */
    static String esc(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
