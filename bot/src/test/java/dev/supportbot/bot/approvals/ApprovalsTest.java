package dev.supportbot.bot.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import dev.supportbot.bot.testing.VendorContracts;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockserver.model.HttpRequest.request;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportbot.bot.engine.AuditLog;
import dev.supportbot.bot.engine.EffectStep;
import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.inbox.InboxEvent;
import dev.supportbot.bot.json.Json;
import dev.supportbot.bot.outbound.OutboundException;
import dev.supportbot.bot.slack.SlackCommands;
import dev.supportbot.bot.testing.TestDatabases;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event;
import dev.supportbot.workflows.plan.PlanJson;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;
import org.mockserver.model.HttpRequest;

/** Approval in Slack: the message, who may decide, and that every decision happens once. */
class ApprovalsTest {
    static ClientAndServer slackServer;

    @BeforeAll
    static void startSlack() {
        slackServer = ClientAndServer.startClientAndServer();
    }

    @AfterAll
    static void stopSlack() {
        VendorContracts.assertKeptThenStop(VendorContracts.Api.SLACK, slackServer);
    }

    @BeforeEach
    void resetSlack() {
        VendorContracts.assertKeptThenReset(VendorContracts.Api.SLACK, slackServer);
    }

    private static ApprovalFixture fixture(String approvers) {
        ApprovalFixture f = new ApprovalFixture(slackServer, approvers);
        f.slackAnswersEverything();
        return f;
    }

