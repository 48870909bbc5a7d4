package dev.supportbot.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.slack.SlackMessage;
import dev.supportbot.bot.slack.SlackTexts;
import dev.supportbot.bot.testing.AcmePlans;
import dev.supportbot.workflows.ReadableTexts;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.plan.Plan;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shadow-mode posts (a plan it would have put to the approvers, a decision it would have acted on, each with the
 * rating question and buttons), the shadow note on the ticket, and a workflow's post to the channel are written for
 * the agents who read them.
 */
class SlackTextsShadowTest {
    private static final List<String> NAMES = List.of("Sam Rivera", "Pat Lee", "Bo Chan", "Acme");
    private static final String TICKET_URL = "https://acme.zendesk.example/agent/tickets/10002";

    @Test
    void a_shadow_plan_and_a_shadow_decision_read_for_people() {
        List<Effect> asksForProof = List.of(
                new Effect.PublicComment("Hello Sam,\n\nTo verify that you may manage this subscription, please reply with an"
                        + " invoice.\n\nBest regards,\nLicensing & Renewals Support"),
                new Effect.AddTags(Set.of("lnr_ownership_waiting")), new Effect.SetTicketStatus("PENDING"),
                new Effect.PrivateNote("Ownership verification: asked the requester for proof of ownership."));
        List<Effect> asksForApproval = List.of(new Effect.RequestApproval("approval", plan(), 1, Duration.ofHours(72)),
                new Effect.PrivateNote("Add contact: a plan waits for approval in Slack."));

        SlackMessage decision = ShadowRatingPost.render(asksForProof, 3, 10002, TICKET_URL);
        SlackMessage planPost = ShadowRatingPost.render(asksForApproval, 4, 10002, TICKET_URL);

        SlackTexts.assertWrittenForPeople(decision, NAMES);
        SlackTexts.assertWrittenForPeople(planPost, NAMES);
        SlackTexts.assertWrittenForPeople(ShadowPlanPost.render(plan(), TICKET_URL), NAMES);
        assertThat(SlackTexts.headers(decision)).containsExactly("Shadow decision");
        assertThat(SlackTexts.headers(planPost)).containsExactly("Shadow plan: add Sam Rivera as a subscription management contact");
        assertThat(decision.buttons()).extracting(b -> b.label()).containsExactly("Right", "Wrong");
        ReadableTexts.assertWrittenForPeople(List.of(ShadowNote.of(asksForProof), ShadowNote.of(asksForApproval),
                ShadowRatingClick.NOT_AN_AGENT));
    }

    @Test
    void a_workflow_post_to_the_channel_reads_for_people() {
        SlackMessageHandler handler = new SlackMessageHandler(null, new TicketLinks("https://acme.zendesk.example"),
                ticket -> Optional.of("Sam Rivera"));
        Effect.SlackMessage verified = new Effect.SlackMessage("Ticket #10002: ownership of A-S00001001 verified with an invoice.",
                "Ownership verified", List.of(new Effect.SlackMessage.Field("Subscription", "A-S00001001"),
                        new Effect.SlackMessage.Field("By", "<@U0SBAGENT1>")),
                List.of(new Effect.SlackMessage.Button("ov_escalate", "Escalate", false)));

        SlackTexts.assertWrittenForPeople(handler.render(verified, 10002), NAMES);
        SlackTexts.assertWrittenForPeople(handler.render(new Effect.SlackMessage("Ticket #10002: nothing to verify."), 10002), NAMES);
    }

    private static Plan plan() {
        return AcmePlans.addingSam(10002, "add Sam Rivera as a subscription management contact",
                "verified on this ticket with an invoice");
    }
}
