package dev.buildrunner.forge.webhook;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A request's headers with names compared without regard to case (RFC 9110 §5.1). */
final class Headers {
    private final TreeMap<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    Headers(Map<String, String> headers) {
        headers.forEach((name, value) -> {
            if (name != null && value != null) {
                byName.put(name, value);
            }
        });
    }

    /** The header's value, trimmed; empty if absent or blank. */
    Optional<String> get(String name) {
        String v = byName.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    /** The first of {@code names} that is present, as name and value. */
    Optional<Map.Entry<String, String>> first(String... names) {
        for (String name : names) {
            Optional<String> v = get(name);
            if (v.isPresent()) {
                return Optional.of(Map.entry(name, v.get()));
            }
        }
        return Optional.empty();
    }
}
