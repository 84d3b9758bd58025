package dev.buildrunner.web;

import dev.buildrunner.pipeline.PushReport;
import dev.buildrunner.pipeline.RefChange;
import dev.buildrunner.pipeline.Repositories;
import dev.buildrunner.pipeline.RepositoryName;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.resolver.RepositoryResolver;
import org.eclipse.jgit.transport.resolver.ServiceNotEnabledException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded git host: JGit's smart HTTP servlet at {@code /git/OWNER/NAME.git} over the
 * {@link Repositories}, behind HTTP basic authentication (any user name, the admin token as
 * password; anonymous requests get 401 with a challenge, so git asks for credentials). A push hands
 * every updated ref to the pipeline and shows its result in the push output
 * ({@code remote: buildrunner: ...}), waiting at most {@link #REPORT_WAIT} for it; work that takes
 * longer goes on after the push returns and shows in the commit statuses.
 */
final class GitHost {
    /** How long a push waits for the pipeline's result before returning. */
    static final Duration REPORT_WAIT = Duration.ofSeconds(20);

    private static final Logger LOG = LoggerFactory.getLogger(GitHost.class);

    private final Repositories repositories;
    private final Credentials credentials;
    private final Function<RefChange, CompletableFuture<PushReport>> pipeline;

    /**
     * @param pipeline accepts a ref change durably (journal) and returns its eventual report
     */
    GitHost(Repositories repositories, Credentials credentials, Function<RefChange, CompletableFuture<PushReport>> pipeline) {
        this.repositories = Objects.requireNonNull(repositories, "repositories");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    }

    /** The servlet to mount at {@code /git/*}. */
    GitServlet servlet() {
        GitServlet servlet = new GitServlet();
        servlet.setRepositoryResolver(resolver());
        servlet.setReceivePackFactory((req, db) -> {
            ReceivePack rp = new ReceivePack(db);
            RepositoryName name = nameOf(req.getPathInfo());
            String pusher = Credentials.basicUser(req.getHeader("Authorization")).orElse("git");
            rp.setRefLogIdent(new PersonIdent(pusher, pusher + "@buildrunner"));
            rp.setPostReceiveHook((pack, commands) -> onPush(pack, name, pusher, commands));
            return rp;
        });
        return servlet;
    }

    /** The authentication filter to mount in front of the servlet. */
    Filter authFilter() {
        return new Filter() {
            @Override
            public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                    throws IOException, ServletException {
                HttpServletRequest req = (HttpServletRequest) request;
                HttpServletResponse res = (HttpServletResponse) response;
                if (!credentials.accepts(req.getHeader("Authorization"))) {
                    res.setHeader("WWW-Authenticate", "Basic realm=\"BuildRunner\", charset=\"UTF-8\"");
                    res.sendError(401, "authentication required: any user name, the admin token as password");
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    private RepositoryResolver<HttpServletRequest> resolver() {
        return (req, name) -> {
            RepositoryName repo;
            try {
                repo = RepositoryName.parse(name);
            } catch (IllegalArgumentException e) {
                throw new RepositoryNotFoundException(name);
            }
            Repository db = repositories.open(repo).orElseThrow(() -> new RepositoryNotFoundException(name));
            db.incrementOpen();
            return db;
        };
    }

    private static RepositoryName nameOf(String pathInfo) throws ServiceNotEnabledException {
        String p = pathInfo == null ? "" : pathInfo;
        p = p.startsWith("/") ? p.substring(1) : p;
        int git = p.indexOf(".git");
        if (git < 0) {
            throw new ServiceNotEnabledException();
        }
        return RepositoryName.parse(p.substring(0, git));
    }

    private void onPush(ReceivePack pack, RepositoryName name, String pusher, java.util.Collection<ReceiveCommand> commands) {
        List<CompletableFuture<PushReport>> reports = new ArrayList<>();
        for (ReceiveCommand c : commands) {
            RefChange change = new RefChange(name, c.getRefName(), c.getOldId().name(), c.getNewId().name(), "embedded",
                    "embedded-" + UUID.randomUUID(), pusher);
            reports.add(pipeline.apply(change));
        }
        long deadline = System.nanoTime() + REPORT_WAIT.toNanos();
        for (CompletableFuture<PushReport> f : reports) {
            try {
                PushReport r = f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                for (String line : r.lines()) {
                    pack.sendMessage("buildrunner: " + r.change().ref() + ": " + line);
                }
            } catch (TimeoutException e) {
                pack.sendMessage("buildrunner: still working; see the commit statuses");
            } catch (ExecutionException e) {
                LOG.warn("pipeline failed for a push to {}", name, e.getCause());
                pack.sendMessage("buildrunner: internal error while planning: " + e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
