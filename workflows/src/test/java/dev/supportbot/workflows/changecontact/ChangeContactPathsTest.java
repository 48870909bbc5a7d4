package dev.supportbot.workflows.changecontact;

import static dev.supportbot.workflows.changecontact.Flow.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.approved.Phases;
import dev.supportbot.workflows.changecontact.ChangeContactState.*;
import dev.supportbot.workflows.domain.ContactRole;
import dev.supportbot.workflows.domain.Membership;
import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Outcome;
import dev.supportbot.workflows.engine.Person;
import dev.supportbot.workflows.engine.WaitingOn;
import dev.supportbot.workflows.ownership.OwnershipVerification;
import dev.supportbot.workflows.plan.PortalChange;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every way through a contact change: self-service, support-assisted for an existing and a non-existing user. */
class ChangeContactPathsTest {

    @Test
    void it_starts_with_the_self_service_instructions_and_waits_for_the_requester_with_reminders() {
        Flow flow = new Flow(BO);
        var d = flow.start();
        assertThat(flow.state).isInstanceOf(AwaitingSelfService.class);
        assertThat(((AwaitingSelfService) flow.state).subscriptionName()).isEqualTo(SUBSCRIPTION);
        String instructions = Flow.effects(d, Effect.PublicComment.class).get(0).body();
        assertThat(instructions).contains("one-time sign-in link").contains("claim the account").contains("Link your GitLab.com")
                .contains("Email has already been taken").doesNotContain(PAT).doesNotContain("Pat");
        assertThat(Flow.effects(d, Effect.ScheduleReminder.class)).extracting(Effect.ScheduleReminder::sequence)
                .containsExactly(1, 2, ChangeContactSettings.SELF_SERVICE_EXPIRY);
        assertThat(Flow.effects(d, Effect.StartWorkflow.class)).isEmpty();
        assertThat(flow.workflow.waitingOn(flow.state)).contains(WaitingOn.REQUESTER);

        var reminder = flow.after(Duration.ofDays(2)).send(new dev.supportbot.workflows.engine.Event.ReminderDue(1));
        assertThat(Flow.effects(reminder, Effect.PublicComment.class).get(0).body()).contains("8 December 2026 (UTC)");
        assertThat(flow.send(new dev.supportbot.workflows.engine.Event.ReminderDue(1)).effects()).isEmpty();
        var expired = flow.after(Duration.ofDays(5)).send(new dev.supportbot.workflows.engine.Event.ReminderDue(3));
        assertThat(flow.state).isInstanceOfSatisfying(Expired.class, e -> assertThat(e.waitedFor()).isEqualTo(Wait.SELF_SERVICE));
        assertThat(Flow.effects(expired, Effect.PublicComment.class)).hasSize(1);
    }

    @Test
    void self_service_done_and_the_sold_to_is_the_requesters_account_finishes_without_a_plan() {
        Flow flow = new Flow(BO);
        flow.start();
        // Bo claimed Pat's portal account: it is his, the member, and he is the Sold To now.
        boClaimsPatsAccount(flow);
        flow.accounts.set(0, new dev.supportbot.workflows.domain.BillingAccount(1001, "A00001001", "Acme",
                new dev.supportbot.workflows.domain.Contact("Bo", "Chan", BO_EMAIL, ADDRESS),
                flow.accounts.get(0).billTo(), null));
        flow.requesterReplies("Done, thanks!");
        assertThat(flow.state).isInstanceOf(Planning.class);
        flow.continued();
        assertThat(flow.state).isInstanceOfSatisfying(Done.class, d -> {
            assertThat(d.path()).isEqualTo(Path.SELF_SERVICE);
            assertThat(d.approvalId()).isNull();
        });
        assertThat(flow.all(Effect.RequestApproval.class)).isEmpty();
        assertThat(flow.last(Effect.PublicComment.class).body()).contains(SUBSCRIPTION);
    }

