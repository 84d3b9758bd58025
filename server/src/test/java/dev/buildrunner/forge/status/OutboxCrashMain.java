package dev.buildrunner.forge.status;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Random;

/**
 * Child process of {@link StatusOutboxCrashTest}: enqueues statuses into the outbox at {@code
 * args[0]} (worker never started) and prints {@code ok <context>} after each enqueue returns,
 * until it is killed.
 */
public final class OutboxCrashMain {
    private OutboxCrashMain() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        String prefix = args[1];
        StatusOutbox outbox = new StatusOutbox(dir, repo -> Optional.empty(), Clock.systemUTC(),
                (task, delay) -> () -> { }, Backoff.standard(), new Random(1));
        for (int i = 0; ; i++) {
            String context = prefix + "/" + i;
            outbox.enqueue(new RepoCoordinates("acme", "app"), "3f786850e387550fdab836ed7e6dc881de23001b",
                    new StatusRequest(StatusState.SUCCESS, context, "status " + i + " " + "x".repeat(i % 100),
                            "https://br.example.com/r/" + i));
            System.out.println("ok " + context);
            System.out.flush();
        }
    }
}
