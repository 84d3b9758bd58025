package dev.buildrunner.plan;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Hands out task ids unique within one plan. A wanted id that is taken gets the first free
 * suffix {@code -2}, {@code -3}, ... (follow-ups: {@code -r1}, {@code -r2}, ...), so the outcome
 * depends only on the order of requests: deterministic.
 */
final class IdAllocator {

    private final Set<String> taken = new HashSet<>();

    IdAllocator() {
    }

    IdAllocator(Collection<String> alreadyTaken) {
        taken.addAll(alreadyTaken);
    }

    /** Returns {@code wanted} if free, else {@code wanted-2}, {@code wanted-3}, ...; marks it taken. */
    String allocate(String wanted) {
        if (taken.add(wanted)) {
            return wanted;
        }
        for (int k = 2; ; k++) {
            String id = wanted + "-" + k;
            if (taken.add(id)) {
                return id;
            }
        }
    }

    /** Returns {@code wanted} if free, else {@code wanted-r1}, {@code wanted-r2}, ...; marks it taken. */
    String allocateFollowUp(String wanted) {
        if (taken.add(wanted)) {
            return wanted;
        }
        for (int k = 1; ; k++) {
            String id = wanted + "-r" + k;
            if (taken.add(id)) {
                return id;
            }
        }
    }

    boolean isTaken(String id) {
        return taken.contains(id);
    }

    void take(String id) {
        taken.add(id);
    }
}