    @Test
    void self_service_done_but_the_sold_to_still_names_the_previous_owner_proposes_an_update_sold_to_plan() {
        Flow flow = new Flow(BO);
        flow.start();
        boClaimsPatsAccount(flow);
        flow.requesterReplies("I have completed the steps.");
        flow.continued();
        assertThat(flow.state).matches(Phases::isAsking);
        Effect.RequestApproval request = flow.last(Effect.RequestApproval.class);
        assertThat(request.approversNeeded()).isEqualTo(2);
        assertThat(request.plan().changes()).singleElement().isInstanceOfSatisfying(PortalChange.UpdateBillingContact.class,
                c -> {
                    assertThat(c.role()).isEqualTo(ContactRole.SOLD_TO);
                    assertThat(c.contact().email()).isEqualTo(BO_EMAIL);
                });
    }

    /** What the self-service steps do in the portal: Pat's portal account, Acme's member, becomes Bo's. */
    private static void boClaimsPatsAccount(Flow flow) {
        flow.customers.set(0, new dev.supportbot.workflows.domain.Customer(1101, "Bo", "Chan", BO_EMAIL, "Acme", true, 5001L));
    }

    @Test
    void a_reply_that_is_not_done_or_says_it_failed_changes_nothing() {
        Flow flow = new Flow(BO);
        flow.start();
        ChangeContactState waiting = flow.state;
        assertThat(waiting).isInstanceOf(AwaitingSelfService.class);
        assertThat(flow.requesterReplies("I tried but it did not work").changesNothingFrom(waiting)).isTrue();
        assertThat(flow.requesterReplies("Which link do you mean?").changesNothingFrom(waiting)).isTrue();
    }

    @Test
    void email_has_already_been_taken_makes_it_support_assisted_and_starts_ownership_verification_when_none_ran() {
        Flow flow = new Flow(BO);
        // Bo has a portal account of his own: claiming Pat's with his address fails.
        flow.customers.add(new dev.supportbot.workflows.domain.Customer(1103, "Bo", "Chan", BO_EMAIL, "Acme", true, null));
        flow.start();
        assertThat(flow.state).isInstanceOf(AwaitingSelfService.class);
        var d = flow.requesterReplies("The portal said: Email has already been taken");
        assertThat(flow.state).isInstanceOf(AwaitingOwnership.class);
        assertThat(Flow.effects(d, Effect.StartWorkflow.class)).extracting(Effect.StartWorkflow::kind)
                .containsExactly(OwnershipVerification.KIND);
        assertThat(Flow.effects(d, Effect.CancelReminders.class)).hasSize(1);
        assertThat(Flow.effects(d, Effect.PublicComment.class).get(0).body()).contains("verify");

        flow.ownershipFinished(verified());
        flow.continued();
        assertThat(flow.state).matches(Phases::isAsking);
        assertThat(flow.last(Effect.RequestApproval.class).plan().purpose()).contains("existing user");
    }

    @Test
    void a_verification_that_does_not_verify_stops_without_a_plan() {
        Flow flow = new Flow(BO);
        flow.start();
        flow.command(ChangeContact.ASSIST);
        flow.ownershipFinished(new Outcome(OwnershipVerification.KIND, "rejected", true, Map.of()));
        assertThat(flow.state).isInstanceOf(NotVerified.class);
        assertThat(flow.all(Effect.RequestApproval.class)).isEmpty();
    }

    @Test
    void a_running_verification_is_waited_for_not_started_again() {
        Flow flow = new Flow(BO);
        flow.start();
        assertThat(flow.state).isInstanceOf(AwaitingSelfService.class);
        flow.ownership = new Outcome(OwnershipVerification.KIND, "waiting for proof", false, Map.of());
        var d = flow.command(ChangeContact.ASSIST);
        assertThat(flow.state).isInstanceOf(AwaitingOwnership.class);
        assertThat(Flow.effects(d, Effect.StartWorkflow.class)).isEmpty();
    }

