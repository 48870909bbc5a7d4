package dev.supportbot.workflows.engine;

import java.util.Set;

/** The ticket an instance belongs to, as of the event. */
public record Ticket(long id, String subject, String description, Person requester, Set<String> tags, String status) {

    public Ticket {
        subject = subject == null ? "" : subject;
        description = description == null ? "" : description;
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }

    public boolean hasTag(String tag) {
        return tags.contains(tag);
    }
}
