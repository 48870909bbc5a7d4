package dev.supportbot.workflows.resend;

import static dev.supportbot.workflows.approved.Phases.asking;
import static dev.supportbot.workflows.resend.ResendFlow.ACME;
import static dev.supportbot.workflows.resend.ResendFlow.SAM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.ReadableTexts;
import dev.supportbot.workflows.approved.Phases;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The resend through the approval gate, and what each reader sees of it. */
class ResendApprovalTest {

    private static ResendFlow approvedAndRun() {
        ResendFlow flow = new ResendFlow(ResendFlow.verified(ACME));
        flow.planned(SAM, "Could you send our license to me? The Sold To contact has left.");
        String hash = asking(flow.state).planHash();
        flow.send(new Event.EffectSucceeded("approval", Map.of(Effect.RequestApproval.APPROVAL_ID, "31")));
        flow.send(new Event.ApprovalDecided(31, hash, true, List.of("slack:UAPPROVER1"), null));
        flow.send(new Event.EffectSucceeded(flow.last(Effect.RunPlanStep.class).key(), Map.of()));
        return flow;
    }

    @Test
    void approved_the_portal_resends_and_the_requester_is_told_without_any_address() {
        ResendFlow flow = approvedAndRun();

        assertThat(flow.state).isInstanceOf(ResendLicenseState.Done.class);
        assertThat(flow.all(Effect.RunPlanStep.class)).singleElement()
                .satisfies(step -> assertThat(step.change()).hasToString("ResendLicense[licenseId=2002, email=sam@acme.example]"));
        List<String> replies = flow.all(Effect.PublicComment.class).stream().map(Effect.PublicComment::body).toList();
        assertThat(replies).singleElement().satisfies(reply -> assertThat(reply)
                .contains("the license of subscription " + ACME, "the email address you wrote to us from")
                .doesNotContain("@"));
        assertThat(flow.all(Effect.PrivateNote.class)).last().satisfies(n -> assertThat(n.body())
                .contains("Resend license: done for " + ACME, "Resend license 2002 to sam@acme.example: done"));
    }

    @Test
    void the_sold_to_is_never_written_to_and_no_text_shows_an_enum_or_an_internal_id() {
        ResendFlow flow = approvedAndRun();

        for (String soldTo : ResendFlow.SOLD_TO_EMAILS) {
            assertThat(ReadableTexts.publicOf(flow.allEffects)).noneMatch(t -> t.contains(soldTo));
            assertThat(flow.all(Effect.RunPlanStep.class)).noneMatch(s -> s.change().toString().contains(soldTo));
        }
        assertThat(ReadableTexts.of(flow.allEffects)).anySatisfy(t -> assertThat(t).contains("approved by a Slack user"));
        ReadableTexts.assertWrittenForPeopleIn(flow.allEffects);
    }

    @Test
    void a_rejected_plan_sends_nothing_and_says_nothing_to_the_requester() {
        ResendFlow flow = new ResendFlow(ResendFlow.verified(ACME));
        flow.planned(SAM, "Please resend the license to me.");
        String hash = asking(flow.state).planHash();
        flow.send(new Event.ApprovalDecided(32, hash, false, List.of("slack:UAPPROVER1"), "ask for the invoice too"));

        assertThat(flow.state).matches(Phases::isRejected);
        assertThat(flow.all(Effect.RunPlanStep.class)).isEmpty();
        assertThat(flow.all(Effect.PublicComment.class)).isEmpty();
    }
}
