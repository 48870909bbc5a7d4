package dev.supportbot.workflows.typofix;

import static dev.supportbot.workflows.approved.Phases.asking;
import static dev.supportbot.workflows.typofix.Flow.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Effect.UpdateApproval.Phase;
import dev.supportbot.workflows.plan.PortalChange;
import dev.supportbot.workflows.typofix.TypoFixState.*;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Umbrella from the macro to the AM's CRM step: every step of the handbook in order. */
class HappyPathTest {

    @Test
    void the_macro_finds_the_mistyped_address_its_license_and_the_address_to_confirm() {
        Flow flow = new Flow();
        var d = flow.start();
        assertThat(d.state()).isEqualTo(new Checking(TICKET, new Target(TYPO, UMBRELLA_SUBSCRIPTION, true,
                dev.supportbot.workflows.plan.TypoFixPlanner.Resend.activationCode(UMBRELLA_SUBSCRIPTION)), FIXED));
        assertThat(d.effects()).containsExactly(new Effect.Continue(Starting.CHECKS_KEY));
    }

    @Test
    void steps_1_to_4_check_the_code_and_the_bounce_note_the_bounce_and_ask_the_am() {
        Flow flow = new Flow();
        flow.start();
        assertThat(flow.workflow.factsNeeded(flow.state, new dev.supportbot.workflows.engine.Event.EffectSucceeded(
                Starting.CHECKS_KEY, java.util.Map.of()))).containsExactly(
                new dev.supportbot.workflows.engine.FactRequest.CloudActivationOf(UMBRELLA_SUBSCRIPTION),
                new dev.supportbot.workflows.engine.FactRequest.MailDeliveriesOf(TYPO));
        var d = flow.continued();
        assertThat(d.state()).isInstanceOf(AwaitingConfirmation.class);
        AwaitingConfirmation asking = (AwaitingConfirmation) d.state();
        assertThat(asking.proposedEmail()).isEqualTo(FIXED);
        assertThat(asking.bounce()).isEqualTo(new Bounce(TYPO, 550, "5.1.1 mailbox unavailable", BOUNCED_AT));
        assertThat(notes(d)).contains("Recipient: " + TYPO, "Time: 26 November 2026, 09:12 UTC", "SMTP: 550 5.1.1 mailbox unavailable",
                "Subject: Your GitLab activation code: ", "activation code of " + UMBRELLA_SUBSCRIPTION + " is unused")
                .doesNotContain(ACTIVATION_CODE);
        assertThat(publicText(d)).contains("confirm in writing", FIXED, TYPO);
        assertThat(effects(d, Effect.ScheduleReminder.class)).extracting(Effect.ScheduleReminder::sequence).containsExactly(1, 2, 3);
    }

    @Test
    void step_5_plans_the_customer_then_the_resend_and_asks_for_approval() {
        Flow flow = Flow.awaitingConfirmation();
        var confirmed = flow.amReplies("Yes, that is right.");
        assertThat(confirmed.state()).isInstanceOf(Planning.class);
        assertThat(confirmed.effects()).first().isEqualTo(new Effect.CancelReminders());
        assertThat(notes(confirmed)).contains("confirmed " + FIXED + " in writing");
        var d = flow.continued();
        Gate waiting = (Gate) d.state();
        assertThat(waiting.plan().changes()).containsExactly(
                new PortalChange.UpdateCustomer(ALICE, null, null, FIXED, true),
                new PortalChange.ResendActivationCode(UMBRELLA_SUBSCRIPTION, FIXED));
        Effect.RequestApproval request = effects(d, Effect.RequestApproval.class).get(0);
        assertThat(request.approversNeeded()).isEqualTo(1);
        assertThat(request.ttl()).isEqualTo(Duration.ofHours(72));
        assertThat(request.plan().evidence()).extracting(e -> e.kind())
                .containsExactly("activation code unused", "mail bounced", "confirmed in writing");
        assertThat(asking(waiting).expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(72)));
        assertThat(effects(d, Effect.ScheduleReminder.class)).containsExactly(
                new Effect.ScheduleReminder(TypoFixSettings.APPROVAL_EXPIRY, Duration.ofHours(72)));
    }

    @Test
    void after_the_approval_each_step_runs_in_turn_and_the_am_is_asked_to_update_the_crm() {
        Flow flow = Flow.awaitingApproval();
        flow.approvalPosted(31);
        var first = flow.approved(31, "slack:UAPPROVER");
        assertThat(effects(first, Effect.RunPlanStep.class)).singleElement().satisfies(s -> {
            assertThat(s.step()).isEqualTo(1);
            assertThat(s.approvalId()).isEqualTo(31);
            assertThat(s.change()).isInstanceOf(PortalChange.UpdateCustomer.class);
        });
        var second = flow.stepSucceeded();
        assertThat(effects(second, Effect.RunPlanStep.class)).singleElement()
                .satisfies(s -> assertThat(s.change()).isInstanceOf(PortalChange.ResendActivationCode.class));
        var done = flow.stepSucceeded();
        assertThat(done.state()).isInstanceOf(Done.class);
        assertThat(((Done) done.state()).correctedEmail()).isEqualTo(FIXED);
        assertThat(effects(done, Effect.UpdateApproval.class)).singleElement()
                .satisfies(u -> assertThat(u.phase()).isEqualTo(Phase.DONE));
        assertThat(notes(done)).contains("approved by a Slack user", "update the contact's email in the CRM",
                "from " + TYPO + " to " + FIXED);
        assertThat(publicText(done)).as("step 7 is said to the AM").contains("update the contact's email in the CRM",
                "from " + TYPO + " to " + FIXED, "resent the activation code").doesNotContain(ACTIVATION_CODE);
        assertThat(flow.workflow.outcome(done.state()).result()).isEqualTo("done");
    }

    @Test
    void a_legacy_license_skips_step_1_and_the_plan_resends_the_license() {
        Flow flow = new Flow();
        flow.licensesByEmail.put(TYPO, List.of(license(1401, UMBRELLA_SUBSCRIPTION, TYPO,
                dev.supportbot.workflows.domain.LicenseKind.LEGACY_FILE)));
        flow.activations.clear();
        flow.start();
        assertThat(flow.workflow.factsNeeded(flow.state, new dev.supportbot.workflows.engine.Event.EffectSucceeded(
                Starting.CHECKS_KEY, java.util.Map.of()))).containsExactly(
                new dev.supportbot.workflows.engine.FactRequest.MailDeliveriesOf(TYPO));
        flow.continued();
        flow.amReplies(FIXED);
        flow.continued();
        assertThat(asking(flow.state).plan().changes()).last().isEqualTo(new PortalChange.ResendLicense(1401, FIXED));
    }
}