    @Test
    void existing_user_one_plan_add_membership_remove_the_previous_then_set_the_sold_to_two_approvers() {
        Flow flow = assistedAwaitingApproval(SAM);
        Effect.RequestApproval request = flow.last(Effect.RequestApproval.class);
        assertThat(request.approversNeeded()).isEqualTo(2);
        assertThat(request.ttl()).isEqualTo(Duration.ofHours(72));
        assertThat(request.plan().changes()).extracting(c -> c.getClass().getSimpleName())
                .containsExactly("CreateMembership", "DeleteMembership", "UpdateBillingContact");
        assertThat(request.plan().evidence()).extracting(e -> e.summary()).anyMatch(s -> s.equals("subscription A-S00001001, proof: an invoice"));

        flow.approved(7, "slack:UAPPROVER1 Alex Morgan", "slack:UAPPROVER2 Bea Lin");
        flow.runAllSteps();
        assertThat(flow.state).isInstanceOfSatisfying(Done.class, d -> {
            assertThat(d.path()).isEqualTo(Path.SUPPORT_ASSISTED);
            assertThat(d.approvalId()).isEqualTo(7);
        });
        assertThat(flow.all(Effect.RunPlanStep.class)).extracting(Effect.RunPlanStep::step).containsExactly(1, 2, 3);
        assertThat(flow.last(Effect.PublicComment.class).body()).contains("you are now the subscription management contact")
                .doesNotContain("sign-in link");
        assertThat(flow.notes()).contains("The plan approved by Alex Morgan, Bea Lin ran:");
    }

    @Test
    void non_existing_user_renames_the_sold_to_customer_unlinks_and_sends_a_sign_in_link() {
        Flow flow = assistedAwaitingApproval(NIA);
        Effect.RequestApproval request = flow.last(Effect.RequestApproval.class);
        assertThat(request.plan().purpose()).contains("new user");
        assertThat(request.plan().changes()).containsExactly(
                new PortalChange.UpdateCustomer(1101, "Nia", "Ng", "nia@acme.example", true),
                new PortalChange.UnlinkGitLabAccount(1101),
                new PortalChange.SendSignInLink(1101));
        assertThat(request.plan().preview().end().account(1001).soldTo().email()).isEqualTo("nia@acme.example");
        flow.approved(7, "slack:UAPPROVER1", "slack:UAPPROVER2");
        flow.runAllSteps();
        assertThat(flow.state).isInstanceOf(Done.class);
        assertThat(flow.last(Effect.PublicComment.class).body()).contains("sign-in link");
    }

    @Test
    void the_customer_search_happens_before_any_contact_is_touched() {
        Flow flow = new Flow(NIA);
        flow.ownership = verified();
        flow.start();
        assertThat(flow.state).isInstanceOf(Planning.class);
        assertThat(flow.all(Effect.RunPlanStep.class)).isEmpty();
        assertThat(flow.workflow.factsNeeded(flow.state, new dev.supportbot.workflows.engine.Event.EffectSucceeded(
                Proposing.FACTS_KEY, Map.of()))).singleElement().isInstanceOfSatisfying(
                dev.supportbot.workflows.engine.FactRequest.PlanFactsOf.class,
                p -> assertThat(p.emails()).containsExactly("nia@acme.example"));
    }

    @Test
    void a_single_word_name_for_a_new_user_goes_to_a_person() {
        Flow flow = new Flow(new Person("Nia", "nia@acme.example"));
        flow.ownership = verified();
        flow.start();
        flow.continued();
        assertThat(flow.state).isInstanceOfSatisfying(NeedsHuman.class, n -> assertThat(n.why()).isEqualTo(Handoff.NO_FULL_NAME));
    }

