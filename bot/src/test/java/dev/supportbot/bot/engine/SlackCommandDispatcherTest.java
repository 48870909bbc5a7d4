package dev.supportbot.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.inbox.InboxEvent;
import dev.supportbot.bot.inbox.NewInboxEvent;
import dev.supportbot.bot.slack.SlackNotifier;
import dev.supportbot.bot.store.Vendor;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.FakeZendesk;
import dev.supportbot.bot.testing.TestBots;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlackCommandDispatcherTest {

    private static InboxEvent command(String user, String text) {
        String payload = "{\"type\":\"slash_command\",\"command\":\"ov\",\"text\":\"" + text + "\",\"user_id\":\"" + user + "\"}";
        return new InboxEvent(1, "slack", "k", "slash_command:ov", null, payload, 1, Instant.now(), "token");
    }

    @Test
    void only_configured_agents_can_decide_and_a_refusal_changes_nothing() throws Exception {
        try (EngineFixture f = new EngineFixture(Vendor.H2)) {
            FakeZendesk.Ticket ticket = f.fake.ticket(95, "Ownership change", "Please make me the owner.",
                    f.fake.user("Ada", "ada@customer.example"), "supportbot_start_ownership_verification");
            f.inbox.accept(new NewInboxEvent("zendesk", "d95", "ticket.updated", 95L, "{}"));
            Await.until("the request for the subscription name", Duration.ofSeconds(20),
                    () -> ticket.tags.contains("supportbot_ov_awaiting_subscription") && f.pending() == 0);
            Instance before = f.instances.find(95, "ownership_verification").orElseThrow();

            SlackCommandDispatcher dispatcher = new SlackCommandDispatcher(f.engine, f.instances,
                    SlackNotifier.fromConfig(TestBots.config(TestBots.env(Vendor.H2))), "ownership_verification", List.of("U_AGENT"));

            Handled refused = dispatcher.dispatch(command("U_SOMEONE", "ov cancel 95"));
            f.db.jdbi().useTransaction(h -> refused.commit().apply(h));
            assertThat(refused.outcome()).startsWith("refused /lnr ov from U_SOMEONE");
            assertThat(f.instances.find(95, "ownership_verification").orElseThrow().version()).isEqualTo(before.version());

            Handled done = dispatcher.dispatch(command("U_AGENT", "ov cancel 95"));
            f.db.jdbi().useTransaction(h -> done.commit().apply(h));
            Instance after = f.instances.find(95, "ownership_verification").orElseThrow();
            assertThat(after.version()).isEqualTo(before.version() + 1);
            assertThat(after.finished()).isTrue();
            assertThat(new AuditLog(f.db).forTicket(95)).extracting(AuditLog.Entry::actor).contains("slack:U_AGENT");

            assertThat(dispatcher.dispatch(command("U_AGENT", "ov frobnicate 95")).outcome()).isEqualTo("bad usage of /lnr ov");
        }
    }
}
