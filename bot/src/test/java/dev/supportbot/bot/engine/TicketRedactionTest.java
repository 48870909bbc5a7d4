package dev.supportbot.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.inbox.NewInboxEvent;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.FakeZendesk;
import dev.supportbot.workflows.ReadableTexts;
import dev.supportbot.workflows.engine.Dates;
import dev.supportbot.bot.testing.Licenses;
import java.time.Duration;
import java.util.List;
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
            assertThat(note).contains("1 activation code from the requester's reply of " + Dates.utcMinute(FakeZendesk.createdAt(ticket.comments.get(0))))
                    .contains("1 license key from the requester's reply of " + Dates.utcMinute(FakeZendesk.createdAt(second)))
                    .contains("acme.gitlab-license")
                    .doesNotContain(code);
            ReadableTexts.assertWrittenForPeople(List.of(note));
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

    @Test
    void a_code_in_the_subject_is_masked_with_a_ticket_update_and_noted_without_the_code() {
        try (EngineFixture f = new EngineFixture()) {
            String inSubject = Licenses.activationCode();
            String inComment = Licenses.activationCode();
            FakeZendesk.User requester = f.fake.user("Ada", "ada@customer.example");
            FakeZendesk.Ticket ticket = f.fake.ticket(91, "Activation code " + inSubject + " fails", "Hi, it is " + inComment + ".", requester);

            webhook(f, 91);
            Await.until("the note", Duration.ofSeconds(20), () -> !ticket.privateNotes().isEmpty() && f.pending() == 0);

            assertThat(ticket.subject).isEqualTo("Activation code [REDACTED activation code] fails");
            assertThat(ticket.privateNotes()).singleElement().satisfies(note -> assertThat(note.body())
                    .contains("Masked 1 activation code in the ticket's subject.")
                    .contains("1 activation code from the requester's reply of " + Dates.utcMinute(FakeZendesk.createdAt(ticket.comments.get(0))))
                    .doesNotContain(inSubject).doesNotContain(inComment));
            assertThat(f.fake.receivedBodies()).noneMatch(b -> b.contains(inSubject));

            // The subject changed to hold a code again: masked again; the bot's own note is a new comment, so a note follows.
            String again = Licenses.activationCode();
            ticket.subject = "Still " + again;
            webhook(f, 91);
            Await.until("the second note", Duration.ofSeconds(20), () -> ticket.privateNotes().size() == 2 && f.pending() == 0);
            assertThat(ticket.subject).isEqualTo("Still [REDACTED activation code]");
            assertThat(ticket.privateNotes().get(1).body()).isEqualTo("supportbot redaction:\nMasked 1 activation code in the ticket's subject.");
            ReadableTexts.assertWrittenForPeople(ticket.privateNotes().stream().map(FakeZendesk.Comment::body).toList());
            webhook(f, 91); // sees that note: nothing to do
            Await.until("the webhook handled", Duration.ofSeconds(20), () -> f.pending() == 0);

            // With no comment since the last scan, the subject is masked and audited, and no note is posted.
            String third = Licenses.activationCode();
            ticket.subject = "Once more " + third;
            webhook(f, 91);
            Await.until("the subject masked a third time", Duration.ofSeconds(20),
                    () -> ticket.subject.equals("Once more [REDACTED activation code]") && f.pending() == 0);
            assertThat(ticket.privateNotes()).hasSize(2);
            java.util.List<String> audit = f.db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT detail FROM audit_log WHERE action = 'redaction' ORDER BY id").mapTo(String.class).list());
            assertThat(audit).hasSize(3).noneMatch(d -> d.contains(inSubject) || d.contains(again) || d.contains(third));
        }
    }
}
