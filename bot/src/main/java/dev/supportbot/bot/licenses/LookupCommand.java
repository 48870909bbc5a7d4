package dev.supportbot.bot.licenses;

/** One lookup sub-command of {@code /lnr}: its name (the first word after {@code /lnr}), usage line and help line. */
public record LookupCommand(String name, String usage, String description) {}
