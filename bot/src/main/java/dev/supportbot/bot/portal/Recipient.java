package dev.supportbot.bot.portal;

/** Body of the resend calls: where the license or activation code goes. */
public record Recipient(String email) {}
