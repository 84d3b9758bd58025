package dev.buildrunner.cli;

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
import java.time.Clock;
import java.util.Objects;

/**
 * What the commands share, built once by {@link Main}: the parser, the clock and the JSON writer.
 * Commands receive it through their constructors (no static state).
 */
final class Services {
    private final Clock clock;
    private final SpecParser parser;
    private final Planner planner;
    private final PlanSync sync;
    private final WriterLanes lanes = new WriterLanes();
    private final ObjectMapper json;

    Services(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
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
        return new StateStore(repo, lanes, clock, dev.buildrunner.store.RetryPolicy.standard());
    }

    Clock clock() {
        return clock;
    }

    SpecParser parser() {
        return parser;
    }

    /** Writes a JSON view, pretty-printed, ending with a newline. */
    String toJson(Object view) {
        try {
            return json.writeValueAsString(view) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + view.getClass().getSimpleName(), e);
        }
    }
}
