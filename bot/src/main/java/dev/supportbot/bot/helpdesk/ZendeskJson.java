package dev.supportbot.bot.helpdesk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supportbot.bot.helpdesk.ZendeskRecords.Attachment;
import dev.supportbot.bot.helpdesk.ZendeskRecords.Comment;
import dev.supportbot.bot.helpdesk.ZendeskRecords.Ticket;
import dev.supportbot.bot.helpdesk.ZendeskRecords.User;
import dev.supportbot.bot.json.Json;

/** The stand-in's rows as Zendesk's API writes them (the fields the bot and the console read). */
final class ZendeskJson {
    private ZendeskJson() {}

    static ObjectNode ticket(Ticket t, String description) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("id", t.id()).put("subject", t.subject()).put("description", description).put("requester_id", t.requesterId())
                .put("status", t.status()).put("created_at", t.createdAt().toString()).put("updated_at", t.updatedAt().toString());
        if (t.externalId() == null) n.putNull("external_id");
        else n.put("external_id", t.externalId());
        ArrayNode tags = n.putArray("tags");
        t.tags().forEach(tags::add);
        return n;
    }

    static ObjectNode user(User u) {
        return Json.MAPPER.createObjectNode().put("id", u.id()).put("name", u.name()).put("email", u.email()).put("role", u.role());
    }

    static ObjectNode comment(Comment c) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("id", c.id()).put("type", "Comment").put("author_id", c.authorId()).put("public", c.isPublic())
                .put("body", c.body()).put("html_body", html(c.body())).put("plain_body", c.body())
                .put("created_at", c.createdAt().toString());
        ArrayNode attachments = n.putArray("attachments");
        for (Attachment a : c.attachments()) {
            attachments.addObject().put("id", a.id()).put("file_name", a.fileName()).put("content_type", a.contentType());
        }
        return n;
    }

    /** Zendesk's HTML of a plain comment: escaped, lines split by {@code <br>}, in one paragraph. */
    static String html(String body) {
        String escaped = body.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>");
        return "<div class=\"zd-comment\" dir=\"auto\"><p>" + escaped + "</p></div>";
    }

    static String unescapeHtml(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    static ObjectNode error(String error, String description) {
        return Json.MAPPER.createObjectNode().put("error", error).put("description", description);
    }
}
