package dev.buildrunner.analysis.gaps.code;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Lexing: comments and docstrings are blank, strings kept (text view) or blank (code view), lines kept. */
class CodeTextTest {

    @Test
    void javaCommentsStringsAndTextBlocks() {
        String src = "a(\"//x\"); // c\n/* b\n */ s = \"\"\"\n  @GetMapping(\"/tb\")\n\"\"\"; c = '\"';";
        CodeText ct = CodeText.of(Language.JAVA, src);
        assertThat(ct.text()).hasSameSizeAs(src).contains("a(\"//x\");").doesNotContain("// c").doesNotContain("b\n");
        assertThat(ct.code()).contains("a(\"   \");");
        assertThat(ct.code()).doesNotContain("@GetMapping");
        assertThat(ct.line(src.indexOf("s ="))).isEqualTo(3);
        assertThat(ct.text().split("\n", -1)).hasSize(src.split("\n", -1).length);
    }

    @Test
    void javaScriptTemplatesRegexesAndComments() {
        String src = "const u = `${base}/x/${f(`/in`)}`; // fetch('/c')\nconst r = /\\/\\/(a)/g; x = 1 / 2; // y\n"
                + "const s = 'it\\'s /* not */ a comment';";
        CodeText ct = CodeText.of(Language.JS, src);
        assertThat(ct.text()).contains("`${base}/x/${f(`/in`)}`").doesNotContain("fetch").doesNotContain("// y")
                .contains("/\\/\\/(a)/g").contains("1 / 2").contains("/* not */");
        assertThat(ct.code()).contains("${base}").doesNotContain("/x/").doesNotContain("not");
    }

    @Test
    void pythonDocstringsAndCommentsAreBlankSingleQuotedStringsAreKept() {
        String src = "def f():\n    \"\"\"Example: @app.get(\"/doc\")\n    \"\"\"\n    x = '#not a comment'  # @app.get(\"/c\")\n"
                + "    y = f'{a}/b'\n";
        CodeText ct = CodeText.of(Language.PYTHON, src);
        assertThat(ct.text()).doesNotContain("/doc").doesNotContain("/c\"").contains("'#not a comment'")
                .contains("f'{a}/b'");
        assertThat(ct.line(src.indexOf("y ="))).isEqualTo(5);
    }

    @Test
    void singleFileComponentsAreCodeOnlyInsideScript() {
        String src = "<template>\n<a href=\"//x\">it's fetch('/t')</a>\n</template>\n<script>\nfetch('/s') // c\n</script>\n";
        CodeText ct = CodeText.of(Language.SFC, src);
        assertThat(ct.text()).doesNotContain("fetch('/t')").contains("fetch('/s')").doesNotContain("// c");
        assertThat(ct.line(src.indexOf("fetch('/s')"))).isEqualTo(5);
    }

    @Test
    void expressionsResolveConstantsOfTheFile() {
        String src = "const API = '/api';\nconst USERS = API + \"/users\";\nconst url = `${USERS}/${id}`;\n";
        CodeText ct = CodeText.of(Language.JS, src);
        Constants k = Constants.of(ct, Language.JS);
        String v = k.resolve(PathExpr.parse(ct.text(), src.indexOf('`'), Language.JS).orElseThrow().value());
        assertThat(v).isEqualTo("/api/users/" + PathExpr.ref("id"));
        String py = "PREFIX = '/v1'\nR = f\"{PREFIX}/items/{{literal}}\"\n";
        CodeText pt = CodeText.of(Language.PYTHON, py);
        assertThat(Constants.of(pt, Language.PYTHON).values()).containsEntry("R",
                PathExpr.ref("PREFIX") + "/items/{literal}");
        assertThat(Constants.of(pt, Language.PYTHON).resolve(PathExpr.ref("R"))).isEqualTo("/v1/items/{literal}");
    }
}
