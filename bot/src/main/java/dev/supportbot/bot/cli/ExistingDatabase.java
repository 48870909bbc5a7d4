package dev.supportbot.bot.cli;

import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.config.Settings;
import dev.supportbot.bot.store.Database;
import java.nio.file.Path;

/**
 * The bot's database as the commands that read it outside {@code serve} open it: the configured PostgreSQL, or the
 * embedded one in the data directory (through the server a running bot started, else one of its own). A database
 * that does not exist is refused rather than created.
 */
final class ExistingDatabase {
    private ExistingDatabase() {}

    static Database open(BotConfig config) {
        String url = config.get(Settings.DB_URL);
        return url == null ? Database.openExistingEmbedded(Path.of(config.get(Settings.DATA_DIR)))
                : Database.openExisting(url, config.get(Settings.DB_USER), config.get(Settings.DB_PASSWORD));
    }
}
