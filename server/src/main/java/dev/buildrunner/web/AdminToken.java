package dev.buildrunner.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The admin token API calls and git pushes authenticate with. Taken from the environment
 * ({@code BUILDRUNNER_TOKEN}) when set; otherwise read from {@code <data>/admin-token}, or
 * generated there on first start (32 random bytes, hex) with owner-only permissions (0600).
 *
 * @param value the token
 * @param generated true when this start created it (the caller prints it once)
 */
public record AdminToken(String value, boolean generated) {

    @Override
    public String toString() {
        return "AdminToken[redacted]";
    }

    /**
     * Loads or creates the token.
     *
     * @param fromEnvironment the value of {@code BUILDRUNNER_TOKEN}, if set
     * @param dataDir the data directory
     * @throws IOException when the token file cannot be read or written
     */
    public static AdminToken load(Optional<String> fromEnvironment, Path dataDir) throws IOException {
        if (fromEnvironment.isPresent() && !fromEnvironment.get().isBlank()) {
            return new AdminToken(fromEnvironment.get().strip(), false);
        }
        Path file = dataDir.resolve("admin-token");
        if (Files.exists(file)) {
            String value = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (value.length() < 16) {
                throw new IOException(file + ": expected a token of at least 16 characters; delete the file to get a new one");
            }
            return new AdminToken(value, false);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String value = HexFormat.of().formatHex(random);
        Files.createDirectories(dataDir);
        Path tmp = Files.createTempFile(dataDir, "admin-token", ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the platform's default permissions apply
        }
        Files.writeString(tmp, value + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        return new AdminToken(value, true);
    }
}