    @Test
    void a_requester_who_already_is_the_sold_to_is_done_without_a_plan() {
        Flow flow = new Flow(new Person("Pat Lee", PAT));
        flow.ownership = verified();
        flow.start();
        flow.command(ChangeContact.ASSIST);
        flow.continued();
        assertThat(flow.state).isInstanceOf(Done.class);
        assertThat(flow.all(Effect.RequestApproval.class)).isEmpty();
    }

    @Test
    void no_requester_email_goes_to_a_person() {
        Flow flow = new Flow(new Person("Someone", null));
        flow.start();
        assertThat(flow.state).isInstanceOfSatisfying(NeedsHuman.class, n -> assertThat(n.why()).isEqualTo(Handoff.NO_REQUESTER_EMAIL));
    }

    @Test
    void the_number_of_approvers_is_a_setting() {
        Flow flow = new Flow(SAM);
        flow.ctx = new dev.supportbot.workflows.engine.Context(NOW, flow.ctx.policy(),
                dev.supportbot.workflows.engine.WorkflowSettings.defaults().with(ChangeContactSettings.APPROVERS, 3));
        flow.ownership = verified();
        flow.start();
        flow.continued();
        assertThat(flow.last(Effect.RequestApproval.class).approversNeeded()).isEqualTo(3);
    }

    @Test
    void fewer_than_one_approver_stops_the_bot_at_start_up() {
        var settings = dev.supportbot.workflows.engine.WorkflowSettings.defaults().with(ChangeContactSettings.APPROVERS, 0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ChangeContact().checkSettings(settings))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("change_contact.approvers");
        new ChangeContact().checkSettings(dev.supportbot.workflows.engine.WorkflowSettings.defaults());
    }

    @Test
    void remove_membership_takes_one_address_as_its_argument() {
        ChangeContact workflow = new ChangeContact();
        assertThat(workflow.initialState(List.of())).contains(new Requested(null));
        assertThat(workflow.initialState(List.of("Pat@Acme.example"))).contains(new Requested(PAT));
        assertThat(workflow.initialState(List.of("not-an-address"))).isEmpty();
        assertThat(workflow.initialState(List.of(PAT, SAM_EMAIL))).isEmpty();
    }

    @Test
    void removing_the_last_membership_is_planned_with_a_warning_after_ownership_and_two_approvals() {
        Flow flow = new Flow(SAM);
        flow.state = new Requested(PAT);
        var d = flow.start();
        assertThat(flow.state).isInstanceOf(AwaitingOwnership.class);
        assertThat(Flow.effects(d, Effect.PublicComment.class)).as("no self-service instructions").isEmpty();
        assertThat(Flow.effects(d, Effect.StartWorkflow.class)).hasSize(1);
        flow.ownershipFinished(verified());
        flow.continued();
        Effect.RequestApproval request = flow.last(Effect.RequestApproval.class);
        assertThat(request.approversNeeded()).isEqualTo(2);
        assertThat(request.plan().changes()).containsExactly(new PortalChange.DeleteMembership(1, 1101, 1001));
        assertThat(request.plan().evidence()).extracting(e -> e.kind())
                .contains(dev.supportbot.workflows.plan.ChangeContactPlanner.LAST_MEMBERSHIP);
        assertThat(flow.notes()).contains("only membership of billing account A00001001");
        flow.approvalPosted(7);
        flow.approved(7, "slack:U1", "slack:U2");
        flow.runAllSteps();
        assertThat(flow.state).isInstanceOfSatisfying(Done.class, done -> assertThat(done.path()).isEqualTo(Path.REMOVE_MEMBERSHIP));
        assertThat(flow.last(Effect.PublicComment.class).body()).contains("has been removed").doesNotContain(PAT);
    }

    @Test
    void removing_an_address_that_is_no_member_is_done_without_a_plan() {
        Flow flow = new Flow(SAM);
        flow.ownership = verified();
        flow.state = new Requested("nobody@acme.example");
        flow.start();
        flow.continued();
        assertThat(flow.state).isInstanceOf(Done.class);
        assertThat(flow.all(Effect.RequestApproval.class)).isEmpty();
        assertThat(flow.all(Effect.PublicComment.class)).isEmpty();
        assertThat(flow.notes()).contains("nothing to do: nobody@acme.example is no member");
    }

