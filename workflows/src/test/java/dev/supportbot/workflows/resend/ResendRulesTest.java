package dev.supportbot.workflows.resend;

import static dev.supportbot.workflows.resend.ResendFlow.ACME;
import static dev.supportbot.workflows.resend.ResendFlow.GAVIN_DEPUTY;
import static dev.supportbot.workflows.resend.ResendFlow.GLOBEX;
import static dev.supportbot.workflows.resend.ResendFlow.HOOLI;
import static dev.supportbot.workflows.resend.ResendFlow.RESELLER;
import static dev.supportbot.workflows.resend.ResendFlow.SAM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.approved.Phases;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event;
import dev.supportbot.workflows.engine.Outcome;
import dev.supportbot.workflows.engine.Person;
import dev.supportbot.workflows.plan.PortalChange;
import dev.supportbot.workflows.resend.ResendLicenseState.Handoff;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/handbook.md, "Resend a license to another address": a license or activation code goes to an address other
 * than the Sold To only after ownership is verified for the requester, and only to that requester's own address. Each
 * row is one request; the expected plan is its one step, or the reason a person goes on.
 */
class ResendRulesTest {

    /**
     * @param ownership    the verification on the ticket when the run starts (null: none yet, so one is started)
     * @param ownershipEnd how the started verification ends (null: none started)
     */
    record Row(String name, Outcome ownership, Outcome ownershipEnd, Person requester, String request,
               PortalChange plannedStep, Handoff handoff, boolean notVerified) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        String plain = "Could you send our license to me? The Sold To contact has left.";
        return Stream.of(
                // The seed's condition: verified, then sent to the verified requester.
                new Row("verified requester gets the newest license file that is not a trial", ResendFlow.verified(ACME), null,
                        SAM, plain, new PortalChange.ResendLicense(2002, "sam@acme.example"), null, false),
                new Row("verified requester of a cloud subscription gets the activation code", ResendFlow.verified(HOOLI), null,
                        GAVIN_DEPUTY, plain, new PortalChange.ResendActivationCode(HOOLI, "dana@hooli.example"), null, false),
                new Row("verification started by the run, then verified", null, ResendFlow.verified(ACME),
                        SAM, plain, new PortalChange.ResendLicense(2002, "sam@acme.example"), null, false),
                new Row("the requester's own address written in the request is not another address", ResendFlow.verified(ACME), null,
                        SAM, "Please send it to SAM@acme.example, that is me.", new PortalChange.ResendLicense(2002, "sam@acme.example"),
                        null, false),
                // Negatives.
                new Row("unverified requester: the verification was rejected", null, ResendFlow.ended("rejected"),
                        SAM, plain, null, null, true),
                new Row("unverified requester: the verification expired", null, ResendFlow.ended("expired"),
                        SAM, plain, null, null, true),
                new Row("another address typed in the request", ResendFlow.verified(ACME), null,
                        SAM, "Please send the license to bob@contractor.example instead.", null, Handoff.ANOTHER_ADDRESS, false),
                new Row("another address besides the requester's own", ResendFlow.verified(ACME), null,
                        SAM, "Send it to sam@acme.example and copy pat@acme.example.", null, Handoff.ANOTHER_ADDRESS, false),
                new Row("reseller requester of a reseller purchase", ResendFlow.verified(GLOBEX), null,
                        RESELLER, plain, null, Handoff.RESELLER_REQUESTER, false),
                new Row("no requester address", ResendFlow.verified(ACME), null,
                        new Person("Nobody", null), plain, null, Handoff.NO_REQUESTER_EMAIL, false),
                new Row("a subscription the portal does not know", ResendFlow.verified("A-S09999999"), null,
                        SAM, plain, null, Handoff.NO_PLAN, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void resend(Row row) {
        ResendFlow flow = new ResendFlow(row.ownership());
        flow.start(row.requester(), row.request());
        if (flow.state instanceof ResendLicenseState.AwaitingOwnership) {
            assertThat(flow.all(Effect.StartWorkflow.class)).as("a verification is started").hasSize(1);
            flow.send(new Event.WorkflowFinished(row.ownershipEnd()));
        }
        if (flow.state instanceof ResendLicenseState.Planning) flow.continued();

        List<Effect.RequestApproval> asked = flow.all(Effect.RequestApproval.class);
        if (row.plannedStep() != null) {
            assertThat(flow.state).matches(Phases::isAsking);
            assertThat(asked).singleElement().satisfies(a -> assertThat(a.plan().changes()).containsExactly(row.plannedStep()));
        } else {
            assertThat(asked).as("no plan").isEmpty();
            if (row.notVerified()) assertThat(flow.state).isInstanceOf(ResendLicenseState.NotVerified.class);
            else assertThat(flow.state).isInstanceOfSatisfying(ResendLicenseState.NeedsHuman.class,
                    n -> assertThat(n.why()).isEqualTo(row.handoff()));
            assertThat(flow.all(Effect.PrivateNote.class)).as("the agent is told").isNotEmpty();
        }
        if (row.handoff() == Handoff.ANOTHER_ADDRESS) {
            assertThat(flow.all(Effect.StartWorkflow.class)).as("no verification for a request the bot will not do").isEmpty();
        }
        assertThat(flow.all(Effect.PublicComment.class)).as("nothing said to the requester before the resend").isEmpty();
    }
}
