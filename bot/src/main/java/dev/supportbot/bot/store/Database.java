package dev.supportbot.bot.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;
import org.jdbi.v3.core.statement.StatementExceptions;

/**
 * The bot's database: a connection pool, the schema migrated by Flyway on open, and Jdbi on top. H2 is the
 * embedded default; PostgreSQL is for production and for several bot instances on one database.
 */
public final class Database implements AutoCloseable {
    private static final int H2_NOT_FOUND_WITH_IFEXISTS = 90146;
    private static final int H2_ALREADY_OPEN = 90020;

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Vendor vendor;
    private volatile H2Server server;
    private volatile String h2File;

    private Database(HikariDataSource dataSource, Vendor vendor) {
        this.dataSource = dataSource;
        this.vendor = vendor;
        this.jdbi = Jdbi.create(dataSource);
        // A failed statement's message names the statement, never its bound values (request payloads among them).
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(Database::statementError);
    }

    private static String statementError(StatementException e) {
        String sql = e.getStatementContext() == null ? null : e.getStatementContext().getRawSql();
        return sql == null ? e.getShortMessage() : e.getShortMessage() + " [statement: \"" + sql.strip().replaceAll("\\s+", " ") + "\"]";
    }

    static {
        // H2's servers (see H2Server) listen on every interface unless told otherwise; the CLI is local.
        if (System.getProperty("h2.bindAddress") == null) System.setProperty("h2.bindAddress", "127.0.0.1");
    }

    /** Opens the service's database: created when missing, schema migrated. */
    public static Database open(String url, String user, String password, int poolSize) {
        Vendor vendor = Vendor.of(url);
        probe(vendor == Vendor.H2 ? H2Urls.serviceProbe(url) : url, user, password, url);
        Database database = pool(vendor == Vendor.H2 ? H2Urls.pooled(url, false) : url, user, password, poolSize, vendor, url);
        try {
            migrate(database.dataSource, vendor);
        } catch (RuntimeException e) {
            database.close();
            throw new DatabaseUnavailableException("cannot migrate " + safeUrl(url) + ": " + rootMessage(e), e);
        }
        if (vendor == Vendor.H2 && H2Urls.isLocalFile(url)) {
            try {
                database.server = H2Server.start(H2Urls.location(url));
                database.h2File = H2Urls.location(url);
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
        }
        return database;
    }

    /**
     * Opens a database the service created, for the CLI, while the service may be running on it (an H2 file is
     * reached through the service's {@link H2Server} then). Never creates a database and never migrates one.
     */
    public static Database openExisting(String url, String user, String password) {
        Vendor vendor = Vendor.of(url);
        String pooled = vendor == Vendor.H2 ? existingH2(url, user, password) : url;
        probe(pooled, user, password, url);
        Database database = pool(pooled, user, password, 2, vendor, url);
        try {
            database.jdbi.useHandle(h -> h.createQuery("SELECT COUNT(*) FROM inbox WHERE 1 = 0").mapTo(Long.class).one());
        } catch (RuntimeException e) {
            database.close();
            throw new DatabaseUnavailableException("no supportbot database at " + where(url) + " (no inbox table)", e);
        }
        return database;
    }

    /** The running service's server when one answers, else the file itself (which must exist). */
    private static String existingH2(String url, String user, String password) {
        if (!H2Urls.isLocalFile(url)) return H2Urls.pooled(url, true);
        String path = H2Urls.location(url);
        if (!Files.exists(Path.of(path + ".mv.db"))) throw new DatabaseUnavailableException("no database at " + path + " (nothing was created)", null);
        Optional<String> announced = H2Server.announcedUrl(path);
        if (announced.isPresent()) {
            try (Connection c = DriverManager.getConnection(announced.get(), user, password)) {
                return announced.get();
            } catch (SQLException e) {
                // The service that announced it is gone (killed): open the file.
            }
        }
        return H2Urls.pooled(url, true);
    }

    /** One plain connection first: a failure is one clear line, not a pool's retries and their logged stack traces. */
    private static void probe(String probeUrl, String user, String password, String url) {
        try (Connection c = DriverManager.getConnection(probeUrl, user, password)) {
            c.isValid(2);
        } catch (SQLException e) {
            throw new DatabaseUnavailableException(describe(e, url), e);
        }
    }

    private static String describe(SQLException e, String url) {
        if (e.getErrorCode() == H2_NOT_FOUND_WITH_IFEXISTS || "3D000".equals(e.getSQLState())) {
            return "no database at " + where(url) + " (nothing was created)";
        }
        if (e.getErrorCode() == H2_ALREADY_OPEN) {
            return "database " + where(url) + " is in use by another process";
        }
        return "cannot connect to " + safeUrl(url) + ": " + firstLine(e); // the driver's own message says most
    }

    private static String where(String url) {
        return Vendor.of(url) == Vendor.H2 ? H2Urls.location(url) : safeUrl(url);
    }

    private static Database pool(String jdbcUrl, String user, String password, int poolSize, Vendor vendor, String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("supportbot-db");
        // PostgreSQL's error details quote row values ("Failing row contains ..."); messages get logged.
        if (vendor == Vendor.POSTGRESQL) config.addDataSourceProperty("logServerErrorDetail", "false");
        config.setConnectionTimeout(Duration.ofSeconds(5).toMillis());
        config.setValidationTimeout(Duration.ofSeconds(2).toMillis());
        config.setInitializationFailTimeout(Duration.ofSeconds(10).toMillis());
        try {
            return new Database(new HikariDataSource(config), vendor);
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException("cannot connect to " + safeUrl(url) + ": " + rootMessage(e), e);
        }
    }

    private static void migrate(DataSource dataSource, Vendor vendor) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor.migrationFolder())
                .load()
                .migrate();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Vendor vendor() {
        return vendor;
    }

    /**
     * The path of the H2 file database the service opened (absolute, without extension); empty for PostgreSQL, an
     * in-memory database and a database the CLI opened. Files that belong with the database go beside it.
     */
    public Optional<String> h2File() {
        return Optional.ofNullable(h2File);
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

    @Override
    public void close() {
        stopServer();
        dataSource.close();
    }

    private void stopServer() {
        H2Server running = server;
        if (running != null) running.close();
    }

    /**
     * Closes the database and, for an H2 file, compacts it first ({@code SHUTDOWN COMPACT} rewrites the live data
     * and gives the space of deleted rows and old versions back to the file system). Only the service calls this, on
     * a graceful stop, when nothing else uses the database any more. Returns whether it compacted.
     */
    public boolean closeCompacted() {
        stopServer();
        boolean compacted = false;
        if (vendor == Vendor.H2 && H2Urls.isLocalFile(dataSource.getJdbcUrl())) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
                compacted = true;
            } catch (SQLException | RuntimeException e) {
                // Not compacted this time; the file stays as it is and is still consistent.
            }
        }
        dataSource.close();
        return compacted;
    }

    /** The URL without user info or query parameters, which may hold credentials. */
    static String safeUrl(String url) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        int semicolon = base.indexOf(';');
        return semicolon < 0 ? base : base.substring(0, semicolon);
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return firstLine(root);
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage();
        // H2 ends its messages with its error code and build, e.g. " [90062-252]".
        return message == null ? e.getClass().getSimpleName()
                : message.lines().findFirst().orElse("").replaceFirst(" \\[\\d+-\\d+]$", "");
    }
}
