package dev.buildrunner.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileBasedConfig;

/**
 * Installs BuildRunner's client-side git hooks ({@code pre-commit}, {@code pre-push}) into a
 * repository and removes them again, never losing a hook that was there before.
 *
 * <p>Where: git's hooks directory ({@code git rev-parse --git-path hooks}): {@code core.hooksPath}
 * when set (a relative value is relative to the top of the work tree, or to the git directory of
 * a bare repository; {@code ~/} is the home directory JGit reads the user config from), else {@code hooks/} of the common git
 * directory, which linked worktrees share.
 *
 * <p>How: the scripts are the jar's {@code hooks/} resources (the repository's top-level
 * {@code hooks/} folder) with the java and jar paths of this br written in, mode 0755, written to
 * a temporary file and moved into place. A hook of BuildRunner's is known by its marker line
 * ({@value #MARKER}) and is simply rewritten, so installing twice gives the same files. A foreign
 * hook is renamed {@code NAME.local}; BuildRunner's script runs it first with the same arguments
 * and input and stops on its failure. When {@code NAME.local} is taken already, install refuses
 * (nothing is changed) unless forced; forced, the foreign hook is kept as {@code NAME.bak}
 * ({@code NAME.bak.2}, ...) and the existing {@code NAME.local} stays chained.
 * Uninstall deletes BuildRunner's scripts and renames {@code NAME.local} back.
 *
 * <p>Not thread-safe against another installer on the same directory (neither is git's).
 */
final class HookInstaller {

    /** The hooks BuildRunner installs, in this order. */
    static final List<String> HOOKS = List.of("pre-commit", "pre-push");

    /** What marks a hook file as BuildRunner's (its second line holds it). */
    static final String MARKER = "# buildrunner-hook:";

    private static final String JAVA_PLACEHOLDER = "@BUILDRUNNER_JAVA@";
    private static final String JAR_PLACEHOLDER = "@BUILDRUNNER_JAR@";

    /**
     * How an installed hook starts br when {@code BUILDRUNNER_BR} is not set.
     *
     * @param java absolute path of the java launcher
     * @param jar absolute path of buildrunner.jar, or empty when br does not run from a jar (the
     *     hooks then need {@code BUILDRUNNER_BR} or br on PATH)
     */
    record Launcher(String java, String jar) {
        Launcher {
            Objects.requireNonNull(java, "java");
            Objects.requireNonNull(jar, "jar");
        }

