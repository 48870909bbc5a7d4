package dev.supportbot.workflows.approved;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.engine.Outcome;
import dev.supportbot.workflows.ownership.VerifiedOwnership;
import dev.supportbot.workflows.plan.PortalAccessPlanner.Help;
import dev.supportbot.workflows.portalaccess.PortalAccess;
import dev.supportbot.workflows.portalaccess.PortalAccessState;
import dev.supportbot.workflows.resend.ResendLicense;
import dev.supportbot.workflows.resend.ResendLicenseState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a gated workflow's states come to (/lnr status): the shared words by stored type id, the workflow's own words
 * first, the subscription and approval a state names, and a state type without rows being final.
 */
class GatedWorkflowTest {
    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");
    private static final VerifiedOwnership ACME = new VerifiedOwnership("Acme Cloud", "contract");

    private final ResendLicense resend = new ResendLicense();
    private final PortalAccess portalAccess = new PortalAccess();

    @Test
    void open_states_are_not_finished_and_name_their_subscription() {
        Outcome planning = resend.outcome(new ResendLicenseState.Planning(7, "ann@acme.example", ACME));
        assertThat(planning).isEqualTo(new Outcome(ResendLicense.KIND, "planning", false, Map.of(Outcome.SUBSCRIPTION, "Acme Cloud")));
        assertThat(resend.outcome(new ResendLicenseState.Requested())).isEqualTo(new Outcome(ResendLicense.KIND, "started", false, Map.of()));
        assertThat(resend.waitingOn(new ResendLicenseState.Planning(7, "ann@acme.example", ACME))).isEmpty();
    }

    @Test
    void end_states_are_finished_with_the_shared_words_and_the_approval_they_kept() {
        Outcome rejected = resend.outcome(new ResendLicenseState.GateEnd(new Gated.Rejection(7, "Acme Cloud", 42, "Ann Approver", AT)));
        assertThat(rejected).isEqualTo(new Outcome(ResendLicense.KIND, "rejected", true,
                Map.of(Outcome.SUBSCRIPTION, "Acme Cloud", "approval", "42")));
        Outcome handedOn = resend.outcome(new ResendLicenseState.GateEnd(new Gated.HandedOver(new Gated.Approval(7, "Acme Cloud", 42, List.of("Ann Approver"), AT))));
        assertThat(handedOn).isEqualTo(new Outcome(ResendLicense.KIND, "handed to the billing team", true,
                Map.of(Outcome.SUBSCRIPTION, "Acme Cloud", "approval", "42")));
        assertThat(resend.outcome(new ResendLicenseState.GateEnd(new Gated.Cancellation(7, "Sam Agent", AT))))
                .isEqualTo(new Outcome(ResendLicense.KIND, "cancelled", true, Map.of()));
        assertThat(resend.outcome(new ResendLicenseState.NeedsHuman(7, "Acme Cloud", ResendLicenseState.Handoff.NO_PLAN, AT)).result())
                .isEqualTo("handed to a person");
    }

    @Test
    void a_workflow_s_own_words_and_records_stand_as_they_are() {
        Outcome selfService = portalAccess.outcome(new PortalAccessState.SelfService(7, Help.SIGN_IN_LINK, false, AT));
        assertThat(selfService).isEqualTo(new Outcome(PortalAccess.KIND, "answered with the self-service steps", true, Map.of()));
        // Portal access keeps no subscription; like every gated workflow, it names the approval that rejected its plan.
        assertThat(portalAccess.outcome(new PortalAccessState.GateEnd(new Gated.Rejection(7, null, 42, "Ann Approver", AT))))
                .isEqualTo(new Outcome(PortalAccess.KIND, "rejected", true, Map.of("approval", "42")));
        assertThat(portalAccess.waitingOn(new PortalAccessState.Expired(7, AT))).isEmpty();
    }

    @Test
    void nobody_is_awaited_once_a_run_ended() {
        assertThat(resend.waitingOn(new ResendLicenseState.Done(new Gated.Approval(7, "Acme Cloud", 42, List.of("Ann Approver"), AT))))
                .isEmpty();
    }
}
