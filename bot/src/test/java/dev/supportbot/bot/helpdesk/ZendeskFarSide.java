package dev.supportbot.bot.helpdesk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.json.Json;
import dev.supportbot.bot.testing.FakeZendesk;
import dev.supportbot.bot.testing.TestBots;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The far side of the bot's Zendesk adapter, either of the two the tests have: the MockServer fake (FakeZendesk) or
 * the sandbox Zendesk in a running bot. The same adapter tests run against both, so the two cannot drift apart.
 */
interface ZendeskFarSide extends AutoCloseable {

    /** The configuration that points the bot's adapter at this far side. */
    BotConfig config();

    /** A ticket the requester opened; its first comment is {@code body}. */
    long openTicket(String requesterName, String requesterEmail, String body, String... tags);

    void reply(long ticketId, String authorName, String authorEmail, String body);

    List<String> tags(long ticketId);

    String status(long ticketId);

    List<String> commentBodies(long ticketId);

    int ticketsWithExternalId(String externalId);

    /** The next request is answered 429 with this Retry-After, doing nothing. */
    void rateLimitNext(Duration retryAfter);

    @Override
    void close();

    static ZendeskFarSide fake() {
        return new Fake();
    }

    static ZendeskFarSide sandbox() {
        return new Sandbox(HelpdeskBot.start());
    }

    final class Fake implements ZendeskFarSide {
        private final FakeZendesk fake = new FakeZendesk();
        private final AtomicLong ids = new AtomicLong(500);

        @Override
        public BotConfig config() {
            Map<String, String> env = new HashMap<>(TestBots.envWithoutDatabase());
            env.put("BOT_ZENDESK_URL", fake.url());
            env.put("BOT_ZENDESK_EMAIL", "bot@vendor.example");
            env.put("BOT_ZENDESK_TOKEN", "zd-token");
            return TestBots.config(env);
        }

        @Override
        public long openTicket(String requesterName, String requesterEmail, String body, String... tags) {
            long id = ids.incrementAndGet();
            fake.ticket(id, "Ownership", body, fake.user(requesterName, requesterEmail), tags);
            return id;
        }

        @Override
        public void reply(long ticketId, String authorName, String authorEmail, String body) {
            fake.reply(ticketId, fake.user(authorName, authorEmail), body);
        }

        @Override
        public List<String> tags(long ticketId) {
            synchronized (fake.ticket(ticketId).tags) {
                return new ArrayList<>(fake.ticket(ticketId).tags);
            }
        }

        @Override
        public String status(long ticketId) {
            return fake.ticket(ticketId).status;
        }

        @Override
        public List<String> commentBodies(long ticketId) {
            return fake.ticket(ticketId).comments.stream().map(FakeZendesk.Comment::body).toList();
        }

        @Override
        public int ticketsWithExternalId(String externalId) {
            return fake.ticketsWithExternalId(externalId).size();
        }

        @Override
        public void rateLimitNext(Duration retryAfter) {
            fake.rateLimitNext(r -> true, (int) retryAfter.toSeconds());
        }

        @Override
        public void close() {
            fake.close();
        }

        @Override
        public String toString() {
            return "FakeZendesk";
        }
    }

    final class Sandbox implements ZendeskFarSide {
        private final HelpdeskBot bot;

        /** With the trigger deactivated: these tests are of the adapter, and the bot's engine must not join in. */
        Sandbox(HelpdeskBot bot) {
            this.bot = bot;
            bot.helpdesk.trigger().deactivate(true);
        }

        @Override
        public BotConfig config() {
            return bot.config;
        }

        @Override
        public long openTicket(String requesterName, String requesterEmail, String body, String... tags) {
            person(requesterName, requesterEmail);
            String json = json(Map.of("ticket", Map.of("subject", "Ownership", "comment", Map.of("body", body),
                    "tags", List.of(tags))));
            return read(bot.zendesk("POST", "/api/v2/tickets.json", json, requesterEmail).body()).path("ticket").path("id").asLong();
        }

        @Override
        public void reply(long ticketId, String authorName, String authorEmail, String body) {
            person(authorName, authorEmail);
            bot.zendesk("PUT", "/api/v2/tickets/" + ticketId + ".json",
                    json(Map.of("ticket", Map.of("comment", Map.of("body", body)))), authorEmail);
        }

        private void person(String name, String email) {
            bot.jdbi().useHandle(h -> new ZendeskStore(java.time.Clock.systemUTC()).endUser(h, name, email));
        }

        @Override
        public List<String> tags(long ticketId) {
            return bot.helpdesk.zendesk().ticket(ticketId).tags();
        }

        @Override
        public String status(long ticketId) {
            return bot.helpdesk.zendesk().ticket(ticketId).status();
        }

        @Override
        public List<String> commentBodies(long ticketId) {
            return bot.jdbi().withHandle(h -> h.createQuery("SELECT body FROM sandbox_zd_comment WHERE ticket_id = :t ORDER BY id")
                    .bind("t", ticketId).mapTo(String.class).list());
        }

        @Override
        public int ticketsWithExternalId(String externalId) {
            return (int) bot.count("SELECT COUNT(*) FROM sandbox_zd_ticket WHERE external_id = ?", externalId);
        }

        @Override
        public void rateLimitNext(Duration retryAfter) {
            bot.helpdesk.rateLimitNext(1, retryAfter);
        }

        @Override
        public void close() {
            bot.close();
        }

        @Override
        public String toString() {
            return "sandbox Zendesk";
        }

        private static String json(Object value) {
            try {
                return Json.MAPPER.writeValueAsString(value);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private static JsonNode read(String body) {
            try {
                return Json.MAPPER.readTree(body);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