    private static Map<String, String> form(HttpRequest request) {
        return Arrays.stream(request.getBodyAsString().split("&")).map(p -> p.split("=", 2)).collect(Collectors.toMap(
                p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                p -> p.length < 2 ? "" : URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    private static List<Map<String, String>> sent(String method) {
        return Arrays.stream(slackServer.retrieveRecordedRequests(request().withPath("/api/" + method)))
                .map(ApprovalsTest::form).toList();
    }

    private static String approve(Approval a) {
        return Long.toString(a.id());
    }

    @Test
    void the_plan_is_posted_once_as_block_kit_with_approve_and_reject_buttons_carrying_the_approval_id() throws Exception {
        try (ApprovalFixture f = fixture("U_A1,U_A2")) {
            Approval approval = f.request("slack:U_AGENT", 1);

            assertThat(approval.state()).isEqualTo(ApprovalState.PENDING);
            assertThat(approval.planHash()).isEqualTo(PlanJson.hash(ApprovalFixture.plan()));
            assertThat(approval.bound()).isTrue();
            assertThat(approval.initiatorSlackId()).isEqualTo("U_AGENT");
            assertThat(approval.expiresAt()).isEqualTo(ApprovalFixture.START.plus(Duration.ofHours(72)));
            assertThat(approval.message()).hasValueSatisfying(m -> assertThat(m.ts()).isEqualTo(ApprovalFixture.TS));

            List<Map<String, String>> posts = sent("chat.postMessage");
            assertThat(posts).hasSize(1);
            assertThat(posts.get(0).get("channel")).isEqualTo(ApprovalFixture.CHANNEL);
            assertThat(posts.get(0).get("text")).isEqualTo("Approval needed on ticket 4242: add a subscription management contact");
            String id = Long.toString(approval.id());
            JsonNode expected = Json.MAPPER.readTree("""
                    [{"type":"header","text":{"type":"plain_text","text":"Approval needed: add a subscription management contact"}},
                     {"type":"section","fields":[
                        {"type":"mrkdwn","text":"*Ticket*\\n<https://acme.zendesk.example/agent/tickets/4242|#4242>"},
                        {"type":"mrkdwn","text":"*Requester*\\nSam Rivera"},
                        {"type":"mrkdwn","text":"*Started by*\\n<@U_AGENT>"},
                        {"type":"mrkdwn","text":"*Approvals*\\n0 of 1"},
                        {"type":"mrkdwn","text":"*Expires*\\n4 December 2026, 09:00 UTC"}]},
                     {"type":"section","text":{"type":"mrkdwn","text":"*Evidence*\\n• ownership: verified on this ticket: invoice INV-1"}},
                     {"type":"section","text":{"type":"mrkdwn","text":"*Steps*, each with what the back end should look like after it:"}},
                     {"type":"section","text":{"type":"mrkdwn","text":"*1.* Add Sam Rivera <sam@acme.example> (customer 2) as a member of billing account A00001001\\n→ Sold To Pat Lee <pat@acme.example> · Bill To Bo Chan <billing@acme.example> · members: pat@acme.example, sam@acme.example"}},
                     {"type":"context","elements":[{"type":"mrkdwn","text":"Approval %s · bound to plan %s"}]},
                     {"type":"actions","block_id":"supportbot-approval-%s","elements":[
                        {"type":"button","text":{"type":"plain_text","text":"Approve"},"action_id":"approve","value":"%s","style":"primary"},
                        {"type":"button","text":{"type":"plain_text","text":"Reject"},"action_id":"reject","value":"%s","style":"danger"}]}]
                    """.formatted(id, approval.planHash().substring(0, 12), id, id, id));
            assertThat(Json.MAPPER.readTree(posts.get(0).get("blocks"))).isEqualTo(expected);

            // The effect retried (an answer lost after the post): the same approval, and no second message.
            Effect.RequestApproval effect = new Effect.RequestApproval("approval", ApprovalFixture.plan(), 1, Duration.ofHours(72));
            EffectStep step = new EffectStep(approval.instanceId(), ApprovalFixture.TICKET, 3, 0, List.of(effect));
            assertThat(f.handler(Effect.RequestApproval.class).run(step, effect, true).result())
                    .containsEntry(Effect.RequestApproval.APPROVAL_ID, id);
            assertThat(sent("chat.postMessage")).hasSize(1);
        }
    }

    @Test
    void a_retry_after_a_crash_between_the_post_and_its_record_updates_the_message_posted_before() throws Exception {
        try (ApprovalFixture f = fixture("U_A1")) {
            Approval approval = f.request("slack:U_AGENT", 1);
            // The crash: the message went out, and its ts never reached the database.
            f.db.jdbi().useHandle(h -> h.execute("UPDATE approval SET channel = NULL, message_ts = NULL"));
            // The channel holds the message as it was posted.
            String posted = sent("chat.postMessage").get(0).get("blocks");
            f.answer("conversations.history", "{\"ok\":true,\"has_more\":false,\"messages\":[{\"type\":\"message\",\"ts\":\""
                    + ApprovalFixture.TS + "\",\"text\":\"Approval needed\",\"blocks\":" + posted + "}]}");

            Effect.RequestApproval effect = new Effect.RequestApproval("approval", ApprovalFixture.plan(), 1, Duration.ofHours(72));
            EffectStep step = new EffectStep(approval.instanceId(), ApprovalFixture.TICKET, 3, 0, List.of(effect));
            f.handler(Effect.RequestApproval.class).run(step, effect, true);

            assertThat(sent("chat.postMessage")).as("no second message with Approve buttons").hasSize(1);
            assertThat(sent("chat.update")).singleElement().satisfies(u -> {
                assertThat(u.get("ts")).isEqualTo(ApprovalFixture.TS);
                assertThat(u.get("blocks")).contains("supportbot-approval-" + approval.id());
            });
            assertThat(f.store().byId(approval.id()).orElseThrow().message())
                    .hasValueSatisfying(m -> assertThat(m.ts()).isEqualTo(ApprovalFixture.TS));
        }
    }

    @Test
    void a_click_on_an_approval_that_is_not_stored_is_answered_at_once_and_changes_nothing() throws Exception {
        try (ApprovalFixture f = fixture("U_A1,U_A2")) {
            // A button is posted only after its approval's commit: an unknown id is no approval, not one on its way.
            f.commit(f.click("approve", "424242", "U_A1", "t-1", 1));
            assertThat(f.replies()).containsExactly("There is no such plan to approve.");
            assertThat(f.queuedEvents()).isEmpty();

            Approval approval = f.request("slack:U_AGENT", 1);
            f.commit(f.click("approve", approval.id() + 1 + "", "U_A1", "t-2", 1));
            assertThat(f.queuedEvents()).isEmpty();
            f.commit(f.click("approve", approve(approval), "U_A1", "t-3", 1));
            assertThat(f.queuedEvents()).hasSize(1);
        }
    }

    @Test
    void an_approver_approves_and_the_decision_is_queued_once_for_the_instance() throws Exception {
        try (ApprovalFixture f = fixture("U_A1,U_A2")) {
            Approval approval = f.request("slack:U_AGENT", 1);

            f.clickAndCommit("approve", approve(approval), "U_A1");
            f.clickAndCommit("approve", approve(approval), "U_A1");
            f.clickAndCommit("approve", approve(approval), "U_A2");

            assertThat(f.queuedEvents()).containsExactly(new Event.ApprovalDecided(approval.id(), approval.planHash(), true,
                    List.of("slack:U_A1"), null));
            assertThat(f.replies()).containsExactly("Approved: the plan will run now.",
                    "This plan was already approved; nothing changed.", "This plan was already approved; nothing changed.");
            Approval after = f.store().byId(approval.id()).orElseThrow();
            assertThat(after.state()).isEqualTo(ApprovalState.APPROVED);
            assertThat(after.approvers()).containsExactly("U_A1");
            assertThat(after.decidedAt()).isEqualTo(ApprovalFixture.START);
            assertThat(new AuditLog(f.db).forTicket(ApprovalFixture.TICKET)).extracting(AuditLog.Entry::actor, AuditLog.Entry::action)
                    .containsExactly(tuple("slack:U_A1", "approval approved"));
        }
    }

    @Test
    void a_non_approver_and_the_initiator_change_nothing_and_are_told_why() throws Exception {
        try (ApprovalFixture f = fixture("U_A1,U_AGENT")) {
            Approval approval = f.request("slack:U_AGENT", 1);

            f.clickAndCommit("approve", approve(approval), "U_STRANGER");
            f.clickAndCommit("approve", approve(approval), "U_AGENT");
            f.clickAndCommit("reject", approve(approval), "U_AGENT");

            assertThat(f.queuedEvents()).isEmpty();
            assertThat(f.replies()).containsExactly("Only the configured approvers can decide on plans; nothing was recorded.",
                    "You started this plan, so someone else must decide on it.",
                    "You started this plan, so someone else must decide on it.");
            Approval after = f.store().byId(approval.id()).orElseThrow();
            assertThat(after.state()).isEqualTo(ApprovalState.PENDING);
            assertThat(after.version()).isEqualTo(approval.version());
            assertThat(sent("views.open")).isEmpty();
        }
    }

    @Test
    void a_macro_initiator_is_found_by_email_in_slack_and_may_not_approve() throws Exception {
        try (ApprovalFixture f = fixture("U_A1,U_A2")) {
            f.answer("users.lookupByEmail", "{\"ok\":true,\"user\":{\"id\":\"U_A1\",\"name\":\"agent\"}}");
            Approval approval = f.request("email:agent@vendor.example", 1);

            assertThat(approval.initiatorSlackId()).isEqualTo("U_A1");
            assertThat(sent("users.lookupByEmail")).singleElement()
                    .satisfies(p -> assertThat(p).containsEntry("email", "agent@vendor.example"));
            f.clickAndCommit("approve", approve(approval), "U_A1");
            assertThat(f.replies()).containsExactly("You started this plan, so someone else must decide on it.");
            assertThat(f.queuedEvents()).isEmpty();

            f.clickAndCommit("approve", approve(approval), "U_A2");
            assertThat(f.queuedEvents()).hasSize(1);
        }
    }

    @Test
    void an_agent_without_a_slack_account_is_nobody_in_slack() throws Exception {
        try (ApprovalFixture f = fixture("U_A1")) {
            f.answer("users.lookupByEmail", "{\"ok\":false,\"error\":\"users_not_found\"}");
            Approval approval = f.request("email:temp@vendor.example", 1);

            assertThat(approval.initiatorSlackId()).isNull();
            assertThat(Json.MAPPER.readTree(sent("chat.postMessage").get(0).get("blocks")).toString()).contains("a Zendesk agent (macro)");
        }
    }

    @Test
    void with_no_approver_configured_the_message_says_so_and_nobody_can_approve() throws Exception {
        try (ApprovalFixture f = fixture("")) {
            Approval approval = f.request("slack:U_AGENT", 1);

            assertThat(sent("chat.postMessage").get(0).get("blocks"))
                    .contains("No approver is configured, so nobody can approve this plan: it waits.");
            f.clickAndCommit("approve", approve(approval), "U_ANYONE");
            f.clickAndCommit("reject", approve(approval), "U_ANYONE");

            assertThat(f.queuedEvents()).isEmpty();
            assertThat(f.replies()).allMatch(r -> r.startsWith("No approver is configured")).hasSize(2);
            assertThat(f.store().byId(approval.id()).orElseThrow().state()).isEqualTo(ApprovalState.PENDING);
        }
    }

    @Test
    void a_member_of_the_approver_group_may_approve() throws Exception {
        try (ApprovalFixture f = new ApprovalFixture(TestDatabases.freshUrl(),
                slackServer, Map.of("BOT_APPROVERS", "", "BOT_APPROVER_GROUP", "S_APPROVERS"))) {
            f.slackAnswersEverything();
            f.answer("usergroups.users.list", "{\"ok\":true,\"users\":[\"U_G1\",\"U_G2\"]}");
            Approval approval = f.request("slack:U_AGENT", 1);

            f.clickAndCommit("approve", approve(approval), "U_OUTSIDER");
            f.clickAndCommit("approve", approve(approval), "U_G2");

            assertThat(f.replies()).containsExactly("Only the configured approvers can decide on plans; nothing was recorded.",
                    "Approved: the plan will run now.");
            assertThat(f.queuedEvents()).hasSize(1);
            assertThat(sent("usergroups.users.list")).first().satisfies(p -> assertThat(p).containsEntry("usergroup", "S_APPROVERS"));
        }
    }

    @Test
    void a_two_approver_plan_needs_two_different_people() throws Exception {
        try (ApprovalFixture f = fixture("U_A1,U_A2")) {
            Approval approval = f.request("slack:U_AGENT", 2);

            f.clickAndCommit("approve", approve(approval), "U_A1");
            f.clickAndCommit("approve", approve(approval), "U_A1");
            assertThat(f.queuedEvents()).isEmpty();
            assertThat(f.store().byId(approval.id()).orElseThrow().approvers()).containsExactly("U_A1");
            // The first vote shows in the message once it is stored.
            List<InboxEvent> refreshes = f.db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT id, payload FROM inbox WHERE source = 'approval-message'").map((rs, ctx) -> new InboxEvent(rs.getLong(1),
                    "approval-message", "k", "refresh", null, rs.getString(2), 1, f.clock.instant(), "c")).list());
            assertThat(refreshes).hasSize(1);
            f.approvals.dispatchers().get("approval-message").dispatch(refreshes.get(0));
            String shown = Json.MAPPER.readTree(sent("chat.update").get(0).get("blocks")).toString();
            assertThat(shown).contains("*Approvals*\\n1 of 2").contains("Approved by <@U_A1>").contains("\"action_id\":\"approve\"");

            f.clickAndCommit("approve", approve(approval), "U_A2");
            assertThat(f.approvals.dispatchers().get("approval-message").dispatch(refreshes.get(0)).outcome())
                    .endsWith("is decided: its workflow updates it");

            assertThat(f.replies()).containsExactly("Your approval is recorded; 1 more from a different approver is needed.",
                    "You already approved this plan; it needs a different approver.", "Approved: the plan will run now.");
            assertThat(f.queuedEvents()).containsExactly(new Event.ApprovalDecided(approval.id(), approval.planHash(), true,
                    List.of("slack:U_A1", "slack:U_A2"), null));
        }
    }

