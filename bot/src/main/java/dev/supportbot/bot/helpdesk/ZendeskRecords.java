package dev.supportbot.bot.helpdesk;

import java.time.Instant;
import java.util.List;

/** The Zendesk stand-in's rows. */
final class ZendeskRecords {
    private ZendeskRecords() {}

    record User(long id, String name, String email, String role) {}

    record Ticket(long id, String subject, long requesterId, String status, String externalId, Instant createdAt,
                  Instant updatedAt, List<String> tags) {}

    record Attachment(long id, String fileName, String contentType) {}

    record Comment(long id, long ticketId, long authorId, boolean isPublic, String body, Instant createdAt,
                   List<Attachment> attachments) {}

    /** A comment to add: its author, visibility, text and the names of attached files. */
    record NewComment(long authorId, boolean isPublic, String body, List<String> attachmentNames) {}

    /** One ticket update as the API takes it; null fields and empty lists change nothing. */
    record Update(NewComment comment, List<String> addTags, List<String> removeTags, List<String> setTags, String status) {
        boolean isEmpty() {
            return comment == null && addTags.isEmpty() && removeTags.isEmpty() && setTags == null && status == null;
        }

        Update withStatus(String status) {
            return new Update(comment, addTags, removeTags, setTags, status);
        }
    }

    /** A committed change of a ticket, for the trigger: which ticket, created or changed, and by whom. */
    record Change(long ticketId, boolean created, String actorEmail, String actorName) {}
}
