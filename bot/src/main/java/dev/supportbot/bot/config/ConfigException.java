package dev.supportbot.bot.config;

/** Invalid configuration. The message is one line that names the key and what is wrong with it. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
