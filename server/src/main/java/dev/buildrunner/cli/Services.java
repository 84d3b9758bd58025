package dev.buildrunner.cli;

import dev.buildrunner.support.RetryPolicy;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.buildrunner.plan.AdaptivePlanner;
import dev.buildrunner.plan.Planner;
import dev.buildrunner.spec.SpecParser;
import dev.buildrunner.store.StateStore;
import dev.buildrunner.store.WriterLanes;
import dev.buildrunner.sync.PlanSync;
import org.eclipse.jgit.lib.Repository;
import java.io.InputStream;
import java.time.Clock;
import java.util.Objects;

/**
 * What the commands share, built once by {@link Main}: the parser, the clock, the JSON writer and
 * the standard input ({@code br spec analyze -}, {@code br hooks pre-push}). Commands receive it
 * through their constructors (no static state).
 */
final class Services {
    private final Clock clock;
    private final SpecParser parser;
    private final Planner planner;
    private final PlanSync sync;
    private final WriterLanes lanes = new WriterLanes();
    private final ObjectMapper json;
    private final InputStream stdin;

    Services(Clock clock) {
        this(clock, System.in);
    }

    Services(Clock clock, InputStream stdin) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.stdin = Objects.requireNonNull(stdin, "stdin");
        this.parser = new SpecParser();
        this.planner = new Planner(clock);
        this.sync = new PlanSync(parser, planner, new AdaptivePlanner(clock), clock);
        this.json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    Planner planner() {
        return planner;
    }

    PlanSync sync() {
        return sync;
    }

    /** A state store on {@code repo} sharing this process's writer lanes. */
    StateStore stateStore(Repository repo) {
        return new StateStore(repo, lanes, clock, dev.buildrunner.support.RetryPolicy.standard());
    }

    /** How hooks installed by this process start br: this JVM's java and the jar br runs from. */
    HookInstaller.Launcher hookLauncher() {
        return HookInstaller.Launcher.current();
    }

    /** What {@code -} and the hook commands read: the process's standard input unless a test gives one. */
    InputStream stdin() {
        return stdin;
    }

    Clock clock() {
        return clock;
    }

    SpecParser parser() {
        return parser;
    }

    /** Writes a JSON view, pretty-printed, ending with a newline. */
    /** The JSON mapper commands print with (indented). */
    ObjectMapper json() {
        return json;
    }

    String toJson(Object view) {
        try {
            return json.writeValueAsString(view) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + view.getClass().getSimpleName(), e);
        }
    }
}
