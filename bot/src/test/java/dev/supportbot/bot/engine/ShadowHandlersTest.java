package dev.supportbot.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;
import static org.mockserver.model.HttpResponse.response;

import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.outbound.Sleeper;
import dev.supportbot.bot.shadow.ShadowLedger;
import dev.supportbot.bot.slack.SlackNotifier;
import dev.supportbot.bot.store.Database;
import dev.supportbot.bot.testing.FakeZendesk;
import dev.supportbot.bot.testing.StandIns;
import dev.supportbot.bot.testing.TestBots;
import dev.supportbot.bot.testing.TestDatabases;
import dev.supportbot.bot.zendesk.ApiBudget;
import dev.supportbot.bot.zendesk.Zendesk;
import dev.supportbot.bot.zendesk.ZendeskMeter;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.plan.Plan;
import dev.supportbot.workflows.plan.PlanScope;
import dev.supportbot.workflows.plan.Snapshot;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;

/**
 * Shadow mode as a decorator of the effect handlers: every effect type is classified in one table, and with every
 * live handler failing as soon as it is called, no effect that would reach outside the bot calls one in shadow mode.
 */
class ShadowHandlersTest {
    private static final long TICKET = 700;

    private final Clock clock = Clock.systemUTC();
    private final FakeZendesk fake = new FakeZendesk();
    private final ClientAndServer slackServer = ClientAndServer.startClientAndServer();
    private final BotConfig config = TestBots.config(StandIns.connect(TestBots.env(), fake.url(), slackServer.getPort()));
    private final Database db = TestDatabases.open();
    private final Zendesk zendesk = Zendesk.fromConfig(config, ApiBudget.fromConfig(config, db, clock, Sleeper.SYSTEM),
            Sleeper.SYSTEM, ZendeskMeter.NONE);
    private final SlackNotifier slack = SlackNotifier.fromConfig(config);
    private final ShadowLedger ledger = new ShadowLedger(db);
    private final long instance = run(db);
    private final FakeZendesk.Ticket ticket = fake.ticket(TICKET, "Please add Sam", "Please add Sam as a contact.",
            fake.user("Ada Byron", "ada@acme.example"));

