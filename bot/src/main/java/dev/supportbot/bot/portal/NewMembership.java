package dev.supportbot.bot.portal;

/** Body of {@code POST /memberships}. */
public record NewMembership(long customerId, long billingAccountId) {}
