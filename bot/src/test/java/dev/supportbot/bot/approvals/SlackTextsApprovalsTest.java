package dev.supportbot.bot.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.slack.SlackMessage;
import dev.supportbot.bot.slack.SlackModal;
import dev.supportbot.bot.slack.SlackTexts;
import dev.supportbot.workflows.ReadableTexts;
import dev.supportbot.workflows.approved.GateWords;
import dev.supportbot.workflows.approved.PlanRuns;
import dev.supportbot.workflows.approved.StepResult;
import dev.supportbot.workflows.engine.Dates;
import dev.supportbot.workflows.engine.Effect.UpdateApproval.Phase;
import dev.supportbot.workflows.plan.Plan;
import dev.supportbot.workflows.plan.PlanJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockserver.integration.ClientAndServer;

/**
 * The approval message in each of its phases (pending, approved and running, rejected with a reason, expired, failed at
 * a step, done, handed to Billing, cancelled) and the daily digest, with the status lines the approval gate writes
 * ({@link GateWords}), the reject modal, and the answers to approvers' clicks are written for the approvers: people as Slack mentions,
 * dates in words, headers in sentence case.
 */
class SlackTextsApprovalsTest {
    private static final List<String> NAMES = List.of("Sam Rivera", "Pat Lee", "Bo Chan", "Acme");
    private static final String APPROVER = "slack:U0SBAPPRV1 Alex Morgan";
    private static final String AGENT = "slack:U0SBAGENT1 Jordan Kim";
    private static final GateWords WORDS = new GateWords("Add contact: ", " Run /lnr add-contact 4242 to plan it again.");
    private static final Instant CREATED = Instant.parse("2026-12-07T10:51:00Z");
    private final ApprovalMessage message = new ApprovalMessage(ApprovalFixture.ZENDESK);
    private final Plan plan = ApprovalFixture.plan();

    @Test
    void the_message_reads_for_people_in_every_phase() {
        List<String> approvedBy = List.of("U0SBAPPRV1");
        List<StepResult> ran = List.of(StepResult.DONE);
        List<SlackMessage> messages = List.of(
                message.render(approval(ApprovalState.PENDING, List.of(), null), ApprovalMessage.Status.POSTED, true),
                message.render(approval(ApprovalState.PENDING, List.of(), null), ApprovalMessage.Status.POSTED, false),
                message.render(approval(ApprovalState.APPROVED, approvedBy, null),
                        status(Phase.EXECUTING, PlanRuns.lines(plan, List.of(StepResult.RUNNING)), null), true),
                message.render(approval(ApprovalState.REJECTED, List.of(), "the invoice is for another subscription"),
                        status(Phase.REJECTED, List.of(WORDS.rejectedLine(APPROVER, "the invoice is for another subscription")), null), true),
                message.render(approval(ApprovalState.EXPIRED, List.of(), null), status(Phase.EXPIRED, List.of(WORDS.expiredLine()), null), true),
                message.render(approval(ApprovalState.APPROVED, approvedBy, null), status(Phase.FAILED,
                        with(PlanRuns.lines(plan, List.of(StepResult.FAILED)), WORDS.failedLine(1, 1, "the portal answered 409: already a member")), 1), true),
                message.render(approval(ApprovalState.APPROVED, approvedBy, null), status(Phase.DONE, PlanRuns.lines(plan, ran), null), true),
                message.render(approval(ApprovalState.APPROVED, approvedBy, null),
                        status(Phase.DONE, with(PlanRuns.lines(plan, ran), WORDS.unconfirmedLine("Billing")), null), true),
                message.render(approval(ApprovalState.CANCELLED, List.of(), null),
                        status(Phase.CANCELLED, List.of(WORDS.cancelledLine(AGENT)), null), true));

        messages.forEach(m -> SlackTexts.assertWrittenForPeople(m, NAMES));
        assertThat(messages.stream().map(SlackTexts::headers).map(h -> h.get(0).split(":")[0]).toList()).containsExactly(
                "Approval needed", "Approval needed", "Approved, running", "Rejected", "Expired", "Failed", "Done", "Done", "Cancelled");
        assertThat(SlackTexts.of(messages.get(3))).anySatisfy(t -> assertThat(t).contains("<@U0SBAPPRV1>")
                .contains("the invoice is for another subscription"));
        assertThat(SlackTexts.of(messages.get(6))).contains("*Expires*\n" + Dates.utcMinute(CREATED.plus(Duration.ofHours(72))));
        assertThat(messages.get(5).buttons()).extracting(b -> b.label()).containsExactly("Retry from step 1");
        SlackModal reason = RejectClick.modal(approval(ApprovalState.PENDING, List.of(), null));
        ReadableTexts.assertWrittenForPeople(List.of(reason.title(), reason.intro(), reason.inputLabel(), reason.submitLabel()));
        List.of(reason.title(), reason.submitLabel()).forEach(t -> ReadableTexts.assertSentenceCase(t, NAMES));
    }