    /** The workflow run whose decisions the tests hand to the shadow handlers. */
    private static long run(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("""
                        INSERT INTO workflow_instance (kind, ticket_id, state_json, state_type, version, finished, comment_cursor,
                            created_at, updated_at) VALUES ('add_contact', 700, '{}', 'Started', 1, FALSE, 0, now(), now())
                        RETURNING id""").mapTo(Long.class).one());
    }

    @AfterEach
    void close() {
        zendesk.close();
        slack.close();
        db.close();
        fake.close();
        slackServer.stop();
    }

    /** One effect of every kind the workflows may emit; a new kind without a sample fails the first test. */
    private static Map<Class<?>, Effect> samples() {
        Plan plan = WorkflowJsonTest.planWithEveryChange();
        Snapshot before = Snapshot.of(plan.facts());
        Map<Class<?>, Effect> samples = new LinkedHashMap<>();
        for (Effect e : List.of(
                new Effect.PublicComment("Please send us your latest invoice."),
                new Effect.PrivateNote("The requester is not a member."),
                new Effect.AddTags(Set.of("supportbot_ov_awaiting_proof")),
                new Effect.RemoveTags(Set.of("supportbot_ov_started")),
                new Effect.SetTicketStatus("pending"),
                new Effect.SlackMessage("Ticket #700: waiting", "Waiting for proof", List.of(),
                        List.of(new Effect.SlackMessage.Button("ownership_cancel", "Cancel", true))),
                new Effect.ScheduleReminder(1, Duration.ofDays(2)),
                new Effect.CancelReminders(),
                new Effect.OpenSeparateTicket("sold-to", "Pat Lee", "pat@acme.example", "Approve a change",
                        "Hello Pat (pat@acme.example), do you approve?"),
                new Effect.OpenEscalationIssue("esc", "ownership", "Ownership dispute on #700", "details"),
                new Effect.UpdateLinkedTicket(ShadowResults.FIRST_ID + 5, "We no longer need your approval.", "solved"),
                new Effect.RequestApproval("approval", plan, 1, Duration.ofHours(72)),
                new Effect.UpdateApproval(ShadowResults.FIRST_ID + 7, Effect.UpdateApproval.Phase.EXPIRED, List.of("expired"), null),
                new Effect.RunPlanStep("step", ShadowResults.FIRST_ID + 7, 1, 0, plan.changes().get(0), new PlanScope(List.of(21L), List.of()), before, before),
                new Effect.Continue("again"),
                new Effect.StartWorkflow("ownership_verification"),
                new Effect.ReplyToCommand("https://hooks.slack.example/reply", "Started."))) {
            samples.put(e.getClass(), e);
        }
        return samples;
    }

    @Test
    void every_effect_type_is_classified_in_one_table_and_an_unknown_one_stops_the_shadow_handlers() {
        Set<Class<?>> leaves = new HashSet<>(SealedTypes.leaves(Effect.class));
        assertThat(new HashSet<Class<?>>(InShadow.classified())).isEqualTo(leaves);
        assertThat(samples().keySet()).isEqualTo(leaves);
        assertThatThrownBy(() -> InShadow.of(String.class)).hasMessageContaining("shadow mode does not know");
        // Only these run in shadow mode as in live mode: none changes anything outside the bot.
        assertThat(leaves.stream().filter(t -> InShadow.of(t) == InShadow.RUN)).containsExactlyInAnyOrder(
                Effect.ScheduleReminder.class, Effect.CancelReminders.class, Effect.Continue.class, Effect.StartWorkflow.class,
                Effect.ReplyToCommand.class);
    }

    @Test
    void no_effect_that_reaches_outside_calls_its_live_handler_and_keyed_ones_get_a_simulated_result() {
        slackAnswersPosts();
        List<EffectHandler<?>> live = new ArrayList<>();
        for (Class<?> type : SealedTypes.leaves(Effect.class)) live.add(failing(type));
        EffectHandlers shadow = EffectHandlers.of(ShadowHandlers.wrap(live, zendesk, slack, new TicketLinks(fake.url()), ledger, clock));

        int noted = 0;
        for (Effect effect : samples().values()) {
            InShadow treatment = InShadow.of(effect);
            if (!treatment.noted()) continue;
            noted++;
            EffectHandler.Ran ran = shadow.run(new EffectStep(instance, TICKET, noted, 0, List.of(effect)), false);
            assertThat(ran.effects()).isEqualTo(1);
            if (effect instanceof dev.supportbot.workflows.engine.ResultKeyed) {
                assertThat(ran.result()).as(SealedTypes.name(effect.getClass())).containsEntry(ShadowResults.SIMULATED, "true");
            }
        }
        assertThat(noted).isGreaterThanOrEqualTo(10);

        // Only private notes reached the ticket: one for each, no public comment, tag, status or new ticket.
        assertThat(ticket.comments.subList(1, ticket.comments.size())).hasSize(noted).noneMatch(FakeZendesk.Comment::isPublic);
        assertThat(ticket.tags).isEmpty();
        assertThat(ticket.status).isEqualTo("open");
        assertThat(fake.tickets()).hasSize(1);
        assertThat(Arrays.stream(fake.recorded()).filter(r -> !"GET".equals(r.getMethod().getValue())))
                .allSatisfy(r -> assertThat(r.getPath().getValue()).isEqualTo("/api/v2/tickets/" + TICKET + ".json"));
        assertThat(ticket.privateNotes()).extracting(FakeZendesk.Comment::body)
                .filteredOn(b -> !b.equals("The requester is not a member."))
                .hasSize(noted - 1).allSatisfy(b -> assertThat(b).startsWith(ShadowNote.START).doesNotContain("pat@acme.example"));
        // Each decision that would have acted went to Slack once, for the agents to rate, and nothing more: the plan for
        // information with its steps, the others as the first line of their note.
        List<String> posts = slackPosts();
        assertThat(posts).hasSize(noted - 1).allSatisfy(p -> assertThat(p)
                .contains("shadow_rate_right", "shadow_rate_wrong", ShadowRatingPost.QUESTION)
                .doesNotContain("ownership_cancel", "\"approve\"", "\"reject\""));
        assertThat(posts).filteredOn(p -> p.contains("Shadow plan: add a contact")).singleElement().satisfies(p -> assertThat(p).contains("*1.*"));
        assertThat(posts).filteredOn(p -> p.contains("Shadow decision")).anySatisfy(p -> assertThat(p).contains(
                "supportbot would: tag the ticket supportbot_ov_awaiting_proof."));
        assertThat(recordedActions()).hasSize(noted - 1);
    }

    @Test
    void a_decision_becomes_one_note_saying_what_the_bot_would_have_done_in_words() {
        slackAnswersPosts();
        // The retried step's post is in the channel already, found by its key (the step's).
        slackServer.when(request().withPath("/api/conversations.history")).respond(response().withStatusCode(200)
                .withHeader("Content-Type", "application/json").withBody("{\"ok\":true,\"messages\":[{\"ts\":\"1.1\",\"blocks\":"
                        + "[{\"type\":\"actions\",\"block_id\":\"supportbot-effect:" + instance + ":1:0\",\"elements\":[]}]}]}"));
        slackServer.when(request().withPath("/api/chat.update")).respond(response().withStatusCode(200)
                .withHeader("Content-Type", "application/json").withBody("{\"ok\":true,\"channel\":\"C123\",\"ts\":\"1.1\"}"));
        List<EffectHandler<?>> live = new ArrayList<>();
        for (Class<?> type : SealedTypes.leaves(Effect.class)) live.add(failing(type));
        EffectHandlers shadow = EffectHandlers.of(ShadowHandlers.wrap(live, zendesk, slack, new TicketLinks(fake.url()), ledger, clock));
        Map<Class<?>, Effect> samples = samples();
        List<Effect> decision = List.of(samples.get(Effect.PublicComment.class), samples.get(Effect.AddTags.class),
                samples.get(Effect.PrivateNote.class), samples.get(Effect.OpenSeparateTicket.class), samples.get(Effect.SetTicketStatus.class));

        Map<String, String> result = Map.of();
        for (int i = 0; i < decision.size(); i++) {
            EffectHandler.Ran ran = shadow.run(new EffectStep(instance, TICKET, 1, i, decision), false);
            if (i == 3) result = ran.result();
        }
        // A retry of the first step finds the note on the ticket and does not post it again.
        shadow.run(new EffectStep(instance, TICKET, 1, 0, decision), true);

        assertThat(ticket.privateNotes()).singleElement().satisfies(note -> assertThat(note.body())
                .startsWith("supportbot would: reply to the requester (text below); tag the ticket supportbot_ov_awaiting_proof; "
                        + "open a separate ticket to Pat Lee, subject \"Approve a change\" (text below); set the ticket's status to pending.")
                .contains("Reply to the requester:\nPlease send us your latest invoice.",
                        "Separate ticket to Pat Lee:\nHello Pat (their address), do you approve?", "The requester is not a member.")
                .doesNotContain("pat@acme.example").doesNotContain("PublicComment"));
        // One post for the agents to rate, recorded once: the retry found both and updated the post in place.
        assertThat(slackPosts()).singleElement().satisfies(p -> assertThat(p).contains("Shadow decision",
                "supportbot would: reply to the requester (text below); tag the ticket", "shadow_rate_right"));
        assertThat(slackServer.retrieveRecordedRequests(request().withPath("/api/chat.update"))).hasSize(1);
        assertThat(recordedActions()).containsExactly(4);
        assertThat(result.get(Effect.OpenSeparateTicket.TICKET_ID)).matches("\\d{18}");
        assertThat(ShadowResults.isSimulated(Long.parseLong(result.get(Effect.OpenSeparateTicket.TICKET_ID)))).isTrue();
        assertThat(ticket.publicCommentsBy(FakeZendesk.BOT_USER)).isEmpty();
        // A workflow's own note quoting a simulated number says it is one.
        assertThat(ShadowNote.of(List.of(new Effect.PrivateNote("Sent as ticket #" + (ShadowResults.FIRST_ID + 3) + "."))))
                .isEqualTo("Sent as ticket (simulated: not created in shadow mode).");
    }

    @Test
    void a_slack_post_for_agents_goes_out_without_its_buttons() {
        List<Effect.SlackMessage> posted = new ArrayList<>();
        List<EffectHandler<?>> live = new ArrayList<>();
        for (Class<?> type : SealedTypes.leaves(Effect.class)) {
            live.add(type == Effect.SlackMessage.class ? new EffectHandler<Effect.SlackMessage>() {
                public Class<Effect.SlackMessage> type() {
                    return Effect.SlackMessage.class;
                }

                public Ran run(EffectStep step, Effect.SlackMessage effect, boolean retry) {
                    posted.add(effect);
                    return Ran.done();
                }
            } : failing(type));
        }
        EffectHandlers shadow = EffectHandlers.of(ShadowHandlers.wrap(live, zendesk, slack, new TicketLinks(fake.url()), ledger, clock));
        Effect.SlackMessage message = (Effect.SlackMessage) samples().get(Effect.SlackMessage.class);

        shadow.run(new EffectStep(instance, TICKET, 1, 0, List.of(message)), false);

        assertThat(posted).singleElement().satisfies(m -> {
            assertThat(m.title()).isEqualTo("Waiting for proof");
            assertThat(m.buttons()).isEmpty();
        });
    }

    /** The would-be actions of each recorded decision of the run. */
    private List<Integer> recordedActions() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT actions FROM shadow_decision WHERE workflow = 'add_contact' AND instance_id = :i")
                .bind("i", instance).mapTo(Integer.class).list());
    }

    private void slackAnswersPosts() {
        slackServer.when(request().withPath("/api/chat.postMessage")).respond(response().withStatusCode(200)
                .withHeader("Content-Type", "application/json").withBody("{\"ok\":true,\"channel\":\"C123\",\"ts\":\"1.1\"}"));
    }

    /** What was posted to Slack, as the SDK sends it (blocks as a JSON string field). */
    private List<String> slackPosts() {
        return Arrays.stream(slackServer.retrieveRecordedRequests(request().withPath("/api/chat.postMessage")))
                .map(r -> java.net.URLDecoder.decode(r.getBodyAsString(), java.nio.charset.StandardCharsets.UTF_8)).toList();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static EffectHandler<?> failing(Class<?> type) {
        return Unavailable.effect((Class) type, "reached outside the bot in shadow mode");
    }
}
