package dev.supportbot.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockserver.model.HttpForward.forward;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import dev.supportbot.bot.Plugins;
import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.sandbox.SandboxPortalPlugin;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.FakeZendesk;
import dev.supportbot.bot.testing.Licenses;
import dev.supportbot.bot.testing.Signing;
import dev.supportbot.bot.testing.TestBots;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.matchers.TimeToLive;
import org.mockserver.matchers.Times;

/**
 * Redaction does not wait for the workflows: with the portal down (its far side answering 503), an activation code
 * pasted into a ticket that starts a workflow leaves the ticket at once, while the workflow's part of the event is
 * retried until the portal is back. The sandbox portal serves the answers once it is, through a MockServer in front.
 */
class RedactionFirstTest {
    private final FakeZendesk zendesk = new FakeZendesk();
    private final ClientAndServer portal = ClientAndServer.startClientAndServer();
    private SupportBot bot;

    @AfterEach
    void stop() {
        if (bot != null) bot.close();
        zendesk.close();
        portal.stop();
    }

    @Test
    void a_pasted_code_is_redacted_while_the_portal_is_down_and_the_workflow_runs_once_it_is_back() throws Exception {
        portal.when(request()).respond(response().withStatusCode(503));
        Map<String, String> env = TestBots.env();
        env.put("BOT_ZENDESK_URL", zendesk.url());
        env.put("BOT_ZENDESK_EMAIL", "bot@vendor.example");
        env.put("BOT_ZENDESK_TOKEN", "zd-token");
        env.put("BOT_PORTAL_URL", "http://127.0.0.1:" + portal.getPort() + SandboxPortalPlugin.API_PATH);
        env.put("BOT_PORTAL_MAX_ATTEMPTS", "1");
        env.put("BOT_INBOX_MAX_ATTEMPTS", "100"); // the outage lasts as long as the test needs, never into a dead letter
        BotConfig config = TestBots.config(TestBots.mixOnPurpose(env));
        bot = SupportBot.builder(config).host("127.0.0.1")
                .plugins(context -> List.of(new SandboxPortalPlugin(context))) // the portal's far side, behind the MockServer
                .plugins(Plugins.standard(config)).start();

        String code = Licenses.activationCode();
        FakeZendesk.User sam = zendesk.user("Sam Rivera", "sam@acme.example");
        FakeZendesk.Ticket ticket = zendesk.ticket(601, "Please make me the owner of A-S00001001",
                "Please make me the owner of A-S00001001. Our activation code is " + code + ".", sam,
                "supportbot_start_ownership_verification");
        webhook(601);

        Await.until("the code redacted", Duration.ofSeconds(20), () -> !ticket.comments.get(0).body().contains(code));
        // The workflow has not run: the portal is still down, and the event waits for its retry.
        assertThat(ticket.tags).doesNotContain("supportbot_ov_awaiting_proof");
        Await.until("a failed attempt recorded", Duration.ofSeconds(20), () -> lastError().contains("ortal"));
        // The redaction's note is an effect of its own commit: it goes out after that commit, whatever the workflows do.
        Await.until("the redaction note", Duration.ofSeconds(20),
                () -> ticket.privateNotes().stream().anyMatch(n -> n.body().contains("activation code")));
        assertThat(ticket.privateNotes()).allSatisfy(n -> assertThat(n.body()).doesNotContain(code));

        // The portal comes back: a forward to the sandbox portal that outranks the 503 (no gap in which nothing answers).
        portal.when(request(), Times.unlimited(), TimeToLive.unlimited(), 10)
                .forward(forward().withHost("127.0.0.1").withPort(bot.port()));
        Await.until("the proof request", Duration.ofSeconds(30), () -> ticket.tags.contains("supportbot_ov_awaiting_proof"));
        Await.until("the bot to finish its work", Duration.ofSeconds(30), () -> bot.inbox().depth() == 0);

        long redactions = Arrays.stream(zendesk.recorded())
                .filter(r -> r.getPath().getValue().contains("/comment_redactions/" + ticket.comments.get(0).id())).count();
        assertThat(redactions).as("the comment is redacted once, not again on the workflow's retry").isEqualTo(1);
        assertThat(ticket.privateNotes()).filteredOn(n -> n.body().startsWith("supportbot redaction")).hasSize(1);
    }

    private String lastError() {
        return bot.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT COALESCE(MAX(last_error), '') FROM inbox WHERE source = 'zendesk' AND ticket_id = 601")
                .mapTo(String.class).one());
    }

    private void webhook(long ticketId) throws Exception {
        String body = "{\"ticket_id\":" + ticketId + ",\"event\":\"ticket.updated\",\"delivery_id\":\"first-" + ticketId + "\"}";
        assertThat(Signing.sendZendeskWebhook(bot.port(), body)).isEqualTo(200);
    }
}
