package dev.supportbot.bot.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.supportbot.bot.zendesk.ZendeskAttachment;
import dev.supportbot.bot.zendesk.ZendeskComment;
import dev.supportbot.bot.zendesk.ZendeskUser;
import dev.supportbot.workflows.redaction.SecretKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ticket's latest comment as the trigger's body carries it ({@code comment_*}), and what the body proves besides:
 * {@code recent_comment_ids}, the ids of the ticket's two latest comments, say that no comment lies between
 * {@link #previousId} (0: there is none) and this one. So a reader whose cursor is at {@code previousId} or later has
 * nothing to fetch: its new comments are this one, or none.
 *
 * <p>The body says nothing usable, and the comments are read as before, when a field is missing or not filled in (an
 * older trigger, a placeholder Zendesk left empty), when the two ids are not this comment and an older one (whatever
 * order Zendesk lists them in, a gap cannot pass for none), and when the intake masked a secret in the comment: the
 * redaction needs the secret's text, which only a read of the comment gives.
 */
record WebhookComment(long id, long previousId, ZendeskUser author, boolean isPublic, String body, List<String> attachmentNames) {

    static Optional<WebhookComment> of(String payload) {
        Optional<JsonNode> parsed = WebhookTicket.body(payload);
        if (parsed.isEmpty()) return Optional.empty();
        JsonNode body = parsed.get();
        Optional<Long> id = positive(body.path("comment_id"));
        Optional<Long> authorId = positive(body.path("comment_author_id"));
        String isPublic = body.path("comment_public").asText("");
        JsonNode text = body.path("comment_body");
        JsonNode attachments = body.path("comment_attachments");
        Optional<Long> previous = id.flatMap(i -> previousId(body.path("recent_comment_ids").asText(""), i));
        if (id.isEmpty() || authorId.isEmpty() || previous.isEmpty() || !(isPublic.equals("true") || isPublic.equals("false"))
                || !text.isTextual() || !attachments.isTextual()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        for (String name : attachments.asText().split("/")) if (!name.isBlank()) names.add(name.strip());
        String name = filled(body.path("comment_author_name").asText(""));
        String email = filled(body.path("comment_author_email").asText(""));
        if (masked(text.asText()) || masked(attachments.asText()) || masked(email == null ? "" : email)) return Optional.empty();
        return Optional.of(new WebhookComment(id.get(), previous.get(), new ZendeskUser(authorId.get(), name, email),
                isPublic.equals("true"), text.asText(), List.copyOf(names)));
    }

    /** The comments after {@code cursor} when the body tells them all (this one, or none); empty when it cannot. */
    Optional<List<ZendeskComment>> after(long cursor, Long requesterId) {
        if (cursor < previousId) return Optional.empty();
        if (cursor >= id) return Optional.of(List.of());
        List<ZendeskAttachment> attachments = attachmentNames.stream().map(n -> new ZendeskAttachment(n, null)).toList();
        return Optional.of(List.of(new ZendeskComment(id, author, requesterId != null && requesterId == author.id(), isPublic,
                body, attachments, null)));
    }

    /**
     * The other id of the two latest (0 when the ticket has one comment), when they are {@code id} and an older one.
     */
    private static Optional<Long> previousId(String ids, long id) {
        String[] parts = ids.strip().split("\\s+");
        if (parts.length > 2 || parts[0].isEmpty()) return Optional.empty();
        List<Long> numbers = new ArrayList<>();
        for (String part : parts) {
            Optional<Long> n = positive(TextNode.valueOf(part));
            if (n.isEmpty()) return Optional.empty();
            numbers.add(n.get());
        }
        if (!numbers.remove(Long.valueOf(id))) return Optional.empty();
        if (numbers.isEmpty()) return Optional.of(0L);
        return numbers.get(0) < id ? Optional.of(numbers.get(0)) : Optional.empty();
    }

    /** The intake replaces a secret by its kind's mask: the text is then not the comment's. */
    private static boolean masked(String text) {
        for (SecretKind kind : SecretKind.values()) if (text.contains(kind.mask())) return true;
        return false;
    }

    private static String filled(String value) {
        String v = value.strip();
        return v.isEmpty() || v.startsWith("{{") ? null : v;
    }

    private static Optional<Long> positive(JsonNode node) {
        return WebhookTicket.number(node).filter(n -> n > 0);
    }

    /** Never the body: it may hold personal data. */
    @Override
    public String toString() {
        return "WebhookComment[id=" + id + ", previousId=" + previousId + ", author=" + author.id() + "]";
    }
}
