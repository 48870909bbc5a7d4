package dev.supportbot.bot.zendesk;

/** A file attached to a comment: its name and MIME type (the content is never downloaded). */
public record ZendeskAttachment(String fileName, String contentType) {}
