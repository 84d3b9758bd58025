package dev.buildrunner.analysis.drift;

import java.util.List;

/**
 * The default {@link EndpointScan}: routes declared with Spring, JAX-RS and Javalin
 * ({@link JvmRoutes}), Express and Koa ({@link ScriptRoutes}), FastAPI and Flask
 * ({@link PythonRoutes}), read from {@link SourceLexer tokens} so that routes in comments and in
 * strings are not routes. A syntactic reading of one file at a time: prefixes set in another file
 * (a router mounted under {@code /api}) are not seen, which is why the drift analyser also accepts
 * a spec endpoint that ends with a route's path. Stateless and thread-safe.
 */
public final class FrameworkRoutes implements EndpointScan {
    @Override
    public List<CodeEndpoint> routes(String path, String text) {
        return Syntax.of(path).map(syntax -> {
            List<Token> tokens = SourceLexer.tokens(path, text);
            return switch (syntax) {
                case JAVA, KOTLIN -> JvmRoutes.routes(tokens);
                case SCRIPT -> ScriptRoutes.routes(tokens);
                case PYTHON -> PythonRoutes.routes(tokens);
            };
        }).orElse(List.of());
    }
}
