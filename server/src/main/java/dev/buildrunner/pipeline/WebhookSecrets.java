package dev.buildrunner.pipeline;

import dev.buildrunner.forge.webhook.SecretLookup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-repository webhook secrets, each in {@code <data>/webhook-secrets/OWNER/NAME} (mode 0600),
 * defaulting to the server-wide secret ({@code BUILDRUNNER_WEBHOOK_SECRET}). A lookup reads the
 * file each time, so a secret set through the API applies to the next delivery. Thread-safe.
 */
public final class WebhookSecrets implements SecretLookup {
    private final Path root;
    private final Optional<String> serverWide;

    public WebhookSecrets(Path root, Optional<String> serverWide) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.serverWide = Objects.requireNonNull(serverWide, "serverWide").filter(s -> !s.isBlank());
    }

    @Override
    public Optional<String> secretFor(String repository) {
        RepositoryName name;
        try {
            name = RepositoryName.parse(repository);
        } catch (IllegalArgumentException e) {
            return serverWide;
        }
        Path file = file(name);
        if (Files.isRegularFile(file)) {
            try {
                String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!secret.isEmpty()) {
                    return Optional.of(secret);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the webhook secret of " + name, e);
            }
        }
        return serverWide;
    }

    /** Stores a repository's secret (at least 16 characters), replacing any earlier one atomically. */
    public void set(RepositoryName name, String secret) {
        if (secret == null || secret.strip().length() < 16) {
            throw new IllegalArgumentException("secret: expected at least 16 characters");
        }
        Path file = file(name);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), name.name(), ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
            Files.writeString(tmp, secret.strip(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the webhook secret of " + name, e);
        }
    }

    private Path file(RepositoryName name) {
        return root.resolve(name.owner()).resolve(name.name());
    }
}
