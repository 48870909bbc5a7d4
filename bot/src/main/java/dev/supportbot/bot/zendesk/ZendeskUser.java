package dev.supportbot.bot.zendesk;

/** A Zendesk user (requester, agent or comment author). Name and email are null when Zendesk does not say. */
public record ZendeskUser(long id, String name, String email) {}
