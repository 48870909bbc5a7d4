package dev.supportbot.bot.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/**
 * The bot's database: a connection pool, the schema migrated by Flyway on open, and Jdbi on top. H2 is the
 * embedded default; PostgreSQL is for production and for several bot instances on one database.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Vendor vendor;

    private Database(HikariDataSource dataSource, Vendor vendor) {
        this.dataSource = dataSource;
        this.vendor = vendor;
        this.jdbi = Jdbi.create(dataSource);
    }

    public static Database open(String url, String user, String password, int poolSize) {
        Vendor vendor = Vendor.of(url);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(vendor == Vendor.H2 ? ownedByUs(url) : url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("supportbot-db");
        config.setConnectionTimeout(Duration.ofSeconds(5).toMillis());
        config.setValidationTimeout(Duration.ofSeconds(2).toMillis());
        // Fail at start-up with a clear message instead of on the first request.
        config.setInitializationFailTimeout(Duration.ofSeconds(10).toMillis());
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException("cannot connect to " + safeUrl(url) + ": " + rootMessage(e), e);
        }
        try {
            migrate(dataSource, vendor);
        } catch (RuntimeException e) {
            dataSource.close();
            throw new DatabaseUnavailableException("cannot migrate " + safeUrl(url) + ": " + rootMessage(e), e);
        }
        return new Database(dataSource, vendor);
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

    /** True when a connection answers a trivial query within the pool's validation timeout. */
    public boolean isReachable() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /**
     * H2 closes its databases in a JVM shutdown hook of its own, which can run before ours has stopped the workers
     * and the scheduler. The bot closes the pool itself on shutdown, so H2 must not.
     */
    static String ownedByUs(String h2Url) {
        return h2Url.toUpperCase(java.util.Locale.ROOT).contains("DB_CLOSE_ON_EXIT") ? h2Url : h2Url + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /** The URL without user info or query parameters, which may hold credentials. */
    static String safeUrl(String url) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        int semicolon = base.indexOf(';');
        return semicolon < 0 ? base : base.substring(0, semicolon);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }
}