    @Test
    void privacy_no_public_comment_names_the_previous_contact_and_nothing_is_sent_to_them() {
        for (Person requester : List.of(SAM, NIA)) {
            Flow flow = assistedAwaitingApproval(requester);
            flow.approved(7, "slack:UAPPROVER1", "slack:UAPPROVER2");
            flow.runAllSteps();
            for (Effect.PublicComment c : flow.all(Effect.PublicComment.class)) {
                assertThat(c.body()).doesNotContain(PAT).doesNotContainIgnoringCase("Pat Lee").doesNotContain("billing@acme.example");
            }
            assertThat(flow.all(Effect.OpenSeparateTicket.class)).isEmpty();
            assertThat(flow.all(Effect.SlackMessage.class)).isEmpty();
        }
    }

    @Test
    void cancel_in_the_self_service_wait_ends_the_run() {
        Flow flow = new Flow(BO);
        flow.start();
        assertThat(flow.state).isInstanceOf(AwaitingSelfService.class);
        flow.command(Command.CANCEL);
        assertThat(flow.state).matches(Phases::isCancelled);
        assertThat(flow.workflow.finished(flow.state)).isTrue();
    }

    /**
     * Handbook (self-service option): the steps are for "an existing subscription contact" AND one with access to the
     * previous owner's portal account or mailbox. Anyone else could not follow them: assisted at once, and the agent's
     * note says why.
     */
    @Test
    void a_requester_who_could_not_follow_the_self_service_steps_goes_straight_to_the_assisted_path() {
        Flow flow = new Flow(new Person("Nia Ng", "nia@othercorp.example"));
        var d = flow.start();
        assertThat(flow.state).isInstanceOf(AwaitingOwnership.class);
        assertThat(Flow.effects(d, Effect.PublicComment.class)).as("no self-service instructions").isEmpty();
        assertThat(Flow.effects(d, Effect.StartWorkflow.class)).singleElement()
                .satisfies(w -> assertThat(w.kind()).isEqualTo(OwnershipVerification.KIND));
        assertThat(flow.notes()).contains("not a contact of the subscription, nor from the previous owner's email domain");
    }

    /** The old rule let the previous owner's domain alone decide: Sam, at Acme but no contact of its subscription, got the steps. */
    @Test
    void a_requester_from_the_previous_owners_domain_who_is_no_contact_of_the_subscription_goes_straight_to_the_assisted_path() {
        Flow flow = new Flow(SAM);
        var d = flow.start();
        assertThat(flow.state).isInstanceOf(AwaitingOwnership.class);
        assertThat(Flow.effects(d, Effect.PublicComment.class)).as("no self-service instructions").isEmpty();
        assertThat(Flow.effects(d, Effect.ScheduleReminder.class)).isEmpty();
        assertThat(Flow.effects(d, Effect.StartWorkflow.class)).singleElement()
                .satisfies(w -> assertThat(w.kind()).isEqualTo(OwnershipVerification.KIND));
        assertThat(flow.notes()).contains("the requester could not follow the self-service steps (from the previous owner's"
                + " email domain, but not a contact of the subscription (neither its Bill To nor a member of its billing account))");
    }

    /** A member of the billing account who writes from another domain than the previous owner's: assisted at once. */
    @Test
    void a_member_from_another_domain_goes_straight_to_the_assisted_path() {
        Flow flow = new Flow(new Person("Max Ortiz", "max@contractor.example"));
        flow.customers.add(new dev.supportbot.workflows.domain.Customer(1103, "Max", "Ortiz", "max@contractor.example", "Acme", true, null));
        flow.memberships.add(new Membership(2, 1103, 1001));
        flow.ownership = verified();
        var d = flow.start();
        assertThat(flow.state).isInstanceOf(Planning.class);
        assertThat(Flow.effects(d, Effect.PublicComment.class)).as("no self-service instructions").isEmpty();
        assertThat(flow.notes()).contains("a member of the billing account, but from another email domain than the previous"
                + " owner's, so not likely to reach the previous owner's mailbox");
    }

