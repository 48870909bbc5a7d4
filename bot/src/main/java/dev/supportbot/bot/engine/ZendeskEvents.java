package dev.supportbot.bot.engine;

import dev.supportbot.bot.zendesk.ZendeskAttachment;
import dev.supportbot.bot.zendesk.ZendeskComment;
import dev.supportbot.bot.zendesk.ZendeskTicket;
import dev.supportbot.bot.zendesk.ZendeskUser;
import dev.supportbot.workflows.engine.Attachment;
import dev.supportbot.workflows.engine.Comment;
import dev.supportbot.workflows.engine.Person;
import dev.supportbot.workflows.engine.Ticket;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Zendesk's ticket and comments as the workflows' transport-neutral records. */
final class ZendeskEvents {
    private ZendeskEvents() {}

    static Ticket ticket(ZendeskTicket t) {
        return new Ticket(t.id(), t.subject(), t.description(), person(t.requester()), new HashSet<>(t.tags()),
                t.status() == null ? null : t.status().name().toLowerCase(Locale.ROOT));
    }

    static List<Comment> comments(List<ZendeskComment> comments) {
        return comments.stream().map(ZendeskEvents::comment).toList();
    }

    static Map<Long, String> bodies(List<ZendeskComment> comments) {
        Map<Long, String> bodies = new LinkedHashMap<>();
        for (ZendeskComment c : comments) bodies.put(c.id(), c.body() == null ? "" : c.body());
        return bodies;
    }

    static Comment comment(ZendeskComment c) {
        return new Comment(c.id(), person(c.author()), c.byRequester(), c.isPublic(), c.body() == null ? "" : c.body(),
                c.attachments().stream().map(ZendeskEvents::attachment).toList(), c.createdAt());
    }

    private static Attachment attachment(ZendeskAttachment a) {
        return new Attachment(a.fileName(), a.contentType());
    }

    private static Person person(ZendeskUser user) {
        return user == null ? new Person(null, null) : new Person(user.name(), user.email());
    }
}
