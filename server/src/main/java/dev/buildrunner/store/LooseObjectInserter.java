package dev.buildrunner.store;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PackParser;
import org.eclipse.jgit.util.IO;

/**
 * Writes loose objects into a repository on disk at the zlib level git itself uses for them:
 * {@code core.looseCompression}, else {@code core.compression}, else 1 (git-config(1)). JGit's
 * own inserter deflates loose objects at {@code core.compression} alone, whose default is zlib's
 * 6, and a one-feature commit of the 962-feature benchmark ({@code br bench}) writes a spec of
 * 0.9 MB and a {@code plan/plan.json} of 0.85 MB. Measured on the project's 2-core VM (thread CPU
 * time, median of 41): level 1 deflates the spec in 2.0 ms instead of 5.6 ms and plan.json in
 * 3.5 ms instead of 9.6 ms (level 6 took a third of such a commit's CPU time), for objects 1.6
 * and 1.2 times larger on disk (60 KB and 115 KB); {@code git gc} packs them with deltas anyway.
 * The user's on-disk config is only read, never written, and the Repository given is not changed
 * either (setting {@code core.compression} in its in-memory config would also change every pack
 * it writes or serves).
 *
 * <p>Each object is hashed (JGit's SHA-1 with collision detection), skipped when the repository
 * has it, else deflated into {@code objects/xx/tmp_obj_*} (the prefix {@code git prune} cleans
 * and {@code git fsck} ignores) and renamed into place atomically, read-only, as git does; with
 * {@code core.fsyncObjectFiles} the file is forced to disk first. An object is thus either whole
 * or absent, so a process killed at any moment leaves no corrupt object. Nothing is buffered:
 * {@link #flush()} has nothing to do for the objects written here.
 *
 * <p>When the objects directory is not {@code <common dir>/objects} (an in-memory repository,
 * or one whose objects were moved elsewhere, which the first new object reveals: the repository
 * does not see it), every insert goes to the repository's own inserter instead. Not thread-safe:
 * one instance per update, closed after use.
 */
final class LooseObjectInserter extends ObjectInserter {
    /** git's default for loose objects when neither config key is set (Z_BEST_SPEED). */
    static final int GIT_DEFAULT_LEVEL = Deflater.BEST_SPEED;
    private static final int BUFFER = 64 * 1024;

    private final Repository repository;
    private final File objects;
    private final int level;
    private final boolean fsync;
    private Deflater deflater;
    private ObjectInserter jgit;
    private boolean delegate;
    private boolean verified;

    private LooseObjectInserter(Repository repository, File objects) {
        this.repository = repository;
        this.objects = objects;
        Config config = repository.getConfig();
        this.level = level(config);
        this.fsync = config.getBoolean("core", "fsyncObjectFiles", false);
    }

    /**
     * An inserter for state objects: this class for a repository whose objects lie in {@code
     * <common dir>/objects}, else the repository's own inserter.
     */
    static ObjectInserter open(Repository repository) {
        File common = repository.getCommonDirectory();
        File objects = common == null ? null : new File(common, Constants.OBJECTS);
        if (objects == null || !objects.isDirectory()) {
            return repository.newObjectInserter();
        }
        return new LooseObjectInserter(repository, objects);
    }

    /**
     * The zlib level for loose objects as git reads it: {@code core.looseCompression}, else
     * {@code core.compression}, else {@link #GIT_DEFAULT_LEVEL}; a value that is no integer in
     * -1..9 (which git refuses) counts as unset.
     */
    static int level(Config config) {
        for (String key : new String[] {"looseCompression", "compression"}) {
            int v;
            try {
                v = config.getInt("core", key, Integer.MIN_VALUE);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (v >= Deflater.DEFAULT_COMPRESSION && v <= Deflater.BEST_COMPRESSION) {
                return v;
            }
        }
        return GIT_DEFAULT_LEVEL;
    }

    /** The zlib level this inserter writes at. */
    int level() {
        return level;
    }

    @Override
    public ObjectId insert(int type, byte[] data, int off, int len) throws IOException {
        if (delegate) {
            return jgit().insert(type, data, off, len);
        }
        ObjectId id = idFor(type, data, off, len);
        if (repository.getObjectDatabase().has(id)) {
            return id;
        }
        String name = id.name();
        File dir = new File(objects, name.substring(0, 2));
        File dst = new File(dir, name.substring(2));
        if (!dir.isDirectory()) {
            Files.createDirectories(dir.toPath());
        }
        File tmp = File.createTempFile("tmp_obj_", null, dir);   // mode 0666 less umask, as JGit's
        boolean placed = false;
        try {
            write(tmp, type, data, off, len);
            try {
                Files.move(tmp.toPath(), dst.toPath(), StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AccessDeniedException e) {
                if (!dst.isFile()) {   // else another writer placed the same object first
                    throw e;
                }
            }
            placed = true;
            dst.setReadOnly();
        } finally {
            if (!placed) {
                Files.deleteIfExists(tmp.toPath());
            }
        }
        if (!verified) {
            if (!repository.getObjectDatabase().has(id)) {
                // objects live elsewhere: take back the stray copy and let JGit write from now on
                dst.setWritable(true);
                Files.deleteIfExists(dst.toPath());
                delegate = true;
                return jgit().insert(type, data, off, len);
            }
            verified = true;
        }
        return id;
    }

    private void write(File tmp, int type, byte[] data, int off, int len) throws IOException {
        if (deflater == null) {
            deflater = new Deflater(level);
        } else {
            deflater.reset();
        }
        try (FileOutputStream file = new FileOutputStream(tmp)) {
            DeflaterOutputStream z = new DeflaterOutputStream(file, deflater, BUFFER);
            z.write(Constants.encodedTypeString(type));
            z.write(' ');
            z.write(Constants.encodeASCII(len));
            z.write(0);
            z.write(data, off, len);
            z.finish();
            if (fsync) {
                file.getChannel().force(true);
            }
        }
    }

    /** Reads the whole stream (state objects are small enough to hold) and inserts it. */
    @Override
    public ObjectId insert(int type, long length, InputStream in) throws IOException {
        if (length > Integer.MAX_VALUE - 64) {
            return jgit().insert(type, length, in);
        }
        byte[] data = new byte[(int) length];
        IO.readFully(in, data, 0, data.length);
        return insert(type, data, 0, data.length);
    }

    /** Packs are parsed by the repository's own inserter; call {@link #flush()} afterwards. */
    @Override
    public PackParser newPackParser(InputStream in) throws IOException {
        return jgit().newPackParser(in);
    }

    /** A reader of the repository: the objects written here are visible to it at once. */
    @Override
    public ObjectReader newReader() {
        return repository.newObjectReader();
    }

    @Override
    public void flush() throws IOException {
        if (jgit != null) {
            jgit.flush();
        }
    }

    @Override
    public void close() {
        if (deflater != null) {
            deflater.end();
            deflater = null;
        }
        if (jgit != null) {
            jgit.close();
        }
    }

    /** The repository's own inserter, for what this class does not write itself. */
    private ObjectInserter jgit() {
        if (jgit == null) {
            jgit = repository.newObjectInserter();
        }
        return jgit;
    }
}
