package dev.supportbot.bot.store;

/**
 * Transitional, tests only: the bot runs on PostgreSQL alone, and the tests still parameterised over this enum are
 * being moved off it. H2 cases fail (the main code refuses a {@code jdbc:h2:} URL); delete this file once nothing uses it.
 */
public enum Vendor {
    H2,
    POSTGRESQL
}