        /** This process: its JVM's java, and the jar it was loaded from, if any. */
        static Launcher current() {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            CodeSource cs = HookInstaller.class.getProtectionDomain().getCodeSource();
            String jar = "";
            if (cs != null && cs.getLocation() != null && "file".equals(cs.getLocation().getProtocol())) {
                try {
                    Path p = Path.of(cs.getLocation().toURI());
                    if (Files.isRegularFile(p) && p.getFileName().toString().endsWith(".jar")) {
                        jar = p.toAbsolutePath().toString();
                    }
                } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                    jar = "";
                }
            }
            return new Launcher(java, jar);
        }
    }

    private final Launcher launcher;

    HookInstaller(Launcher launcher) {
        this.launcher = Objects.requireNonNull(launcher, "launcher");
    }

    /**
     * Where hooks go for the repository containing {@code dir}, and a warning when that place is
     * shared ({@link #sharedHooksPathWarning}).
     */
    record Location(Path hooks, Optional<String> warning) {
    }

    /**
     * Finds the hooks directory of the repository containing {@code dir}.
     *
     * @throws CliException naming {@code dir} when it is in no git repository or its config is unreadable
     */
    static Location locate(Path dir) {
        try (Repository repo = SpecInput.openRepository(dir)
                .orElseThrow(() -> new CliException(dir + ": not inside a git repository"))) {
            return new Location(hooksDirectory(repo), sharedHooksPathWarning(repo));
        } catch (IOException e) {
            throw new CliException(dir + ": cannot open the git repository: " + e.getMessage(), e);
        }
    }

    /** git's hooks directory for {@code repo} (see the class comment); it may not exist yet. */
    static Path hooksDirectory(Repository repo) {
        String configured = repo.getConfig().getString("core", null, "hooksPath");
        if (configured != null && !configured.isBlank()) {
            String p = configured.strip();
            if (p.equals("~") || p.startsWith("~/")) {
                p = repo.getFS().userHome().getPath() + p.substring(1);
            }
            Path path = Path.of(p);
            if (!path.isAbsolute()) {
                Path base = repo.isBare() ? repo.getDirectory().toPath() : repo.getWorkTree().toPath();
                path = base.resolve(path);
            }
            return path.toAbsolutePath().normalize();
        }
        return repo.getCommonDirectory().toPath().resolve("hooks").toAbsolutePath().normalize();
    }

    /**
     * A warning when {@code core.hooksPath} comes from a config other than the repository's own
     * (the user's or the system's): hooks installed there serve every repository using it.
     *
     * @throws IOException when the repository's config cannot be read
     */
    static Optional<String> sharedHooksPathWarning(Repository repo) throws IOException {
        String configured = repo.getConfig().getString("core", null, "hooksPath");
        if (configured == null || configured.isBlank()) {
            return Optional.empty();
        }
        FileBasedConfig own = new FileBasedConfig(new File(repo.getCommonDirectory(), "config"), repo.getFS());
        try {
            own.load();
        } catch (ConfigInvalidException e) {
            throw new IOException(own.getFile() + ": " + e.getMessage(), e);
        }
        if (own.getString("core", null, "hooksPath") != null) {
            return Optional.empty();
        }
        return Optional.of("note: core.hooksPath (" + configured + ") is set outside this repository's config;"
                + " the hooks there serve every repository that uses it");
    }

    /**
     * Installs every hook of {@link #HOOKS} into {@code dir}.
     *
     * @param force replace a foreign hook that cannot be chained because {@code NAME.local} exists
     *     (it is kept as {@code NAME.bak})
     * @return one line per hook saying what was done
     * @throws CliException when a foreign hook cannot be chained and {@code force} is false;
     *     nothing is changed then
     * @throws IOException when a file cannot be read, moved or written
     */
    List<String> install(Path dir, boolean force) throws IOException {
        List<String> conflicts = new ArrayList<>();
        for (String name : HOOKS) {
            Path hook = dir.resolve(name);
            if (exists(hook) && !isOurs(hook) && exists(dir.resolve(name + ".local")) && !force) {
                conflicts.add(name + " (not BuildRunner's) and " + name + ".local both exist");
            }
        }
        if (!conflicts.isEmpty()) {
            throw new CliException(dir + ": " + String.join("; ", conflicts)
                    + "; move one away, or use --force (the hook is then kept as NAME.bak and not run)");
        }
        Files.createDirectories(dir);
        List<String> report = new ArrayList<>();
        for (String name : HOOKS) {
            Path hook = dir.resolve(name);
            Path local = dir.resolve(name + ".local");
            String note;
            if (!exists(hook)) {
                note = exists(local) ? " (" + name + ".local runs first)" : "";
            } else if (isOurs(hook)) {
                note = exists(local) ? " (updated; " + name + ".local runs first)" : " (updated)";
            } else if (!exists(local)) {
                Files.move(hook, local, LinkOption.NOFOLLOW_LINKS);
                note = " (the existing " + name + " is kept as " + name + ".local and runs first)";
            } else {
                Path backup = freeName(dir, name + ".bak");
                Files.move(hook, backup, LinkOption.NOFOLLOW_LINKS);
                note = " (the existing " + name + " is kept as " + backup.getFileName() + ", not run; "
                        + name + ".local runs first)";
            }
            write(hook, script(name));
            report.add("installed " + name + " in " + dir + note);
        }
        return report;
    }

    /**
     * Removes BuildRunner's hooks from {@code dir} and renames each {@code NAME.local} back.
     *
     * @return one line per hook saying what was done
     * @throws IOException when a file cannot be read, moved or deleted
     */
    List<String> uninstall(Path dir) throws IOException {
        List<String> report = new ArrayList<>();
        for (String name : HOOKS) {
            Path hook = dir.resolve(name);
            Path local = dir.resolve(name + ".local");
            if (exists(hook) && !isOurs(hook)) {
                report.add(name + ": not BuildRunner's, left as it is");
                continue;
            }
            boolean removed = exists(hook);
            Files.deleteIfExists(hook);
            if (exists(local)) {
                Files.move(local, hook, LinkOption.NOFOLLOW_LINKS);
                report.add("removed " + name + "; restored the previous hook from " + name + ".local");
            } else {
                report.add(removed ? "removed " + name : name + ": not installed");
            }
        }
        return report;
    }

    /** The hook script {@code name} with this launcher's paths written in. */
    String script(String name) throws IOException {
        String template;
        try (InputStream in = HookInstaller.class.getResourceAsStream("/hooks/" + name)) {
            if (in == null) {
                throw new IllegalStateException("hook template missing from the jar: hooks/" + name);
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return template.replace(JAVA_PLACEHOLDER, shellQuoted(launcher.java()))
                .replace(JAR_PLACEHOLDER, shellQuoted(launcher.jar()));
    }

    /** True when {@code hook} carries BuildRunner's marker line. */
    static boolean isOurs(Path hook) throws IOException {
        if (!Files.isRegularFile(hook) || Files.size(hook) > 1 << 20) {
            return false;
        }
        for (String line : Files.readAllLines(hook, StandardCharsets.ISO_8859_1)) {
            if (line.startsWith(MARKER)) {
                return true;
            }
        }
        return false;
    }

    private static boolean exists(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }

    private static Path freeName(Path dir, String base) {
        Path p = dir.resolve(base);
        for (int n = 2; exists(p); n++) {
            p = dir.resolve(base + "." + n);
        }
        return p;
    }

    /** Text for inside a single-quoted sh string: each ' becomes '\''. */
    private static String shellQuoted(String s) {
        return s.replace("'", "'\\''");
    }

    private static void write(Path hook, String text) throws IOException {
        Path tmp = hook.resolveSibling("." + hook.getFileName() + ".buildrunner-tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            if (!tmp.toFile().setExecutable(true, false)) {
                throw new IOException(tmp + ": cannot make it executable", e);
            }
        }
        try {
            Files.move(tmp, hook, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, hook, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
