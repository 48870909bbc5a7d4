package dev.supportbot.bot.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.StatementExceptions;

/**
 * The bot's PostgreSQL database: a connection pool, the schema migrated by Flyway on open, and Jdbi on top. Either a
 * server the bot runs itself ({@link LocalPostgres}, the embedded default, stopped when the database is closed) or a
 * server of its own ({@code BOT_DB_URL}), which also lets several bot instances share one database.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private volatile LocalPostgres server;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        // A failed statement's message names the statement, never its bound values (request payloads among them).
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(Database::statementError);
    }

    private static String statementError(StatementException e) {
        String sql = e.getStatementContext() == null ? null : e.getStatementContext().getRawSql();
        return sql == null ? e.getShortMessage() : e.getShortMessage() + " [statement: \"" + sql.strip().replaceAll("\\s+", " ") + "\"]";
    }

    /** Opens the service's database: schema migrated. */
    public static Database open(String url, String user, String password, int poolSize) {
        requirePostgresql(url);
        probe(url, user, password);
        Database database = pool(url, user, password, poolSize);
        try {
            migrate(database.dataSource);
        } catch (RuntimeException e) {
            database.close();
            throw new DatabaseUnavailableException("cannot migrate " + safeUrl(url) + ": " + rootMessage(e), e);
        }
        return database;
    }

    /**
     * Opens the embedded default: starts the bot's own PostgreSQL server on {@code dataDir} (created on first use) and
     * opens its database, schema migrated. Closing the database stops the server.
     */
    public static Database openEmbedded(Path dataDir, int poolSize) {
        LocalPostgres started = LocalPostgres.start(dataDir);
        try {
            LocalPostgres.Endpoint endpoint = started.endpoint();
            Database database = open(endpoint.url(), endpoint.user(), endpoint.password(), poolSize);
            database.server = started;
            return database;
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
    }

    /** Opens a database the service created, for the CLI. Never creates a database and never migrates one. */
    public static Database openExisting(String url, String user, String password) {
        requirePostgresql(url);
        probe(url, user, password);
        Database database = pool(url, user, password, 2);
        try {
            database.jdbi.useHandle(h -> h.createQuery("SELECT COUNT(*) FROM inbox WHERE 1 = 0").mapTo(Long.class).one());
        } catch (RuntimeException e) {
            database.close();
            throw new DatabaseUnavailableException("no supportbot database at " + safeUrl(url) + " (no inbox table)", e);
        }
        return database;
    }

    /**
     * Opens the embedded database of {@code dataDir} for the CLI: through the server of the bot that runs on it, or,
     * when none does, through a server of the CLI's own, under the same lock, stopped again on close. Never creates one.
     */
    public static Database openExistingEmbedded(Path dataDir) {
        Path root = dataDir.toAbsolutePath().normalize();
        if (!DataDirectory.hasDatabase(root)) {
            throw new DatabaseUnavailableException("no database in " + root + " (nothing was created)", null);
        }
        Optional<DataDirectory> free = DataDirectory.tryLock(root);
        if (free.isEmpty()) {
            LocalPostgres.Endpoint endpoint = LocalPostgres.running(root).orElseThrow(() -> new DatabaseUnavailableException(
                    "the bot that uses " + root + " is starting or stopping; try again in a moment", null));
            return openExisting(endpoint.url(), endpoint.user(), endpoint.password());
        }
        LocalPostgres started = LocalPostgres.start(free.get());
        try {
            LocalPostgres.Endpoint endpoint = started.endpoint();
            Database database = openExisting(endpoint.url(), endpoint.user(), endpoint.password());
            database.server = started;
            return database;
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
    }

    private static void requirePostgresql(String url) {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new DatabaseUnavailableException("unsupported database URL " + safeUrl(url) + " (use jdbc:postgresql:)", null);
        }
    }

    /** One plain connection first: a failure is one clear line, not a pool's retries and their logged stack traces. */
    private static void probe(String url, String user, String password) {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.isValid(2);
        } catch (SQLException e) {
            throw new DatabaseUnavailableException(describe(e, url), e);
        }
    }

    private static String describe(SQLException e, String url) {
        if ("3D000".equals(e.getSQLState())) return "no database at " + safeUrl(url) + " (nothing was created)";
        return "cannot connect to " + safeUrl(url) + ": " + firstLine(e); // the driver's own message says most
    }

    private static Database pool(String url, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("supportbot-db");
        // PostgreSQL's error details quote row values ("Failing row contains ..."); messages get logged.
        config.addDataSourceProperty("logServerErrorDetail", "false");
        config.setConnectionTimeout(Duration.ofSeconds(5).toMillis());
        config.setValidationTimeout(Duration.ofSeconds(2).toMillis());
        config.setInitializationFailTimeout(Duration.ofSeconds(10).toMillis());
        try {
            return new Database(new HikariDataSource(config));
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException("cannot connect to " + safeUrl(url) + ": " + rootMessage(e), e);
        }
    }

    private static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                .load()
                .migrate();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Updates the one {@code health_check} row in a transaction; throws when the database refuses the write. */
    void checkWrite() {
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("UPDATE health_check SET checks = checks + 1, checked_at = CURRENT_TIMESTAMP WHERE id = 1")
                    .setQueryTimeout(2)
                    .execute();
            if (updated != 1) throw new IllegalStateException("health_check row is missing");
        });
    }

    /** Closes the pool, then stops the embedded server if this database started one. */
    @Override
    public void close() {
        dataSource.close();
        LocalPostgres running = server;
        if (running != null) running.close();
    }

    /** The URL without user info or query parameters, which may hold credentials. */
    static String safeUrl(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return firstLine(root);
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }
}