    @Test
    void of_two_concurrent_clicks_only_one_wins() throws Exception {
        try (ApprovalFixture f = fixture("U_A1,U_A2")) {
            Approval approval = f.request("slack:U_AGENT", 1);
            // Both clicks are read before either commits, then commit at the same moment on two threads.
            Handled first = f.click("approve", approve(approval), "U_A1", "t1");
            Handled second = f.click("approve", approve(approval), "U_A2", "t2");
            commitTogether(List.of(() -> f.commit(first), () -> f.commit(second)));

            assertThat(f.queuedEvents()).hasSize(1);
            assertThat(f.replies()).containsExactlyInAnyOrder("Approved: the plan will run now.",
                    "This plan changed while you clicked (someone decided at the same moment); nothing was recorded. Look at the message again.");
            assertThat(f.store().byId(approval.id()).orElseThrow().approvers()).hasSize(1);
        }
    }

    @Test
    void two_bot_instances_on_one_database_never_both_decide() throws Exception {
        try (ApprovalFixture one = fixture("U_A1,U_A2");
             ApprovalFixture two = one.secondInstance(Map.of("BOT_APPROVERS", "U_A1,U_A2"))) {
            Approval approval = one.request("slack:U_AGENT", 1);
            Handled approveOnOne = one.click("approve", approve(approval), "U_A1", "t1");
            VendorContracts.assertKeptThenReset(VendorContracts.Api.SLACK, slackServer);
            two.answer("views.open", "{\"ok\":false,\"error\":\"expired_trigger_id\"}");
            Handled rejectOnTwo = two.click("reject", approve(approval), "U_A2", "t2");
            commitTogether(List.of(() -> one.commit(approveOnOne), () -> two.commit(rejectOnTwo)));

            List<Event> decided = one.queuedEvents();
            assertThat(decided).hasSize(1);
            Approval after = one.store().byId(approval.id()).orElseThrow();
            boolean approved = ((Event.ApprovalDecided) decided.get(0)).approved();
            assertThat(after.state()).isEqualTo(approved ? ApprovalState.APPROVED : ApprovalState.REJECTED);
            assertThat(one.replies()).hasSize(2).filteredOn(r -> r.startsWith("This plan changed while you clicked")).hasSize(1);
        }
    }

