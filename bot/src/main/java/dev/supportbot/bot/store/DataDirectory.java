package dev.supportbot.bot.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The bot's data directory ({@code BOT_DATA_DIR}): the embedded PostgreSQL's files ({@code postgresql/}), its
 * password ({@code postgresql.password}, readable by the owner only), its log, and {@code supportbot.lock}, which
 * the process that runs the embedded server locks for as long as it lives. The kernel releases that lock when the
 * process dies, however it dies: a free lock with a server still running means the bot that ran it was killed.
 */
final class DataDirectory implements AutoCloseable {
    static final String LOCK_FILE = "supportbot.lock";

    private final Path root;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectory(Path root, FileChannel channel, FileLock lock) {
        this.root = root;
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks the directory (created when missing), or returns empty when another process holds it. */
    static Optional<DataDirectory> tryLock(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        refuseOlderH2(root);
        FileChannel channel = null;
        try {
            if (!Files.isDirectory(root)) {
                Files.createDirectories(root, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            channel = FileChannel.open(root.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this JVM holds it already (a second bot in one JVM)
            }
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            return Optional.of(new DataDirectory(root, channel, lock));
        } catch (IOException e) {
            closeQuietly(channel);
            throw new DatabaseUnavailableException("cannot use the data directory " + root + ": " + e.getMessage(), e);
        }
    }

    /** Locks the directory, or refuses in one line when another process holds it. */
    static DataDirectory lock(Path dir) {
        return tryLock(dir).orElseThrow(() -> inUse(dir.toAbsolutePath().normalize()));
    }

    static DatabaseUnavailableException inUse(Path root) {
        String holder = holder(root).map(pid -> " (process " + pid + ")").orElse("");
        return new DatabaseUnavailableException("the data directory " + root + " is in use by another supportbot" + holder
                + "; stop it first, or give this one another BOT_DATA_DIR", null);
    }

    private static Optional<String> holder(Path root) {
        try {
            String pid = Files.readString(root.resolve(LOCK_FILE), StandardCharsets.US_ASCII).strip();
            return pid.matches("\\d{1,10}") ? Optional.of(pid) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Older versions kept an H2 database file here ({@code supportbot.mv.db}). Nothing in this version can read it, and
     * starting beside it on an empty database would look like lost data: refuse, name the file and the way out.
     */
    private static void refuseOlderH2(Path root) {
        if (!Files.isDirectory(root)) return;
        try (Stream<Path> files = Files.list(root)) {
            List<Path> h2 = files.filter(f -> f.getFileName().toString().endsWith(".mv.db")).sorted().toList();
            if (!h2.isEmpty()) {
                throw new DatabaseUnavailableException(h2.get(0) + " is an H2 database of an older supportbot, which this "
                        + "version does not read: to start on an empty PostgreSQL database here, move that file out of "
                        + root + "; to keep its events, finish them with the older version first", null);
            }
        } catch (IOException e) {
            throw new DatabaseUnavailableException("cannot read the data directory " + root + ": " + e.getMessage(), e);
        }
    }

    Path root() {
        return root;
    }

    /** The embedded server's own directory (PGDATA). */
    Path postgres() {
        return postgresOf(root);
    }

    static Path postgresOf(Path root) {
        return root.resolve("postgresql");
    }

    Path serverLog() {
        return root.resolve("postgresql.log");
    }

    /** Whether the embedded server's files exist (created by a first start). */
    static boolean hasDatabase(Path dir) {
        return Files.isRegularFile(postgresOf(dir.toAbsolutePath().normalize()).resolve("PG_VERSION"));
    }

    /** The server's password, created (random, owner-only file) on first use. */
    String password() {
        Path file = passwordFile(root);
        if (!Files.exists(file)) {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, HexFormat.of().formatHex(random) + "\n", StandardCharsets.US_ASCII);
            } catch (FileAlreadyExistsException e) {
                // written meanwhile: read it below
            } catch (IOException e) {
                throw new DatabaseUnavailableException("cannot write " + file + ": " + e.getMessage(), e);
            }
        }
        return readPassword(root);
    }

    static Path passwordFile(Path root) {
        return root.resolve("postgresql.password");
    }

    static String readPassword(Path root) {
        Path file = passwordFile(root);
        try {
            String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (password.isEmpty()) throw new DatabaseUnavailableException(file + " is empty", null);
            return password;
        } catch (IOException e) {
            throw new DatabaseUnavailableException("cannot read the embedded database's password from " + file + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases it too
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
