package dev.buildrunner.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ReportPageTest {
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void showsVerdictFiguresAndFindingsWithEveryValueEscaped() throws Exception {
        String report = """
                {"analyser":"quality","revision":"%s","passed":false,"summary":"score 61/100 <gate 70>",
                 "score":61,"breakdown":{"pmd":-20,"secrets":-19},
                 "findings":[{"ruleId":"secrets/github-token","level":"ERROR","message":"token <script>alert(1)</script>",
                              "path":"src/a&b.java","line":7,"featureId":"","properties":{}}],
                 "rules":[]}""".formatted(SHA);

        String html = ReportPage.render("acme/shop", SHA, "quality", new ObjectMapper().readTree(report));

        assertThat(html).contains("<span class=\"failed\">failed</span>")
                .contains("score 61/100 &lt;gate 70&gt;")
                .contains("<dt>score</dt><dd>61</dd>")
                .contains("pmd: -20<br>secrets: -19<br>")
                .contains("<code>src/a&amp;b.java:7</code>")
                .contains("token &lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>")
                .contains("<h2>Findings (1)</h2>")
                .contains("<a href=\"sarif\">SARIF</a>");
    }

    @Test
    void aSkippedReportSaysSkipped() throws Exception {
        String html = ReportPage.render("acme/shop", SHA, "quality",
                new ObjectMapper().readTree("{\"passed\":false,\"skipped\":true,\"summary\":\"no code\",\"findings\":[]}"));
        assertThat(html).contains("<span class=\"skipped\">skipped</span>").contains("<h2>Findings (0)</h2>");
    }
}
