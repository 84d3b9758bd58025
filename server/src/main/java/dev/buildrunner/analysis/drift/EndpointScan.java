package dev.buildrunner.analysis.drift;

import java.util.List;

/**
 * Finds the HTTP routes a source file declares, for the drift analyser's "endpoint added in code
 * that the spec does not define" check (issue 5). {@link FrameworkRoutes} is the default; the gap
 * analyser's route extractors can stand in for it through this interface.
 */
@FunctionalInterface
public interface EndpointScan {
    /**
     * The routes declared in one file.
     *
     * @param path the file's repository-relative path (its extension says the language)
     * @param text the file's content
     * @return the routes in file order, each with the line that declares it; empty for a file
     *     declaring none or in a language the implementation does not read
     */
    List<CodeEndpoint> routes(String path, String text);
}
