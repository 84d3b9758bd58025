package dev.buildrunner.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Test helpers: the spec files under {@code src/test/resources/specs}. */
final class Specs {

    static final SpecParser PARSER = new SpecParser();

    private Specs() {
    }

    /** The text of a resource under {@code /specs/}, for example {@code project-spec/x.md}. */
    static String text(String relative) {
        try (var in = Specs.class.getResourceAsStream("/specs/" + relative)) {
            if (in == null) {
                throw new IllegalArgumentException("no test spec: " + relative);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ParseResult parse(String relative) {
        return PARSER.parse(text(relative));
    }

    static Spec spec(String relative) {
        return parse(relative).spec();
    }

    /** Every file of a folder under {@code /specs/}, as "folder/name", sorted. */
    static List<String> files(String folder) {
        try {
            Path dir = Path.of(Specs.class.getResource("/specs/" + folder).toURI());
            try (Stream<Path> s = Files.list(dir)) {
                return s.map(p -> folder + "/" + p.getFileName()).sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The real specs: every file in project-spec/ and other-formats/. */
    static List<String> realSpecs() {
        return Stream.concat(files("project-spec").stream(), files("other-formats").stream()).toList();
    }

    static List<String> buildRunnerSpecs() {
        return files("project-spec");
    }

    /** The lines of a text, terminators dropped ("\r\n", "\n", "\r"). */
    static List<String> lines(String text) {
        return List.of(text.split("\r\n|\n|\r", -1));
    }
}