    @Test
    void a_ticket_that_names_no_subscription_goes_straight_to_the_assisted_path() {
        Flow flow = new Flow(SAM);
        flow.ticket = new dev.supportbot.workflows.engine.Ticket(TICKET, "New owner", "Pat left.", SAM, java.util.Set.of(), "open");
        flow.start();
        assertThat(flow.state).isInstanceOf(AwaitingOwnership.class);
        assertThat(flow.all(Effect.PublicComment.class)).isEmpty();
    }

    /** Acme's account as bought through Partner Co, whose invoice owner writes from partner.example. */
    private static void boughtThroughPartner(Flow flow) {
        var a = flow.accounts.get(0);
        flow.accounts.set(0, new dev.supportbot.workflows.domain.BillingAccount(a.id(), a.zuoraAccountId(), a.company(),
                a.soldTo(), a.billTo(), new dev.supportbot.workflows.domain.BillingAccount.Reseller("Partner Co", "Z-PARTNER",
                "orders@partner.example")));
    }

    /** Handbook (The Customers Portal): resellers have no access to the portal or to their customers' accounts. */
    @Test
    void a_requester_from_the_resellers_domain_never_becomes_the_contact_and_the_agent_gets_a_drafted_answer() {
        Flow flow = new Flow(new Person("Rita Reseller", "rita@partner.example"));
        boughtThroughPartner(flow);
        flow.ownership = verified();
        flow.ticket = new dev.supportbot.workflows.engine.Ticket(TICKET, "Change owner of " + SUBSCRIPTION,
                "Please make me the owner of " + SUBSCRIPTION + "; the portal says Email has already been taken.",
                flow.ticket.requester(), java.util.Set.of(ChangeContact.START_TAG), "open");
        flow.start();
        flow.continued();
        assertThat(flow.state).isInstanceOfSatisfying(NeedsHuman.class, n -> assertThat(n.why()).isEqualTo(Handoff.RESELLER_REQUESTER));
        assertThat(flow.all(Effect.RequestApproval.class)).isEmpty();
        assertThat(flow.notes()).contains("Partner Co, the reseller of this subscription").contains("A reseller is never made a member")
                .contains("Draft public reply").contains("Resellers do not have access to the Customers Portal");
    }

    @Test
    void a_plan_on_a_reseller_purchase_drafts_that_seats_renewals_and_invoices_go_through_the_reseller() {
        Flow flow = new Flow(SAM);
        boughtThroughPartner(flow);
        flow.ownership = verified();
        flow.ticket = new dev.supportbot.workflows.engine.Ticket(TICKET, "Change owner of " + SUBSCRIPTION,
                "The portal says: Email has already been taken", SAM, java.util.Set.of(ChangeContact.START_TAG), "open");
        flow.start();
        flow.continued();
        assertThat(flow.state).matches(Phases::isAsking);
        assertThat(flow.notes()).contains("bought through Partner Co")
                .contains("for more seats, renewals and invoices, please contact Partner Co directly");
    }

    @Test
    void the_agents_self_service_check_needs_a_subscription_named_on_the_ticket() {
        Flow flow = Flow.in(new AwaitingSelfService(TICKET,
                new Requester("Sam Rivera", SAM_EMAIL), null, NOW, 0));
        flow.command(ChangeContact.CHECK);
        assertThat(flow.state).isInstanceOfSatisfying(NeedsHuman.class, n -> assertThat(n.why()).isEqualTo(Handoff.NO_SUBSCRIPTION));
    }
}
