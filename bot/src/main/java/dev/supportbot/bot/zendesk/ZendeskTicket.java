package dev.supportbot.bot.zendesk;

import java.util.List;

/**
 * A ticket as the workflows need it. {@code description} is the text of the ticket's first comment; {@code status}
 * is null for a deleted ticket.
 */
public record ZendeskTicket(
        long id, String subject, String description, ZendeskUser requester, List<String> tags, TicketStatus status) {

    public ZendeskTicket {
        tags = List.copyOf(tags);
    }
}
