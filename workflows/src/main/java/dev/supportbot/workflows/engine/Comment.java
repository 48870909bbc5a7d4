package dev.supportbot.workflows.engine;

import java.util.List;

/**
 * A ticket comment as the bot received it. {@code body} can contain secrets: a workflow may read it while
 * deciding but must never copy it into a state or an effect.
 */
public record Comment(long id, Person author, boolean byRequester, boolean isPublic, String body, List<Attachment> attachments) {

    public Comment {
        body = body == null ? "" : body;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
