package dev.buildrunner.pipeline;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Runs work for one repository strictly in submission order while different repositories run in
 * parallel on a shared executor (issue 4: "work for one repository is serialised; different
 * repositories run in parallel"). A failed task does not stop the lane. Thread-safe.
 */
public final class RepositoryLanes {
    private final Executor executor;
    private final Map<RepositoryName, CompletableFuture<?>> tails = new ConcurrentHashMap<>();

    public RepositoryLanes(Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** Queues work behind everything already submitted for the repository. */
    public <T> CompletableFuture<T> submit(RepositoryName repository, Supplier<T> work) {
        CompletableFuture<T>[] result = newArray();
        tails.compute(repository, (k, tail) -> {
            CompletableFuture<?> previous = tail == null ? CompletableFuture.completedFuture(null) : tail;
            result[0] = previous.handle((v, e) -> null).thenApplyAsync(ignored -> work.get(), executor);
            return result[0];
        });
        return result[0];
    }

    @SuppressWarnings("unchecked")
    private static <T> CompletableFuture<T>[] newArray() {
        return new CompletableFuture[1];
    }
}
