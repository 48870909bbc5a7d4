package dev.supportbot.bot.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportbot.bot.engine.AuditLog;
import dev.supportbot.bot.engine.Instance;
import dev.supportbot.bot.engine.InstanceStore;
import dev.supportbot.bot.engine.StartRequest;
import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.inbox.InboxEvent;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.workflows.ownership.OwnershipState;
import dev.supportbot.workflows.ownership.OwnershipVerification;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code /lnr} commands and button clicks from signed Slack requests to their effect and their answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandFlowTest {
    private static final String KIND = OwnershipVerification.KIND;
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AtomicLong NEXT_TICKET = new AtomicLong(700);

    private CommandsBot f;

    @BeforeAll
    void start() {
        f = new CommandsBot();
    }

    @AfterAll
    void stop() {
        f.close();
    }

    /** A ticket whose ownership verification waits for the subscription name. */
    private long runningVerification() {
        long ticket = NEXT_TICKET.incrementAndGet();
        f.zendeskServer.ticket(ticket, "Ownership", "Please make me the owner.", f.zendeskServer.user("Ada", "ada" + ticket + "@customer.example"));
        f.instances().create(ticket, KIND, f.engine().json().write(
                new OwnershipState.AwaitingSubscription(ticket, Instant.now(), 0, Set.of()), OwnershipState.class), "supportbot");
        return ticket;
    }

    private Instance instance(long ticket) {
        return f.instances().find(ticket, KIND).orElseThrow();
    }

    private String answer(String replyPath) {
        Await.until("an answer at " + replyPath, WAIT, () -> !f.answers(replyPath).isEmpty());
        return f.answers(replyPath).get(0);
    }

    private void drained() {
        Await.until("the inbox to be drained", WAIT, () -> f.bot.inbox().depth() == 0);
    }

    private List<String> startRequests(long ticket) {
        return f.bot.database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT payload FROM inbox WHERE source = :s AND ticket_id = :t ORDER BY id")
                .bind("s", StartRequest.SOURCE).bind("t", ticket).mapTo(String.class).list());
    }

    @Test
    void someone_who_is_not_an_agent_gets_a_plain_refusal_and_nothing_changes() throws Exception {
        long ticket = runningVerification();
        Instance before = instance(ticket);
        HttpResponse<String> ack = f.command("U_SOMEONE", "ov cancel " + ticket, "refused-" + ticket);
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(answer("refused-" + ticket)).isEqualTo(CommandRouter.REFUSAL).doesNotContainIgnoringCase("BOT_").doesNotContain("agents");
        f.command("U_SOMEONE", "help", "refused-help-" + ticket);
        assertThat(answer("refused-help-" + ticket)).isEqualTo(CommandRouter.REFUSAL);
        f.command("U_SOMEONE", "verify " + ticket, "refused-verify-" + ticket);
        assertThat(answer("refused-verify-" + ticket)).isEqualTo(CommandRouter.REFUSAL);
        drained();
        assertThat(instance(ticket)).isEqualTo(before);
        assertThat(new AuditLog(f.bot.database()).forTicket(ticket)).isEmpty();
        assertThat(startRequests(ticket)).isEmpty();
    }

    @Test
    void help_lists_every_registered_sub_command() throws Exception {
        f.command(CommandsBot.AGENT, "help", "help");
        String help = answer("help");
        assertThat(help).isEqualTo(f.router().helpText());
        assertThat(help).contains("`/lnr help`", "`/lnr verify TICKET`", "`/lnr ov cancel TICKET`", "`/lnr ping`: answer pong");
        f.command(CommandsBot.AGENT, "", "help-blank");
        assertThat(answer("help-blank")).isEqualTo(help);
    }

    @Test
    void an_unknown_sub_command_or_a_bad_argument_gets_the_usage_line_and_is_never_echoed() throws Exception {
        f.command(CommandsBot.AGENT, "frobnicate-xyzzy 12", "unknown");
        assertThat(answer("unknown")).isEqualTo(CommandRouter.UNKNOWN).doesNotContain("xyzzy");
        f.command(CommandsBot.AGENT, "ov cancel not-a-ticket-xyzzy", "bad-ticket");
        assertThat(answer("bad-ticket")).isEqualTo("Usage: `/lnr ov confirm-contract TICKET` or `/lnr ov escalate TICKET` or "
                + "`/lnr ov reject TICKET` or `/lnr ov cancel TICKET`");
        f.command(CommandsBot.AGENT, "ov xyzzy 12", "bad-verb");
        assertThat(answer("bad-verb")).startsWith("Usage: `/lnr ov confirm-contract TICKET`").doesNotContain("xyzzy");
        f.command(CommandsBot.AGENT, "verify 12 xyzzy", "bad-start");
        assertThat(answer("bad-start")).isEqualTo("Usage: `/lnr verify TICKET`");
        f.command(CommandsBot.AGENT, "ping xyzzy", "bad-plugin");
        assertThat(answer("bad-plugin")).isEqualTo("Usage: `/lnr ping`");
        f.command(CommandsBot.AGENT, "PING", "plugin");
        assertThat(answer("plugin")).isEqualTo(Ping.ANSWER);
    }

    @Test
    void a_starting_command_queues_a_start_request_with_the_slack_initiator_unless_one_is_running() throws Exception {
        long ticket = NEXT_TICKET.incrementAndGet();
        f.command(CommandsBot.AGENT, "verify " + ticket, "verify-" + ticket);
        assertThat(answer("verify-" + ticket)).isEqualTo("Ticket " + ticket + ": ownership verification requested.");
        assertThat(startRequests(ticket)).singleElement().satisfies(payload -> assertThat(
                f.engine().json().read(payload, StartRequest.class)).isEqualTo(new StartRequest(ticket, KIND, "slack:" + CommandsBot.AGENT)));

        long running = runningVerification();
        f.command(CommandsBot.AGENT, "verify " + running, "verify-" + running);
        assertThat(answer("verify-" + running)).isEqualTo("Ticket " + running + " already has an ownership verification in progress.");
        assertThat(startRequests(running)).isEmpty();
    }

    @Test
    void a_commanding_command_advances_the_running_instance_as_the_agent_and_says_so_after_the_commit() throws Exception {
        long ticket = runningVerification();
        Instance before = instance(ticket);
        f.command(CommandsBot.AGENT, "ov cancel " + ticket, "cancel-" + ticket);
        assertThat(answer("cancel-" + ticket)).isEqualTo("Ticket " + ticket + ": cancel recorded.");
        Instance after = instance(ticket);
        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(after.finished()).isTrue();
        assertThat(f.engine().json().read(after.stateJson(), OwnershipState.class)).isInstanceOfSatisfying(
                OwnershipState.Cancelled.class, c -> assertThat(c.agent()).isEqualTo("slack:" + CommandsBot.AGENT));
        assertThat(new AuditLog(f.bot.database()).forTicket(ticket)).extracting(AuditLog.Entry::actor).contains("slack:" + CommandsBot.AGENT);

        long notStarted = NEXT_TICKET.incrementAndGet();
        Instance requested = f.instances().create(notStarted, KIND,
                f.engine().json().write(new OwnershipState.Requested(), OwnershipState.class), "supportbot");
        f.command(CommandsBot.AGENT, "ov escalate " + notStarted, "early-" + notStarted);
        assertThat(answer("early-" + notStarted))
                .isEqualTo("Ticket " + notStarted + ": escalate changes nothing at this stage of its ownership verification.");
        assertThat(instance(notStarted)).isEqualTo(requested);

        f.command(CommandsBot.AGENT, "ov reject " + ticket, "again-" + ticket);
        assertThat(answer("again-" + ticket)).isEqualTo("Ticket " + ticket + " has no ownership verification in progress.");
        drained();
        assertThat(instance(ticket).version()).isEqualTo(after.version());
    }

    @Test
    void a_command_whose_decision_cannot_commit_sends_no_answer() throws Exception {
        long ticket = runningVerification();
        InboxEvent cancel = storedCommand("ov cancel " + ticket, "lost-" + ticket);
        InboxEvent reject = storedCommand("ov reject " + ticket, "won-" + ticket);
        Handled decidedFirst = f.router().dispatch(cancel);
        Handled decidedSecond = f.router().dispatch(reject);

        // The second decision commits first: the first was decided on a version that is gone.
        f.bot.database().jdbi().useTransaction(h -> decidedSecond.commit().apply(h));
        assertThatThrownBy(() -> f.bot.database().jdbi().useTransaction(h -> decidedFirst.commit().apply(h)))
                .isInstanceOf(InstanceStore.ConcurrentDecisionException.class);

        assertThat(answer("won-" + ticket)).isEqualTo("Ticket " + ticket + ": reject recorded.");
        drained();
        assertThat(f.answers("lost-" + ticket)).isEmpty();
        assertThat(replyRows(cancel)).isZero();
        assertThat(replyRows(reject)).isOne();
        assertThat(f.engine().json().read(instance(ticket).stateJson(), OwnershipState.class)).isInstanceOf(OwnershipState.Rejected.class);
    }

    /** A command as the intake stores it, for a test that hands it to the router itself; its id is not in the inbox. */
    private InboxEvent storedCommand(String text, String replyPath) {
        String payload = "{\"type\":\"slash_command\",\"text\":\"" + text + "\",\"user_id\":\"" + CommandsBot.AGENT
                + "\",\"response_url\":\"" + f.responseUrl(replyPath) + "\"}";
        long id = 1_000_000_000L + NEXT_TICKET.incrementAndGet();
        return new InboxEvent(id, "slack", "k" + id, "slash_command", null, payload, 1, Instant.now(), "claim");
    }

    private long replyRows(InboxEvent cause) {
        return f.bot.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM inbox WHERE source = 'effect' AND dedup_key = :k")
                .bind("k", "effect:ticket-0:" + cause.id() + ":0").mapTo(Long.class).one());
    }

    @Test
    void a_workflow_button_gives_the_running_instance_its_command_for_agents_only() throws Exception {
        long ticket = runningVerification();
        Instance before = instance(ticket);
        f.click("U_SOMEONE", "ov_cancel", Long.toString(ticket), "tr-a-" + ticket, "button-refused-" + ticket);
        assertThat(answer("button-refused-" + ticket)).isEqualTo(CommandRouter.REFUSAL);
        drained();
        assertThat(instance(ticket)).isEqualTo(before);

        f.click(CommandsBot.AGENT, "ov_cancel", Long.toString(ticket), "tr-b-" + ticket, "button-" + ticket);
        assertThat(answer("button-" + ticket)).isEqualTo("Ticket " + ticket + ": cancel recorded.");
        assertThat(instance(ticket).finished()).isTrue();
        assertThat(instance(ticket).version()).isEqualTo(before.version() + 1);
    }

    @Test
    void the_escalate_button_of_an_ownership_post_escalates_the_running_verification() throws Exception {
        long ticket = runningVerification();
        Instance before = instance(ticket);
        f.click(CommandsBot.AGENT, "ownership_escalate", Long.toString(ticket), "tr-e-" + ticket, "escalate-" + ticket);
        assertThat(answer("escalate-" + ticket)).isEqualTo("Ticket " + ticket + ": escalate recorded.");
        assertThat(instance(ticket).version()).isGreaterThan(before.version());
        String state = f.bot.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT state_type FROM workflow_instance WHERE ticket_id = :t").bind("t", ticket).mapTo(String.class).one());
        assertThat(state).isEqualTo("Escalated");
    }

    @Test
    void a_click_goes_to_the_handler_of_its_action_id_with_its_trigger_id_and_an_unknown_one_does_nothing() throws Exception {
        String trigger = "1234567890.98765.abcdef" + System.nanoTime();
        f.click("U_APPROVER", "approve", "42", trigger, "approve-click");
        assertThat(answer("approve-click")).isEqualTo(Clicks.ANSWER);
        assertThat(f.approvals.received).anySatisfy(click -> {
            assertThat(click.actionId()).isEqualTo("approve");
            assertThat(click.value()).isEqualTo("42");
            assertThat(click.userId()).isEqualTo("U_APPROVER");
            assertThat(click.channelId()).isEqualTo("C1");
            assertThat(click.messageTs()).isEqualTo("1700000000.000100");
            assertThat(click.responseUrl()).isEqualTo(f.responseUrl("approve-click"));
            assertThat(click.triggerId()).isEqualTo(trigger);
        });

        f.click(CommandsBot.AGENT, "frobnicate", "42", "tr-unknown-" + System.nanoTime(), "unknown-click");
        drained();
        assertThat(f.answers("unknown-click")).isEmpty();
        String outcome = f.bot.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT outcome FROM inbox WHERE event_type = 'block_action:frobnicate'").mapTo(String.class).one());
        assertThat(outcome).isEqualTo("no handler for this button's action id: nothing done");
    }
}
