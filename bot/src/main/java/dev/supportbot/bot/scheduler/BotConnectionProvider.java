package dev.supportbot.bot.scheduler;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;

/** Lends Quartz the bot's own connection pool, which the bot opens and closes (so shutdown leaves it alone). */
final class BotConnectionProvider implements ConnectionProvider {
    private final DataSource dataSource;

    BotConnectionProvider(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void initialize() {}

    @Override
    public void shutdown() {}
}
