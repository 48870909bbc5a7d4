package dev.supportbot.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.testing.Licenses;
import dev.supportbot.bot.zendesk.ZendeskComment;
import dev.supportbot.workflows.redaction.SecretScanner;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When the trigger's body tells the new comments, and when it cannot (the comments are then read). */
class WebhookCommentTest {

    private static String body(String id, String ids, String text) {
        return """
                {"ticket_id": "9", "event": "ticket.updated", "requester_id": "5", "comment_id": "%s", "comment_author_id": "5",
                 "comment_author_name": "Ada Lovelace", "comment_author_email": "ada@customer.example", "comment_public": "true",
                 "comment_body": "%s", "comment_attachments": "a.png/b.gitlab-license/", "recent_comment_ids": "%s"}"""
                .formatted(id, text, ids);
    }

    private static Optional<List<ZendeskComment>> after(String payload, long cursor) {
        return WebhookComment.of(payload).flatMap(c -> c.after(cursor, 5L));
    }

    @Test
    void the_comment_right_after_the_readers_cursor_is_told_with_its_author_and_attachments() {
        List<ZendeskComment> told = after(body("120", "120 110 ", "Any news?"), 110).orElseThrow();

        assertThat(told).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(120);
            assertThat(c.body()).isEqualTo("Any news?");
            assertThat(c.byRequester()).isTrue();
            assertThat(c.isPublic()).isTrue();
            assertThat(c.author().email()).isEqualTo("ada@customer.example");
            assertThat(c.attachments()).extracting(a -> a.fileName()).containsExactly("a.png", "b.gitlab-license");
        });
    }

    @Test
    void a_reader_at_or_past_the_comment_has_nothing_new_and_one_behind_the_previous_comment_must_read() {
        String payload = body("120", "120 110", "Any news?");

        assertThat(after(payload, 120)).contains(List.of());
        assertThat(after(payload, 130)).contains(List.of());
        assertThat(after(payload, 100)).as("a comment between 100 and 110 may have been missed").isEmpty();
        assertThat(after(payload, 0)).as("a ticket new to the bot, with two comments").isEmpty();
    }

    @Test
    void a_tickets_only_comment_is_told_to_a_reader_that_has_seen_nothing() {
        assertThat(after(body("120", "120", "Hello"), 0).orElseThrow()).extracting(ZendeskComment::id).containsExactly(120L);
    }

    @Test
    void ids_that_are_not_the_comment_and_an_older_one_tell_nothing_whatever_their_order() {
        // Oldest first, on a ticket with more than two comments: the latest is not among them.
        assertThat(WebhookComment.of(body("130", "100 110", "x"))).isEmpty();
        assertThat(WebhookComment.of(body("130", "130 140", "x"))).isEmpty();
        assertThat(WebhookComment.of(body("130", "130 120 110", "x"))).isEmpty();
        assertThat(WebhookComment.of(body("130", "", "x"))).isEmpty();
        // Oldest first on a ticket with two comments is still the comment and the one before it.
        assertThat(WebhookComment.of(body("130", "120 130", "x")).orElseThrow().previousId()).isEqualTo(120);
    }

    @Test
    void a_body_whose_placeholders_were_not_filled_or_an_older_trigger_tells_nothing() {
        assertThat(WebhookComment.of(body("{{ticket.latest_comment.id}}", "{% for c in ticket.comments limit:2 %}{{c.id}} {% endfor %}",
                "{{ticket.latest_comment.value}}"))).isEmpty();
        assertThat(WebhookComment.of("""
                {"ticket_id": "9", "event": "ticket.updated", "status": "open", "tags": "", "requester_id": "5"}""")).isEmpty();
        assertThat(WebhookComment.of("not json")).isEmpty();
    }

    @Test
    void a_comment_the_intake_masked_a_secret_in_tells_nothing_as_the_redaction_needs_its_text() {
        String masked = SecretScanner.mask("My code is " + Licenses.activationCode());

        assertThat(WebhookComment.of(body("120", "120 110", masked))).isEmpty();
    }
}
