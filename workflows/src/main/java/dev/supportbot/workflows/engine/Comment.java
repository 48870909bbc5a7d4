package dev.supportbot.workflows.engine;

import java.time.Instant;
import java.util.List;

/**
 * A ticket comment as the bot received it. {@code body} can contain secrets: a workflow may read it while
 * deciding but must never copy it into a state or an effect. {@code createdAt} is null where the source gave no time.
 */
public record Comment(long id, Person author, boolean byRequester, boolean isPublic, String body, List<Attachment> attachments,
                      Instant createdAt) {

    public Comment {
        body = body == null ? "" : body;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public Comment(long id, Person author, boolean byRequester, boolean isPublic, String body, List<Attachment> attachments) {
        this(id, author, byRequester, isPublic, body, attachments, null);
    }

    /** Which comment this is, in words for an agent: "the requester's reply of 7 December 2026, 10:51 UTC". */
    public String inWords() {
        String who = byRequester ? "the requester's reply"
                : author != null && author.name() != null && !author.name().isBlank() ? author.name() + "'s comment"
                : "a comment";
        return createdAt == null ? who : who + " of " + Dates.utcMinute(createdAt);
    }

    /** The same words to begin a sentence: "The requester's reply of 7 December 2026, 10:51 UTC". */
    public String inWordsAtSentenceStart() {
        String words = inWords();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** When it was written, for a sentence that already says whose it is: " on 7 December 2026, 10:51 UTC", or "". */
    public String writtenOn() {
        return createdAt == null ? "" : " on " + Dates.utcMinute(createdAt);
    }
}