    private static void commitTogether(List<Runnable> commits) throws Exception {
        CyclicBarrier start = new CyclicBarrier(commits.size());
        ExecutorService threads = Executors.newFixedThreadPool(commits.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Runnable commit : commits) {
                done.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    commit.run();
                    return null;
                }));
            }
            for (Future<?> d : done) d.get(30, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void reject_asks_for_the_reason_in_a_modal_and_records_it_on_submission() throws Exception {
        try (ApprovalFixture f = fixture("U_A1,U_A2")) {
            f.answer("views.open", "{\"ok\":true,\"view\":{\"id\":\"V1\"}}");
            Approval approval = f.request("slack:U_AGENT", 1);

            Handled clicked = f.click("reject", approve(approval), "U_A2", "trigger-77");
            f.commit(clicked);
            assertThat(f.store().byId(approval.id()).orElseThrow().state()).isEqualTo(ApprovalState.PENDING);
            Map<String, String> opened = sent("views.open").get(0);
            assertThat(opened).containsEntry("trigger_id", "trigger-77");
            JsonNode view = Json.MAPPER.readTree(opened.get("view"));
            assertThat(view.path("callback_id").asText()).isEqualTo(RejectClick.CALLBACK_ID);
            assertThat(view.path("private_metadata").asText()).isEqualTo(Long.toString(approval.id()));

            InboxEvent submission = new InboxEvent(9, SlackCommands.VIEW_SOURCE, "delivery:v1", "view_submission:approval_reject", null,
                    "{\"type\":\"view_submission\",\"callback_id\":\"approval_reject\",\"view_id\":\"V1\",\"user_id\":\"U_A2\",\"private_metadata\":\""
                            + approval.id() + "\",\"input\":\"  Sam is not on the contract  \"}", 1, f.clock.instant(), "c");
            Handled submitted = f.approvals.dispatchers().get(SlackCommands.VIEW_SOURCE).dispatch(submission);
            f.commit(submitted);

            Approval after = f.store().byId(approval.id()).orElseThrow();
            assertThat(after.state()).isEqualTo(ApprovalState.REJECTED);
            assertThat(after.rejectReason()).isEqualTo("Sam is not on the contract");
            assertThat(after.rejectedBy()).isEqualTo("U_A2");
            assertThat(f.queuedEvents()).containsExactly(new Event.ApprovalDecided(approval.id(), approval.planHash(), false,
                    List.of("slack:U_A2"), "Sam is not on the contract"));

            // A second submission (the modal sent twice) or a late approve changes nothing.
            f.commit(f.approvals.dispatchers().get(SlackCommands.VIEW_SOURCE).dispatch(submission));
            f.clickAndCommit("approve", approve(approval), "U_A1");
            assertThat(f.queuedEvents()).hasSize(1);
            assertThat(f.replies()).containsExactly("This plan was already rejected; nothing changed.");
        }
    }

    @Test
    void reject_with_an_expired_trigger_rejects_without_a_reason_and_says_so() throws Exception {
        try (ApprovalFixture f = fixture("U_A1")) {
            f.answer("views.open", "{\"ok\":false,\"error\":\"expired_trigger_id\"}");
            Approval approval = f.request("slack:U_AGENT", 1);

            f.clickAndCommit("reject", approve(approval), "U_A1");

            assertThat(f.store().byId(approval.id()).orElseThrow().rejectReason()).isEqualTo("no reason given");
            assertThat(f.queuedEvents()).containsExactly(new Event.ApprovalDecided(approval.id(), approval.planHash(), false,
                    List.of("slack:U_A1"), "no reason given"));
            assertThat(f.replies()).singleElement().asString().startsWith("Rejected. Slack no longer let me ask for your reason")
                    .contains("no reason given");
        }
    }

    @Test
    void a_click_after_the_ttl_is_refused() throws Exception {
        try (ApprovalFixture f = fixture("U_A1")) {
            Approval approval = f.request("slack:U_AGENT", 1);
            f.clock.advance(Duration.ofHours(72));

            f.clickAndCommit("approve", approve(approval), "U_A1");

            assertThat(f.queuedEvents()).isEmpty();
            assertThat(f.replies()).containsExactly("This plan's approval expired; nothing changed.");
            assertThat(f.store().byId(approval.id()).orElseThrow().state()).isEqualTo(ApprovalState.PENDING);
        }
    }

    @Test
    void a_plan_altered_in_the_database_after_posting_cannot_be_approved() throws Exception {
        try (ApprovalFixture f = fixture("U_A1")) {
            Approval approval = f.request("slack:U_AGENT", 1);
            String altered = approval.planJson().replace("\"customerId\":2", "\"customerId\":1");
            assertThat(altered).isNotEqualTo(approval.planJson());
            f.db.jdbi().useHandle(h -> h.createUpdate("UPDATE approval SET plan_json = :p WHERE id = :id")
                    .bind("p", altered).bind("id", approval.id()).execute());

            f.clickAndCommit("approve", approve(approval), "U_A1");

            assertThat(f.queuedEvents()).isEmpty();
            assertThat(f.replies()).containsExactly("This plan no longer matches the plan it was posted as, so it cannot be approved.");
        }
    }

    @Test
    void update_approval_rewrites_the_message_in_place_and_offers_a_retry_from_the_failed_step() throws Exception {
        try (ApprovalFixture f = fixture("U_A1")) {
            Approval approval = f.request("slack:U_AGENT", 1);
            f.clickAndCommit("approve", approve(approval), "U_A1");

            Effect.UpdateApproval failed = new Effect.UpdateApproval(approval.id(), Effect.UpdateApproval.Phase.FAILED,
                    List.of("Step 1 failed: the portal refused the membership (409)", "Remaining: step 1"), 1);
            f.handler(Effect.UpdateApproval.class).run(new EffectStep(approval.instanceId(), ApprovalFixture.TICKET, 5, 0,
                    List.of(failed)), failed, false);

            Map<String, String> update = sent("chat.update").get(0);
            assertThat(update).containsEntry("channel", ApprovalFixture.CHANNEL).containsEntry("ts", ApprovalFixture.TS);
            assertThat(update.get("text")).isEqualTo("Failed on ticket 4242: add a subscription management contact");
            JsonNode blocks = Json.MAPPER.readTree(update.get("blocks"));
            assertThat(blocks.get(0).at("/text/text").asText()).isEqualTo("Failed: add a subscription management contact");
            assertThat(blocks.toString()).contains("Step 1 failed: the portal refused the membership (409)")
                    .contains("Approved by <@U_A1> (1 December 2026, 09:00 UTC)");
            JsonNode buttons = blocks.get(blocks.size() - 1).get("elements");
            assertThat(buttons).singleElement().satisfies(b -> {
                assertThat(b.get("action_id").asText()).isEqualTo("retry");
                assertThat(b.get("value").asText()).isEqualTo(approval.id() + ":1");
            });

            f.clickAndCommit("retry", approval.id() + ":1", "U_AGENT");
            f.clickAndCommit("retry", approval.id() + ":1", "U_A1");
            assertThat(f.queuedEvents()).containsExactly(
                    new Event.ApprovalDecided(approval.id(), approval.planHash(), true, List.of("slack:U_A1"), null),
                    new Event.RetryRequested(approval.id(), 1, "slack:U_A1"));
        }
    }

    @Test
    void expired_and_cancelled_close_a_waiting_approval_so_a_late_click_changes_nothing() throws Exception {
        try (ApprovalFixture f = fixture("U_A1")) {
            Approval approval = f.request("slack:U_AGENT", 1);
            Effect.UpdateApproval expired = new Effect.UpdateApproval(approval.id(), Effect.UpdateApproval.Phase.EXPIRED,
                    List.of("Nobody decided within 72 h."), null);
            f.handler(Effect.UpdateApproval.class).run(new EffectStep(approval.instanceId(), ApprovalFixture.TICKET, 4, 0,
                    List.of(expired)), expired, false);

            assertThat(f.store().byId(approval.id()).orElseThrow().state()).isEqualTo(ApprovalState.EXPIRED);
            Map<String, String> update = sent("chat.update").get(0);
            assertThat(update.get("blocks")).contains("Nobody decided within 72 h.").doesNotContain("\"action_id\":\"approve\"");
            f.clickAndCommit("approve", approve(approval), "U_A1");
            assertThat(f.queuedEvents()).isEmpty();
            assertThat(f.replies()).containsExactly("This plan was already expired; nothing changed.");
        }
    }

    @Test
    void without_slack_the_request_fails_for_good_with_the_reason() throws Exception {
        try (ApprovalFixture f = new ApprovalFixture(TestDatabases.freshUrl(), slackServer,
                Map.of("BOT_APPROVERS", "U_A1", "BOT_SLACK_CHANNEL", ""))) {
            assertThatThrownBy(() -> f.request("slack:U_AGENT", 1))
                    .isInstanceOfSatisfying(OutboundException.class, e -> assertThat(e.retryable()).isFalse())
                    .hasMessageContaining("approvals need Slack");
            assertThat(f.store().pending()).isEmpty();
        }
    }

    @Test
    void the_digest_lists_waiting_plans_oldest_first_with_links_and_age() throws Exception {
        try (ApprovalFixture f = fixture("U_A1")) {
            InboxEvent digestDue = new InboxEvent(7, Approvals.DIGEST_SOURCE, "approvals-digest:2026-12-03", "daily", null, "{}", 1,
                    f.clock.instant(), "c");
            assertThat(f.approvals.dispatchers().get(Approvals.DIGEST_SOURCE).dispatch(digestDue).outcome())
                    .isEqualTo("approvals digest: nothing waits");
            Approval older = f.request("slack:U_AGENT", 1);
            f.clock.advance(Duration.ofHours(5));
            Approval newer = f.request("slack:U_AGENT", 2);
            Approval decided = f.request("slack:U_AGENT", 1);
            f.clickAndCommit("approve", approve(decided), "U_A1");
            f.clock.advance(Duration.ofHours(44));
            slackServer.clear(request().withPath("/api/chat.postMessage"), org.mockserver.model.ClearType.LOG);

            assertThat(f.approvals.dispatchers().get(Approvals.DIGEST_SOURCE).dispatch(digestDue).outcome())
                    .isEqualTo("approvals digest: 2 waiting");

            Map<String, String> digest = sent("chat.postMessage").get(0);
            assertThat(digest.get("text")).isEqualTo("2 plans wait for approvers");
            String list = Json.MAPPER.readTree(digest.get("blocks")).get(1).at("/text/text").asText();
            assertThat(list).isEqualTo(
                    "• <https://acme.zendesk.example/agent/tickets/4242|#4242> add a subscription management contact: waiting 2 days, 0 of 1 approvals\n"
                    + "• <https://acme.zendesk.example/agent/tickets/4242|#4242> add a subscription management contact: waiting 44 h, 0 of 2 approvals");
            assertThat(older.id()).isLessThan(newer.id());
        }
    }
}