    @Test
    void the_digest_reads_for_people() {
        ApprovalDigest digest = new ApprovalDigest(null, null, message, null);
        List<Approval> pending = List.of(approval(ApprovalState.PENDING, List.of(), null),
                approval(ApprovalState.PENDING, List.of("U0SBAPPRV1"), null));

        SlackMessage posted = digest.render(pending, CREATED.plus(Duration.ofHours(80)));

        SlackTexts.assertWrittenForPeople(posted, NAMES);
        assertThat(SlackTexts.headers(posted)).containsExactly("2 plans wait for approvers");
        SlackTexts.assertWrittenForPeople(digest.render(pending.subList(0, 1), CREATED.plus(Duration.ofHours(5))), NAMES);
    }

    @Test
    void the_answers_to_approvers_clicks_read_for_people() throws Exception {
        ClientAndServer slackServer = ClientAndServer.startClientAndServer();
        try (ApprovalFixture f = new ApprovalFixture(slackServer, "U0SBAPPRV1,U0SBAPPRV2")) {
            f.slackAnswersEverything();
            String id = Long.toString(f.request(AGENT, 2).id());
            f.clickAndCommit("approve", "424242", "U0SBAPPRV1");
            f.clickAndCommit("approve", id, "U0SBAGENT1");
            f.clickAndCommit("approve", id, "U0SBAPPRV1");
            f.clickAndCommit("approve", id, "U0SBAPPRV1");
            f.clickAndCommit("approve", id, "U0SBAPPRV2");
            f.clickAndCommit("reject", id, "U0SBAPPRV2");
            f.clickAndCommit("retry", id + ":1", "U0SBAPPRV1");
            String another = Long.toString(f.request(AGENT, 1).id());
            f.answer("views.open", "{\"ok\":false,\"error\":\"expired_trigger_id\"}");
            f.clickAndCommit("reject", another, "U0SBAPPRV1"); // too late for the modal: rejected without a reason

            assertThat(f.replies()).hasSizeGreaterThanOrEqualTo(6).contains("Approved: the plan will run now.")
                    .anySatisfy(r -> assertThat(r).startsWith("Rejected. Slack no longer let me ask for your reason"));
            ReadableTexts.assertWrittenForPeople(f.replies());
        } finally {
            slackServer.stop();
        }
    }

    private Approval approval(ApprovalState state, List<String> approvers, String rejectReason) {
        Instant decided = state == ApprovalState.PENDING ? null : CREATED.plus(Duration.ofHours(2));
        return new Approval(17, 5, ApprovalFixture.TICKET, "approval", PlanJson.write(plan), PlanJson.hash(plan), 1, AGENT,
                "U0SBAGENT1", "Sam Rivera", state, rejectReason == null ? null : "U0SBAPPRV1", rejectReason,
                ApprovalFixture.CHANNEL, ApprovalFixture.TS, CREATED, CREATED.plus(Duration.ofHours(72)), decided, 1, approvers);
    }

    private static ApprovalMessage.Status status(Phase phase, List<String> lines, Integer retryFromStep) {
        return new ApprovalMessage.Status(phase, lines, retryFromStep);
    }

    private static List<String> with(List<String> lines, String last) {
        List<String> all = new ArrayList<>(lines);
        all.add(last);
        return all;
    }
}
