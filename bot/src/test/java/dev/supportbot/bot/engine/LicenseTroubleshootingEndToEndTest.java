package dev.supportbot.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.Plugins;
import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.FakeZendesk;
import dev.supportbot.bot.testing.Signing;
import dev.supportbot.bot.testing.TestBots;
import dev.supportbot.workflows.troubleshooting.LicenseTroubleshooting;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * License troubleshooting from a signed webhook to the notes Zendesk receives, with the real engine and database and
 * the sandbox portal over HTTP; only Zendesk is replaced, at the far side of the wire.
 */
class LicenseTroubleshootingEndToEndTest {
    private static final AtomicInteger DELIVERY = new AtomicInteger();

    private final HttpClient http = HttpClient.newHttpClient();
    private final FakeZendesk zendesk = new FakeZendesk();
    private SupportBot bot;

    @AfterEach
    void stop() {
        if (bot != null) bot.close();
        zendesk.close();
    }

    private void start() {
        Map<String, String> env = TestBots.env();
        env.put("BOT_ZENDESK_URL", zendesk.url());
        env.put("BOT_ZENDESK_EMAIL", "bot@vendor.example");
        env.put("BOT_ZENDESK_TOKEN", "zd-token");
        BotConfig config = TestBots.config(env);
        bot = SupportBot.builder(config).host("127.0.0.1").clock(Clock.systemUTC()).plugins(Plugins.standard(config)).start();
    }

    private void webhook(long ticketId) throws Exception {
        String body = "{\"ticket_id\":" + ticketId + ",\"event\":\"ticket.updated\",\"delivery_id\":\"lt-" + DELIVERY.incrementAndGet() + "\"}";
        String ts = Clock.systemUTC().instant().truncatedTo(ChronoUnit.SECONDS).toString();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + "/webhooks/zendesk"))
                .header("X-Zendesk-Webhook-Signature-Timestamp", ts)
                .header("X-Zendesk-Webhook-Signature", Signing.zendesk(TestBots.ZENDESK_SECRET, ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void users_over_the_limit_in_the_first_comment_get_a_note_with_a_drafted_reply_and_nothing_public() throws Exception {
        start();
        FakeZendesk.User art = zendesk.user("Art Vandelay", "art@vandelay.example");
        FakeZendesk.Ticket ticket = zendesk.ticket(701, "License upload fails", """
                Hello,
                > During the year before this license started, this GitLab installation had 57 active users,
                > exceeding this license's limit of 40 by 17 users. Please upload a license for at least 57 users
                Regards, Art""", art, LicenseTroubleshooting.START_TAG);

        webhook(701);

        Await.until("the troubleshooting note", Duration.ofSeconds(30), () -> !ticket.privateNotes().isEmpty());
        assertThat(ticket.privateNotes()).singleElement().satisfies(n -> assertThat(n.body())
                .contains("Active users: 57; licensed seats: 40").contains("buy 17 more seats").contains("Draft public reply"));
        assertThat(ticket.publicCommentsBy(FakeZendesk.BOT_USER)).isEmpty();

        zendesk.reply(701, art, "Thanks, we will look into buying seats.");
        webhook(701);
        Await.until("the second note", Duration.ofSeconds(30), () -> ticket.privateNotes().size() == 2);
        assertThat(ticket.privateNotes().get(1).body()).contains("found no known registration error");
        assertThat(ticket.publicCommentsBy(FakeZendesk.BOT_USER)).isEmpty();
    }

    @Test
    void a_true_up_mismatch_is_noted_with_the_customers_last_license_from_the_portal() throws Exception {
        start();
        FakeZendesk.User art = zendesk.user("Art Vandelay", "art@vandelay.example");
        FakeZendesk.Ticket ticket = zendesk.ticket(702, "Renewal license", "Hi, the new license does not register.", art,
                LicenseTroubleshooting.START_TAG);
        webhook(702);
        Await.until("the first note", Duration.ofSeconds(30), () -> ticket.privateNotes().size() == 1);

        zendesk.reply(702, art, "The exact message:\n\n> You have applied a True-up for 2 users but you\n> need one for 3 users.");
        webhook(702);

        Await.until("the true-up note", Duration.ofSeconds(30), () -> ticket.privateNotes().size() >= 2);
        assertThat(ticket.privateNotes().get(1).body()).contains("True-up in the license: 2; true-up needed: 3")
                .contains("The customer's last license: #1605 Premium, 40 users, true-up 2")
                .contains("duplicate license #1605 with a true-up count of 3");
        assertThat(ticket.publicCommentsBy(FakeZendesk.BOT_USER)).isEmpty();
    }
}
