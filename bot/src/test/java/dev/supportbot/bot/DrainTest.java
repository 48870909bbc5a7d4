package dev.supportbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.inbox.Inbox;
import dev.supportbot.bot.inbox.NewInboxEvent;
import dev.supportbot.bot.store.Database;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.Signing;
import dev.supportbot.bot.testing.TestBots;
import dev.supportbot.bot.testing.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Stopping a bot drains it: intake and {@code /healthz} answer 503 at once, the event a worker holds is finished, the
 * events it had claimed but not started are given back (pending, their attempt not counted) for another instance.
 */
class DrainTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_stopping_bot_refuses_intake_and_readiness_finishes_the_event_in_hand_and_gives_back_the_rest() throws Exception {
        String url = TestDatabases.freshUrl();
        try (Database database = TestDatabases.reopen(url); Inbox inbox = new Inbox(database, Clock.systemUTC())) {
            for (long ticket = 1; ticket <= 3; ticket++) {
                inbox.accept(new NewInboxEvent("test", "drain-" + ticket, "ticket.updated", ticket, "{}"));
            }
        }
        Map<String, String> env = TestBots.env(url);
        env.put("BOT_INBOX_WORKERS", "1"); // its first claim takes all three; it works on one, the others wait in its hand
        env.put("BOT_SHUTDOWN_GRACE", "20s");
        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        List<Long> dispatched = new CopyOnWriteArrayList<>();
        SupportBot bot = SupportBot.builder(TestBots.config(env)).host("127.0.0.1").dispatcher(context -> event -> {
            dispatched.add(event.id());
            working.countDown();
            assertThat(finish.await(30, TimeUnit.SECONDS)).isTrue();
            return Handled.noop("finished during the drain");
        }).start();
        Thread stopping = new Thread(bot::close, "stopping");
        try {
            assertThat(working.await(30, TimeUnit.SECONDS)).as("a worker holds an event").isTrue();
            assertThat(get(bot, "/healthz").statusCode()).isEqualTo(200);

            stopping.start();
            Await.until("readiness off", Duration.ofSeconds(10), () -> get(bot, "/healthz").statusCode() == 503);
            assertThat(get(bot, "/healthz").body()).contains("\"status\":\"draining\"");
            HttpResponse<String> webhook = webhook(bot);
            assertThat(webhook.statusCode()).isEqualTo(503);
            assertThat(webhook.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(webhook.body()).contains("\"status\":503", "shutting down");
            HttpResponse<String> slack = slack(bot);
            assertThat(slack.statusCode()).isEqualTo(503);
            assertThat(slack.headers().firstValue("Retry-After")).isPresent();
            assertThat(stopping.isAlive()).as("the stop waits for the event in hand").isTrue();

            finish.countDown();
            stopping.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(stopping.isAlive()).as("the bot stopped").isFalse();
        } finally {
            finish.countDown();
            bot.close();
        }

        assertThat(dispatched).hasSize(1);
        try (Database database = TestDatabases.reopen(url)) {
            List<Map<String, Object>> rows = database.jdbi().withHandle(h -> h.createQuery(
                    "SELECT id, status, attempts, claim_token FROM inbox ORDER BY id").mapToMap().list());
            assertThat(rows).as("nothing refused was stored").hasSize(3);
            for (Map<String, Object> row : rows) {
                boolean finished = ((Number) row.get("id")).longValue() == dispatched.get(0);
                assertThat(row.get("status")).isEqualTo(finished ? "done" : "pending");
                if (!finished) {
                    assertThat(row.get("claim_token")).as("given back").isNull();
                    assertThat(((Number) row.get("attempts")).intValue()).as("not counted as an attempt").isZero();
                }
            }
        }
    }

    private HttpResponse<String> get(SupportBot bot, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private HttpResponse<String> webhook(SupportBot bot) throws Exception {
        String body = "{\"ticket_id\":9,\"event\":\"ticket.updated\",\"delivery_id\":\"drain-late\"}";
        return http.send(Signing.zendeskWebhook(bot.port(), body), HttpResponse.BodyHandlers.ofString());
    }


    private HttpResponse<String> slack(SupportBot bot) throws Exception {
        String form = "team_id=T1&user_id=U1&command=%2Flnr&text=help&trigger_id=1.2.drain";
        return http.send(Signing.slackEvents(bot.port(), form), HttpResponse.BodyHandlers.ofString());
    }

}
