package dev.supportbot.bot.store;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import org.h2.tools.Server;

/**
 * Lets the CLI reach an H2 file database while the service holds it: an H2 TCP server on the loopback interface
 * that serves only this database, under a random key. Port and key are in a file beside the database that only its
 * owner can read ({@code <database>.server}). H2's own AUTO_SERVER mode would do the same but requires H2 to close
 * the database in its exit hook, before the bot has stopped its workers and scheduler.
 */
final class H2Server implements AutoCloseable {
    private final Server server;
    private final Path announcement;

    private H2Server(Server server, Path announcement) {
        this.server = server;
        this.announcement = announcement;
    }

    /** Starts the server for the database at {@code databasePath} (absolute, no extension) and announces it. */
    static H2Server start(String databasePath) {
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String key = HexFormat.of().formatHex(random);
        Server server;
        try {
            // Without -tcpAllowOthers the server refuses every connection that is not from this host.
            server = Server.createTcpServer("-tcpPort", "0", "-tcpDaemon", "-ifExists", "-key", key, databasePath).start();
        } catch (SQLException e) {
            throw new DatabaseUnavailableException("cannot start the local server for " + databasePath + ": "
                    + Database.rootMessage(e), e);
        }
        Path announcement = announcementOf(databasePath);
        try {
            Path temp = Files.createTempFile(announcement.getParent(), ".server", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Properties p = new Properties();
            p.setProperty("port", Integer.toString(server.getPort()));
            p.setProperty("key", key);
            try (Writer out = Files.newBufferedWriter(temp)) {
                p.store(out, "supportbot: how the CLI reaches this database while the service runs");
            }
            Files.move(temp, announcement, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UnsupportedOperationException e) {
            server.stop();
            throw new DatabaseUnavailableException("cannot write " + announcement + ": " + e.getMessage(), e);
        }
        return new H2Server(server, announcement);
    }

    /** The URL of the announced server of that database, if a service announced one (it may have died since). */
    static Optional<String> announcedUrl(String databasePath) {
        Path announcement = announcementOf(databasePath);
        if (!Files.isRegularFile(announcement)) return Optional.empty();
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(announcement)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String port = p.getProperty("port", "");
        String key = p.getProperty("key", "");
        if (!port.matches("\\d{1,5}") || !key.matches("[0-9a-f]{32}")) return Optional.empty();
        return Optional.of("jdbc:h2:tcp://127.0.0.1:" + port + "/" + key);
    }

    private static Path announcementOf(String databasePath) {
        return Path.of(databasePath + ".server");
    }

    @Override
    public void close() {
        server.stop();
        try {
            Files.deleteIfExists(announcement);
        } catch (IOException e) {
            // A stale announcement is harmless: the CLI falls back to opening the file when nothing answers.
        }
    }
}
