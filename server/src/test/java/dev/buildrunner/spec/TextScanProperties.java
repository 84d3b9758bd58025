package dev.buildrunner.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The parser's hand-written scans give what the regular expressions that define them give (the
 * regexes the parser used before; scanning a 1 MB spec with them cost milliseconds per pass).
 */
class TextScanProperties {

    private static final Pattern TAG = Pattern.compile("(?im)^\\s*<(?:context|prd)>\\s*$");
    private static final Pattern FILE_NAME = Pattern.compile("[\\w.\\-+@~]*[\\w\\-+]\\.([A-Za-z][A-Za-z0-9]{0,9})");
    private static final Pattern ENDPOINT = Pattern.compile(
            "(?<![A-Za-z])(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\\s+(/[^\\s`'\",;|)]*)");

    @Property(tries = 3000)
    void tagLineScanIsTheTagRegex(@ForAll("tagText") String s) {
        assertThat(TextScan.hasTagLine(s)).isEqualTo(TAG.matcher(s).find());
    }

    @Property(tries = 3000)
    void fileExtensionIsTheFileNameRegexGroup(@ForAll("fileNames") String s) {
        Matcher m = FILE_NAME.matcher(s);
        assertThat(FilePaths.fileExtension(s)).isEqualTo(m.matches() ? m.group(1) : null);
    }

    @Property(tries = 3000)
    void squashCollapsesWhiteSpaceRunsAndTrims(@ForAll("spaced") String s) {
        StringBuilder expected = new StringBuilder();
        for (String word : s.split("[\\s\\p{javaWhitespace}]+")) {
            if (!word.isEmpty()) {
                expected.append(expected.length() > 0 ? " " : "").append(word);
            }
        }
        assertThat(TextScan.squash(s)).isEqualTo(expected.toString());
    }

    @Property(tries = 3000)
    void endpointScanFindsWhatTheEndpointRegexFinds(@ForAll("endpointText") String s) {
        List<Endpoint> got = new ArrayList<>();
        TextScan.endpoints(s, got);
        List<String> methods = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        Matcher m = ENDPOINT.matcher(s);
        while (m.find()) {
            methods.add(m.group(1));
            paths.add(m.group(2));
        }
        assertThat(got).extracting(Endpoint::method).isEqualTo(methods);
        for (int i = 0; i < got.size(); i++) {
            assertThat(paths.get(i)).startsWith(got.get(i).path()); // trailing punctuation trimmed
        }
    }

    @Provide
    Arbitrary<String> tagText() {
        return pieces("<context>", "<CONTEXT>", "<Prd>", "<prd>", "<PRD >", "< prd>", "</context>", " ", "\t", "\n",
                "\r", "\r\n", "\u0085", "\u2028", "\u2029", "\u000B", "\f", "x", "<", ">", "\u212A", "<contexT>x");
    }

    @Provide
    Arbitrary<String> fileNames() {
        return pieces("a", "Z", "0", "_", ".", "-", "+", "@", "~", "*", "js", "py", "é", "x1", "abcdefghijk", "/", " ");
    }

    @Provide
    Arbitrary<String> spaced() {
        return pieces("a", "字", " ", "  ", "\t", "\n", "\u00A0", "\u2003", "\u001F", "\u0000", "\u0085", "x y");
    }

    @Provide
    Arbitrary<String> endpointText() {
        return pieces("GET", "POST", "DELETE", "xGET", " ", "\t", "/", "/users", "{id}", "`", "a/b", "PUT  /x", ".", "T");
    }

    private static Arbitrary<String> pieces(String... parts) {
        return Arbitraries.of(parts).list().ofMaxSize(8).map(l -> String.join("", l));
    }
}
