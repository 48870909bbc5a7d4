package dev.supportbot.bot.zendesk;

import java.util.List;

/**
 * A ticket the bot opens to someone other than the requester of the ticket at hand (e.g. the Sold To contact, asked
 * to approve an ownership change). {@code body} becomes its first, public comment; {@code tags} let the bot tell
 * the ticket's replies apart.
 */
public record NewTicket(String requesterName, String requesterEmail, String subject, String body, List<String> tags) {

    public NewTicket {
        if (requesterEmail == null || requesterEmail.isBlank()) throw new IllegalArgumentException("requester email is required");
        tags = List.copyOf(tags);
    }

    @Override
    public String toString() {
        return "NewTicket[tags=" + tags + "]";
    }
}
