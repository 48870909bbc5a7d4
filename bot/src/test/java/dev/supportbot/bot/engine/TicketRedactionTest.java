package dev.supportbot.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.inbox.NewInboxEvent;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.FakeZendesk;
import dev.supportbot.bot.testing.Licenses;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TicketRedactionTest {
    private static final AtomicInteger DELIVERY = new AtomicInteger();

    private static void webhook(EngineFixture f, long ticket) {
        f.inbox.accept(new NewInboxEvent("zendesk", "d" + DELIVERY.incrementAndGet(), "ticket.updated", ticket, "{}"));
    }

    @Test
    void secrets_in_comments_are_redacted_and_a_note_says_what_without_the_secret() {
        try (EngineFixture f = new EngineFixture()) {
            String code = Licenses.activationCode();
            String license = Licenses.wrappedLicense(60);
            FakeZendesk.User requester = f.fake.user("Ada", "ada@customer.example");
            FakeZendesk.Ticket ticket = f.fake.ticket(90, "Activation problem", "Hi, my activation code is " + code + ". Help?", requester);
            FakeZendesk.Comment second = f.fake.reply(90, requester, "Here is the license:\n" + license + "\nThanks", "acme.gitlab-license");

            webhook(f, 90);
            Await.until("the note", Duration.ofSeconds(20), () -> !ticket.privateNotes().isEmpty() && f.pending() == 0);
            // The webhook read the ticket once: the comments were read with the ticket the dispatcher already had.
            assertThat(java.util.Arrays.stream(f.fake.recorded())
                    .filter(r -> "GET".equals(r.getMethod().getValue()) && r.getPath().getValue().equals("/api/v2/tickets/90.json")))
                    .hasSize(1);

            assertThat(ticket.comments).extracting(FakeZendesk.Comment::body).noneMatch(b -> b.contains(code))
                    .noneMatch(b -> b.contains(license.lines().findFirst().orElseThrow()));
            assertThat(ticket.comments.get(0).body()).startsWith("Hi, my activation code is ").endsWith(". Help?");
            String note = ticket.privateNotes().get(0).body();
            assertThat(note).contains("1 activation code from comment " + ticket.comments.get(0).id())
                    .contains("1 license key from comment " + second.id())
                    .contains("acme.gitlab-license")
                    .doesNotContain(code);
            assertThat(f.fake.receivedBodies()).filteredOn(b -> !b.contains("<redact>") && !b.contains("\"text\""))
                    .noneMatch(b -> b.contains(code));

            // A second webhook finds nothing new: no second note.
            webhook(f, 90);
            Await.until("the second webhook handled", Duration.ofSeconds(20), () -> f.pending() == 0);
            assertThat(ticket.privateNotes()).hasSize(1);
            java.util.List<String> audit = f.db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT detail FROM audit_log WHERE action = 'redaction'").mapTo(String.class).list());
            assertThat(audit).singleElement().satisfies(d -> assertThat(d).doesNotContain(code));
        }
    }
}
