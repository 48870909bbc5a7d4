package dev.supportbot.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.Plugins;
import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.FakeZendesk;
import dev.supportbot.workflows.engine.Dates;
import dev.supportbot.bot.testing.Licenses;
import dev.supportbot.bot.testing.Signing;
import dev.supportbot.bot.testing.TestBots;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The comment the shipped trigger's body carries spares the read of the ticket's comments, and only when nothing can
 * have been missed: the bot runs for real, fed the body the shipped trigger renders for each update, and the reads
 * are counted where Zendesk counts them. One bot for all (each test has its own ticket).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommentEventsTest {
    private static final String COMMENTS = "/api/v2/tickets/%d/comments.json";
    private final FakeZendesk zendesk = new FakeZendesk();
    private SupportBot bot;
    private FakeZendesk.User ada;

    @BeforeAll
    void start() {
        Map<String, String> env = TestBots.env();
        env.put("BOT_ZENDESK_URL", zendesk.url());
        env.put("BOT_ZENDESK_EMAIL", "bot@vendor.example");
        env.put("BOT_ZENDESK_TOKEN", "zd-token");
        BotConfig config = TestBots.config(env);
        bot = SupportBot.builder(config).host("127.0.0.1").plugins(Plugins.standard(config)).start();
        ada = zendesk.user("Ada Lovelace", "ada@customer.example");
    }

    @AfterAll
    void stop() {
        if (bot != null) bot.close();
        zendesk.close();
    }

    @Test
    void a_new_ticket_and_a_requesters_comment_on_it_cost_no_read() throws Exception {
        zendesk.ticket(701, "Renewal", "When does our subscription renew?", ada, "renewal");
        List<FakeZendesk.Arrival> opened = during(701);
        FakeZendesk.Comment reply = zendesk.reply(701, ada, "Any news on this?");
        List<FakeZendesk.Arrival> commented = during(701);
        List<FakeZendesk.Arrival> nothingNew = during(701);

        assertThat(opened).as("the ticket's first event, which says it has one comment").isEmpty();
        assertThat(commented).as("the comment right after the one the bot saw").isEmpty();
        assertThat(nothingNew).as("an update without a new comment").isEmpty();
        assertThat(scannedUpTo(701)).isEqualTo(reply.id());
    }

    @Test
    void a_comment_whose_event_was_missed_is_read_and_redacted_on_the_next_event() throws Exception {
        opened(702);
        String code = Licenses.activationCode();
        FakeZendesk.Comment missed = zendesk.reply(702, ada, "My activation code is " + code);
        // Its webhook never arrives (the bot was down, Zendesk gave up); the next update's does.
        zendesk.reply(702, ada, "Did you get my code?");
        List<FakeZendesk.Arrival> next = during(702);

        assertThat(reads(next, COMMENTS.formatted(702))).as("the gap is read").isEqualTo(2); // comments, then the one to redact
        assertThat(now(702, missed).body()).doesNotContain(code);
        assertThat(zendesk.ticket(702).privateNotes()).singleElement()
                .satisfies(n -> assertThat(n.body()).contains("from the requester's reply of " + Dates.utcMinute(FakeZendesk.createdAt(missed))).doesNotContain(code));
    }

    @Test
    void a_ticket_with_history_the_bot_never_saw_is_read_on_its_first_event() throws Exception {
        zendesk.ticket(703, "Renewal", "When does our subscription renew?", ada);
        FakeZendesk.Comment reply = zendesk.reply(703, ada, "Any news on this?");

        List<FakeZendesk.Arrival> first = during(703);

        assertThat(reads(first, COMMENTS.formatted(703))).isEqualTo(1);
        assertThat(scannedUpTo(703)).isEqualTo(reply.id());
    }

    @Test
    void a_code_pasted_in_the_events_comment_is_redacted_on_the_ticket_and_never_stored() throws Exception {
        opened(704);
        String code = Licenses.activationCode();
        FakeZendesk.Comment pasted = zendesk.reply(704, ada, "Here it is: " + code);

        List<FakeZendesk.Arrival> event = during(704);

        // The intake masked the code in the stored body, so the event cannot redact it: the comment is read.
        assertThat(reads(event, COMMENTS.formatted(704))).isGreaterThanOrEqualTo(1);
        assertThat(now(704, pasted).body()).doesNotContain(code).contains("Here it is: ");
        assertThat(zendesk.ticket(704).privateNotes()).singleElement().satisfies(n -> assertThat(n.body()).contains("activation code"));
        List<String> payloads = bot.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT payload FROM inbox WHERE source = 'zendesk' AND ticket_id = 704").mapTo(String.class).list());
        assertThat(payloads).hasSize(2).allSatisfy(p -> assertThat(p).doesNotContain(code));
    }

    @Test
    void a_license_file_attached_to_the_events_comment_is_reported_without_a_read() throws Exception {
        opened(705);
        zendesk.reply(705, ada, "This one?", "company.gitlab-license");

        List<FakeZendesk.Arrival> event = during(705);

        assertThat(reads(event, COMMENTS.formatted(705))).isZero();
        assertThat(zendesk.ticket(705).privateNotes()).singleElement()
                .satisfies(n -> assertThat(n.body()).contains("company.gitlab-license").contains("please delete it"));
    }

    /** Sends the shipped trigger's body for the ticket as it is now; the requests Zendesk received until the bot was done. */
    private List<FakeZendesk.Arrival> during(long ticketId) throws Exception {
        int before = zendesk.arrivals().size();
        assertThat(Signing.sendZendeskWebhook(bot.port(), zendesk.triggerBody(ticketId, ada))).isEqualTo(200);
        Await.until("the event handled", Duration.ofSeconds(30), () -> bot.inbox().depth() == 0);
        List<FakeZendesk.Arrival> all = zendesk.arrivals();
        return all.subList(before, all.size()).stream().filter(a -> !a.isWrite()).toList();
    }

    /** A ticket Ada opened, its first event handled. */
    private void opened(long ticketId) throws Exception {
        zendesk.ticket(ticketId, "Activation", "It fails.", ada);
        during(ticketId);
    }

    /** The comment as it is on the ticket now. */
    private FakeZendesk.Comment now(long ticketId, FakeZendesk.Comment comment) {
        return zendesk.ticket(ticketId).comments.stream().filter(c -> c.id() == comment.id()).findFirst().orElseThrow();
    }

    private static long reads(List<FakeZendesk.Arrival> reads, String path) {
        return reads.stream().filter(a -> a.path().equals(path)).count();
    }

    private long scannedUpTo(long ticketId) {
        return bot.database().jdbi().withHandle(h -> h.createQuery("SELECT comment_cursor FROM ticket_scan WHERE ticket_id = :t")
                .bind("t", ticketId).mapTo(Long.class).one());
    }
}
