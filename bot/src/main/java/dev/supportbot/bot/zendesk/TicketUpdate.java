package dev.supportbot.bot.zendesk;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One {@code PUT /api/v2/tickets/{id}}: at most one comment (public or a private note), tags to add and to remove,
 * a new status, a new subject (a subject with its secrets masked). Zendesk applies it as one update, so it costs one
 * request against the ticket update limit.
 */
public record TicketUpdate(String comment, boolean publicComment, Set<String> addTags, Set<String> removeTags,
                           TicketStatus status, String subject) {

    public static final TicketUpdate NONE = new TicketUpdate(null, true, Set.of(), Set.of(), null, null);

    public TicketUpdate {
        addTags = Collections.unmodifiableSet(new LinkedHashSet<>(addTags)); // in the order given, for a stable body
        removeTags = Collections.unmodifiableSet(new LinkedHashSet<>(removeTags));
    }

    public static TicketUpdate publicComment(String body) {
        return NONE.withComment(body, true);
    }

    public static TicketUpdate privateNote(String body) {
        return NONE.withComment(body, false);
    }

    public TicketUpdate withComment(String body, boolean isPublic) {
        if (comment != null) throw new IllegalStateException("one comment an update");
        return new TicketUpdate(body, isPublic, addTags, removeTags, status, subject);
    }

    public TicketUpdate withoutComment() {
        return new TicketUpdate(null, true, addTags, removeTags, status, subject);
    }

    public TicketUpdate adding(Iterable<String> tags) {
        Set<String> all = new LinkedHashSet<>(addTags);
        tags.forEach(all::add);
        return new TicketUpdate(comment, publicComment, all, removeTags, status, subject);
    }

    public TicketUpdate removing(Iterable<String> tags) {
        Set<String> all = new LinkedHashSet<>(removeTags);
        tags.forEach(all::add);
        return new TicketUpdate(comment, publicComment, addTags, all, status, subject);
    }

    public TicketUpdate withStatus(TicketStatus newStatus) {
        return new TicketUpdate(comment, publicComment, addTags, removeTags, newStatus, subject);
    }

    public TicketUpdate withSubject(String newSubject) {
        return new TicketUpdate(comment, publicComment, addTags, removeTags, status, newSubject);
    }

    public boolean isEmpty() {
        return comment == null && addTags.isEmpty() && removeTags.isEmpty() && status == null && subject == null;
    }

    /** Never the comment: it is text for the customer. */
    @Override
    public String toString() {
        return "TicketUpdate[comment=" + (comment == null ? "none" : publicComment ? "public" : "private")
                + ", addTags=" + List.copyOf(addTags) + ", removeTags=" + List.copyOf(removeTags) + ", status=" + status + ", subject=" + (subject == null ? "unchanged" : "masked") + "]";
    }
}
