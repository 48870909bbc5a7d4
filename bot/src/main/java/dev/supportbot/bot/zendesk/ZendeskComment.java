package dev.supportbot.bot.zendesk;

import java.time.Instant;
import java.util.List;

/** One comment of a ticket. {@code byRequester}: written by the ticket's requester. {@code body} is plain text. */
public record ZendeskComment(
        long id,
        ZendeskUser author,
        boolean byRequester,
        boolean isPublic,
        String body,
        List<ZendeskAttachment> attachments,
        Instant createdAt) {

    public ZendeskComment {
        attachments = List.copyOf(attachments);
    }

    /** Never the body: it may hold a secret or personal data. */
    @Override
    public String toString() {
        return "ZendeskComment[id=" + id + ", author=" + author.id() + ", byRequester=" + byRequester + ", public="
                + isPublic + ", attachments=" + attachments.size() + ", createdAt=" + createdAt + "]";
    }
}
