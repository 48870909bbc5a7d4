package dev.supportbot.workflows.troubleshooting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.ReadableTexts;
import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.domain.License;
import dev.supportbot.workflows.domain.LicenseKind;
import dev.supportbot.workflows.domain.Membership;
import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Comment;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Effect.UpdateApproval.Phase;
import dev.supportbot.workflows.engine.Event;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.approved.Confirmations;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.engine.Person;
import dev.supportbot.workflows.engine.PlanFacts;
import dev.supportbot.workflows.engine.Ticket;
import dev.supportbot.workflows.plan.BackendState;
import dev.supportbot.workflows.plan.PlanJson;
import dev.supportbot.workflows.plan.PortalChange;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState.AwaitingApproval;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState.Closed;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState.Executing;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState.FixFailed;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState.Planning;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState.Requested;
import dev.supportbot.workflows.troubleshooting.TroubleshootingState.Watching;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every row of the transition table, pure: state and event in, state and effects out, texts written for people. */
class LicenseTroubleshootingTest {
    static final LicenseTroubleshooting WORKFLOW = new LicenseTroubleshooting();
    static final Context CTX = Context.at(Instant.parse("2026-12-01T10:00:00Z"));
    static final Person ART = new Person("Art Vandelay", "art@vandelay.example");
    static final Person AGENT = new Person("Agent Smith", "smith@support.example");
    static final long TICKET = 4242;
    static final String TRUE_UP = "> You have applied a True-up for 2 users but you need one for 3 users.";
    static final LocalDate D = LocalDate.parse("2026-12-01");
    static final License LAST = license(1605, false, 2, D.minusDays(40));
    static final FactRequest.LicensesOfCustomer ART_LICENSES = new FactRequest.LicensesOfCustomer(ART.email());
    static final Facts NO_LICENSES = Facts.builder().found(ART_LICENSES, List.of()).build();
    static final FactRequest.PlanFactsOf PLAN_FACTS = new FactRequest.PlanFactsOf("A-S00006001", List.of("art@vandelay.example"));

    static License license(long id, boolean trial, int trueUp, LocalDate issued) {
        return new License(id, trial ? null : "A-S00006001", "Art Vandelay", "art@vandelay.example", "Vandelay Industries",
                "Premium", 40, trueUp, issued, issued.plusDays(1), issued.plusDays(366), trial, LicenseKind.LEGACY_FILE);
    }

    static Ticket ticket(String description, String status, String... tags) {
        return new Ticket(TICKET, "License will not register", description, ART, Set.of(tags), status);
    }

    static Comment byRequester(long id, String body) {
        return new Comment(id, ART, true, true, body, List.of(), java.time.Instant.parse("2026-12-07T10:00:00Z").plusSeconds(60 * id));
    }

    static Event.TicketUpdated update(String description, Comment... comments) {
        return new Event.TicketUpdated(ticket(description, "open", LicenseTroubleshooting.START_TAG), List.of(comments));
    }

    /** Every decision of every row: its texts are written for people as well ({@link ReadableTexts}). */
    static Decision<TroubleshootingState> decide(TroubleshootingState s, Event e, Facts facts) {
        Decision<TroubleshootingState> d = WORKFLOW.decide(s, e, facts, CTX);
        ReadableTexts.assertWrittenForPeopleIn(d.effects());
        return d;
    }

    static List<String> notes(Decision<?> d) {
        return d.effects().stream().filter(Effect.PrivateNote.class::isInstance).map(e -> ((Effect.PrivateNote) e).body()).toList();
    }

    static Watching watching() {
        return new Watching(TICKET, Set.of(1L));
    }

    // ---- Requested + TicketUpdated

    @Test
    void users_over_the_limit_in_the_description_give_a_note_with_the_numbers_the_suggestion_and_a_drafted_reply() {
        Decision<TroubleshootingState> d = decide(new Requested(), update("Upload fails: this GitLab installation had 57 "
                + "active users, exceeding this license's limit of 50 by 7 users."), Facts.none());
        assertThat(d.state()).isEqualTo(new Watching(TICKET, Set.of()));
        assertThat(d.effects()).hasSize(1).allMatch(Effect.PrivateNote.class::isInstance);
        String note = notes(d).get(0);
        assertThat(note).contains("the ticket's description").contains("Active users: 57; licensed seats: 50")
                .contains("buy 7 more seats").contains("Draft public reply (not sent").contains("> Hello Art,")
                .doesNotContain("art@vandelay.example");
        assertThat(d.effects()).noneMatch(Effect.PublicComment.class::isInstance);
    }

    /**
     * Handbook (License Troubleshooting): the "0 active users, exceeding ... by -5" message "usually means that that GitLab
     * instance has more active users than the number allowed by the license key": ask for the number of active users and
     * suggest more seats if required. Its numbers are wrong before 10.7; its cause is not.
     */
    @Test
    void zero_active_users_means_more_users_than_seats_ask_for_the_count_and_suggest_seats() {
        Decision<TroubleshootingState> d = decide(new Requested(), update("", byRequester(1, "During the year before this "
                + "license started, this GitLab installation had 0 active users, exceeding this license's limit of 5 by -5 users.")),
                Facts.none());
        assertThat(notes(d)).singleElement().satisfies(n -> assertThat(n).contains("the requester's reply of 7 December 2026, 10:01 UTC")
                .contains("more active users than the license allows").contains("before 10.7")
                .contains("ask the customer for the number of active users").contains("more seats if required")
                .contains("/admin/users").contains("licensed for 5 users")
                .doesNotContain("not a problem with your license").doesNotContain("not over its limit")
                .doesNotContain("within"));
    }

    @Test
    void numbers_that_do_not_exceed_the_limit_ask_for_the_active_user_count() {
        Decision<TroubleshootingState> d = decide(new Requested(), update("", byRequester(1, "had 40 active users, exceeding "
                + "this license's limit of 50")), Facts.none());
        assertThat(notes(d)).singleElement().satisfies(n -> assertThat(n).contains("do not exceed the limit")
                .contains("how many active users").doesNotContain("buy"));
    }

    @Test
    void anything_else_gets_a_note_that_no_known_error_was_found() {
        Decision<TroubleshootingState> d = decide(new Requested(), update("Our license expired, please help."), NO_LICENSES);
        assertThat(notes(d)).singleElement().satisfies(n -> assertThat(n).contains("found no known registration error")
                .contains("the ticket's description"));
    }

    /**
     * Handbook (License Troubleshooting): the number of active users against the license's seats is "the main issue";
     * with no known error text the note drafts that question, the active license's seats beside it.
     */
    @Test
    void no_known_error_drafts_the_active_users_question_with_the_active_licenses_seats() {
        Event.TicketUpdated e = update("Our license will not register, please help.");
        assertThat(WORKFLOW.factsNeeded(new Requested(), e)).containsExactly(ART_LICENSES);
        License expired = license(1590, false, 0, D.minusDays(800));
        License active = license(1605, false, 0, D.minusDays(40));
        Decision<TroubleshootingState> d = decide(new Requested(), e,
                Facts.builder().found(ART_LICENSES, List.of(expired, active)).build());
        assertThat(notes(d)).singleElement().satisfies(n -> assertThat(n).contains("found no known registration error")
                .contains("active license: #1605 Premium, 40 users")
                .contains("Draft public reply").contains("How many active users do you have?")
                .contains("/admin/users").contains("next to the \"Active\" tab").contains("40 users"));
    }

    @Test
    void no_known_error_and_no_active_license_says_so_beside_the_question() {
        Facts facts = Facts.builder().found(ART_LICENSES, List.of(license(1590, false, 0, D.minusDays(800)))).build();
        Decision<TroubleshootingState> d = decide(new Requested(), update("Our license will not register."), facts);
        assertThat(notes(d)).singleElement().satisfies(n -> assertThat(n)
                .contains("No active license was found for art@vandelay.example")
                .contains("How many active users do you have?").doesNotContain("#1590"));
    }

    /** Handbook (License Troubleshooting, GitLab.com section): the sales-assisted steps, drafted for the agent. */
    @Test
    void a_gitlab_com_subscription_that_does_not_reach_its_group_gets_the_handbooks_steps_drafted() {
        Event.TicketUpdated e = update("We bought GitLab.com Premium through sales but cannot see the subscription on our group.");
        assertThat(WORKFLOW.factsNeeded(new Requested(), e)).isEmpty();
        Decision<TroubleshootingState> d = decide(new Requested(), e, Facts.none());
        assertThat(notes(d)).singleElement().satisfies(n -> assertThat(n).contains("Draft public reply")
                .contains("\n> https://customers.gitlab.com/customers/password/new\n")
                .contains("\"Subscriptions\" menu").contains("\"Edit\"").contains("GitLab.com account you want to license")
                .contains("Select the group you want to license, then select \"Update\"")
                .doesNotContain("no known registration error"));
        assertThat(d.effects()).noneMatch(Effect.PublicComment.class::isInstance);
    }

    @Test
    void a_ticket_with_nothing_to_read_yet_says_so_and_waits_for_the_requester() {
        Decision<TroubleshootingState> d = decide(new Requested(), update(""), Facts.none());
        assertThat(d.state()).isEqualTo(new Watching(TICKET, Set.of()));
        assertThat(notes(d)).singleElement().satisfies(n -> assertThat(n).contains("no description or requester comment"));
    }

    @Test
    void without_the_start_tag_nothing_happens() {
        Event.TicketUpdated untagged = new Event.TicketUpdated(ticket(TRUE_UP, "open"), List.of());
        assertThat(WORKFLOW.factsNeeded(new Requested(), untagged)).isEmpty();
        assertThat(decide(new Requested(), untagged, Facts.none()).changesNothingFrom(new Requested())).isTrue();
    }

    @Test
    void the_description_is_read_once_when_it_is_also_the_first_new_comment() {
        String text = "had 12 active users, exceeding this license's limit of 10";
        Decision<TroubleshootingState> d = decide(new Requested(), update(text, byRequester(7, text)), Facts.none());
        assertThat(notes(d)).singleElement().satisfies(n -> assertThat(n).contains("the requester's reply of 7 December 2026, 10:07 UTC"));
        assertThat(d.state()).isEqualTo(new Watching(TICKET, Set.of(7L)));
    }

    // ---- Watching + TicketUpdated

    @Test
    void a_true_up_mismatch_asks_for_the_customers_licenses_then_notes_the_last_one_and_starts_planning() {
        Event.TicketUpdated e = update("", byRequester(2, "Hi,\n" + TRUE_UP + "\nThanks"));
        assertThat(WORKFLOW.factsNeeded(watching(), e)).containsExactly(ART_LICENSES);
        License trial = license(1606, true, 0, D.minusDays(5));
        License older = license(1601, false, 0, D.minusDays(400));
        Facts facts = Facts.builder().found(ART_LICENSES, List.of(trial, LAST, older)).build();
        Decision<TroubleshootingState> d = decide(watching(), e, facts);
        TroubleshootingState.TrueUpFix fix = new TroubleshootingState.TrueUpFix(2, 2, 3, 1605, "A-S00006001", "art@vandelay.example", "the requester's reply of 7 December 2026, 10:02 UTC");
        assertThat(d.state()).isEqualTo(new Planning(TICKET, Set.of(1L, 2L), fix));
        assertThat(notes(d)).singleElement().satisfies(n -> assertThat(n).contains("True-up in the license: 2; true-up needed: 3")
                .contains("The customer's last license: #1605 Premium, 40 users, true-up 2").contains("sent to art@vandelay.example")
                .contains("duplicate license #1605 with a true-up count of 3"));
        assertThat(d.effects()).last().isEqualTo(new Effect.Continue("true-up-plan-2"));
    }

    @Test
    void a_true_up_mismatch_without_any_paid_license_is_noted_and_nothing_is_planned() {
        Event.TicketUpdated e = update("", byRequester(2, TRUE_UP));
        Facts facts = Facts.builder().found(ART_LICENSES, List.of(license(1606, true, 0, D.minusDays(5)))).build();
        Decision<TroubleshootingState> d = decide(watching(), e, facts);
        assertThat(d.state()).isEqualTo(new Watching(TICKET, Set.of(1L, 2L)));
        assertThat(notes(d)).singleElement().satisfies(n -> assertThat(n).contains("No paid license was found for art@vandelay.example"));
        assertThat(d.effects()).noneMatch(Effect.Continue.class::isInstance);
    }

    @Test
    void a_last_license_that_already_has_the_needed_true_up_is_not_duplicated() {
        Facts facts = Facts.builder().found(ART_LICENSES, List.of(license(1605, false, 3, D.minusDays(40)))).build();
        Decision<TroubleshootingState> d = decide(watching(), update("", byRequester(2, TRUE_UP)), facts);
        assertThat(d.state()).isInstanceOf(Watching.class);
        assertThat(notes(d)).singleElement().satisfies(n -> assertThat(n).contains("already has a true-up count of 3"));
    }

    @Test
    void comments_by_others_and_comments_already_read_are_not_read_again() {
        Comment agentNote = new Comment(3, AGENT, false, false, TRUE_UP, List.of());
        Event.TicketUpdated e = update("", byRequester(1, TRUE_UP), agentNote);
        assertThat(WORKFLOW.factsNeeded(watching(), e)).isEmpty();
        Decision<TroubleshootingState> d = decide(watching(), e, Facts.none());
        assertThat(d.effects()).isEmpty();
        assertThat(d.state()).isEqualTo(new Watching(TICKET, Set.of(1L, 3L)));
    }

    @Test
    void each_requester_comment_is_read_and_one_without_a_known_error_is_said_to_be_looked_at() {
        Decision<TroubleshootingState> d = decide(watching(), update("", byRequester(5, "Thanks, trying now."),
                byRequester(6, "had 30 active users, exceeding this license's limit of 25")), NO_LICENSES);
        assertThat(notes(d)).hasSize(2);
        assertThat(notes(d).get(0)).contains("the requester's reply of 7 December 2026, 10:06 UTC").contains("buy 5 more seats");
        assertThat(notes(d).get(1)).contains("the requester's reply of 7 December 2026, 10:05 UTC").contains("found no known registration error");
    }

    @Test
    void a_secret_in_the_comment_never_reaches_a_note() {
        String code = "AbCdEfGhIjKlMnOpQrStUvWx";
        Decision<TroubleshootingState> d = decide(watching(), update("", byRequester(2,
                "my code " + code + " fails: had 12 active users, exceeding this license's limit of 10")), Facts.none());
        assertThat(d.effects()).isNotEmpty().allSatisfy(e -> assertThat(e.toString()).doesNotContain(code));
    }

    @Test
    void a_closed_ticket_closes_the_workflow() {
        Event.TicketUpdated closed = new Event.TicketUpdated(ticket("", "closed", LicenseTroubleshooting.START_TAG), List.of());
        Decision<TroubleshootingState> d = decide(watching(), closed, Facts.none());
        assertThat(d.state()).isEqualTo(new Closed(TICKET, "the ticket was closed"));
        assertThat(WORKFLOW.finished(d.state())).isTrue();
    }

    @Test
    void an_agent_cancels_it() {
        Decision<TroubleshootingState> d = decide(watching(), new Event.AgentCommand(Command.CANCEL, "Agent Smith"), Facts.none());
        assertThat(d.state()).isEqualTo(new Closed(TICKET, "cancelled by Agent Smith"));
        assertThat(notes(d)).singleElement().satisfies(n -> assertThat(n).contains("stopped"));
        assertThat(decide(watching(), new Event.AgentCommand(new Command("escalate"), "x"), Facts.none()).changesNothingFrom(watching())).isTrue();
    }

    // ---- the fix: Planning, AwaitingApproval, Executing, FixFailed

    static final TroubleshootingState.TrueUpFix FIX = new TroubleshootingState.TrueUpFix(2, 2, 3, 1605, "A-S00006001", "art@vandelay.example", "the requester's reply of 7 December 2026, 10:02 UTC");
    static final Contact ART_CONTACT = new Contact("Art", "Vandelay", "art@vandelay.example", "1 Import Way, New York, US");
    static final PlanFacts FACTS = new PlanFacts(1006, new BackendState(
            List.of(new Customer(1601, "Art", "Vandelay", "art@vandelay.example", "Vandelay Industries", true, null)),
            List.of(new BillingAccount(1006, "A00006001", "Vandelay Industries", ART_CONTACT, ART_CONTACT, null)),
            List.of(new Membership(16001, 1601, 1006))), Map.of());

    static Planning planning() {
        return new Planning(TICKET, Set.of(1L, 2L), FIX);
    }

    static AwaitingApproval awaiting(Long approvalId) {
        var plan = TrueUpFixing.planOf(TICKET, FIX, FACTS);
        return new AwaitingApproval(TICKET, Set.of(1L, 2L),
                new TroubleshootingState.PlannedFix(FIX, plan, PlanJson.hash(plan), approvalId, List.of(), 0));
    }

    @Test
    void planning_reads_the_licenses_account_and_puts_a_one_step_plan_before_the_approvers() {
        Event.EffectSucceeded cont = new Event.EffectSucceeded("true-up-plan-2", Map.of());
        assertThat(WORKFLOW.factsNeeded(planning(), cont)).containsExactly(PLAN_FACTS);
        Decision<TroubleshootingState> d = decide(planning(), cont, Facts.builder().found(PLAN_FACTS, FACTS).build());
        assertThat(d.state()).isEqualTo(awaiting(null));
        Effect.RequestApproval request = (Effect.RequestApproval) d.effects().get(0);
        assertThat(request.key()).isEqualTo("true-up-approval-2");
        assertThat(request.plan().changes()).containsExactly(new PortalChange.DuplicateLicense(1605, 3));
        assertThat(request.plan().ticketId()).isEqualTo(TICKET);
        assertThat(request.plan().evidence()).extracting(dev.supportbot.workflows.plan.Evidence::summary)
                .anySatisfy(s -> assertThat(s).contains("True-up for 2 users but you need one for 3 users"));
        assertThat(request.approversNeeded()).isEqualTo(1);
        assertThat(request.ttl()).isEqualTo(Duration.ofHours(72));
        assertThat(dev.supportbot.workflows.plan.PlanCheck.problems(request.plan(), request.plan().preview())).isEmpty();
        assertThat(d.effects()).contains(new Effect.ScheduleReminder(1, Duration.ofHours(72)));
        assertThat(notes(d)).singleElement().satisfies(n -> assertThat(n).contains("asked the approvers"));
    }

    @Test
    void planning_without_the_subscriptions_account_is_noted_and_goes_back_to_watching() {
        Event.EffectSucceeded cont = new Event.EffectSucceeded("true-up-plan-2", Map.of());
        Decision<TroubleshootingState> d = decide(planning(), cont, Facts.builder().notFound(PLAN_FACTS).build());
        assertThat(d.state()).isEqualTo(new Watching(TICKET, Set.of(1L, 2L)));
        assertThat(notes(d)).singleElement().satisfies(n -> assertThat(n).contains("could not plan").contains("A-S00006001"));
        assertThat(decide(planning(), new Event.EffectSucceeded("other", Map.of()), Facts.none()).changesNothingFrom(planning())).isTrue();
    }

    @Test
    void the_approval_id_is_kept_when_the_approval_opens_and_a_failure_to_open_it_is_noted() {
        Decision<TroubleshootingState> opened = decide(awaiting(null),
                new Event.EffectSucceeded("true-up-approval-2", Map.of(Effect.RequestApproval.APPROVAL_ID, "42")), Facts.none());
        assertThat(opened.state()).isEqualTo(awaiting(42L));
        Decision<TroubleshootingState> failed = decide(awaiting(null), new Event.EffectFailed("true-up-approval-2", "Slack down"), Facts.none());
        assertThat(failed.state()).isInstanceOf(Watching.class);
        assertThat(notes(failed)).singleElement().satisfies(n -> assertThat(n).contains("Slack down").contains("Nothing was changed"));
    }

    @Test
    void an_approval_bound_to_the_plans_hash_runs_its_one_step() {
        AwaitingApproval s = awaiting(42L);
        Decision<TroubleshootingState> d = decide(s, new Event.ApprovalDecided(42, s.fix().planHash(), true, List.of("Mia Manager"), null),
                Facts.none());
        assertThat(d.state()).isInstanceOf(Executing.class);
        assertThat(((Executing) d.state()).fix().approvers()).containsExactly("Mia Manager");
        assertThat(d.effects()).first().isEqualTo(new Effect.CancelReminders());
        assertThat(d.effects()).filteredOn(Effect.UpdateApproval.class::isInstance)
                .singleElement().satisfies(u -> assertThat(((Effect.UpdateApproval) u).phase()).isEqualTo(Phase.EXECUTING));
        Effect.RunPlanStep step = (Effect.RunPlanStep) d.effects().get(d.effects().size() - 1);
        assertThat(step.key()).isEqualTo("true-up-step-2-round-0");
        assertThat(step.approvalId()).isEqualTo(42);
        assertThat(step.step()).isEqualTo(1);
        assertThat(step.round()).isZero();
        assertThat(step.change()).isEqualTo(new PortalChange.DuplicateLicense(1605, 3));
        assertThat(step.scope().billingAccountIds()).containsExactly(1006L);
        assertThat(step.scope().customerEmails()).containsExactly("art@vandelay.example");
        assertThat(step.expectedAfter()).isEqualTo(step.expectedBefore());
    }

    @Test
    void an_approval_of_another_plan_or_another_approval_changes_nothing() {
        AwaitingApproval s = awaiting(42L);
        assertThat(decide(s, new Event.ApprovalDecided(42, "0".repeat(64), true, List.of("Mia"), null), Facts.none())
                .changesNothingFrom(s)).isTrue();
        assertThat(decide(s, new Event.ApprovalDecided(43, s.fix().planHash(), true, List.of("Mia"), null), Facts.none())
                .changesNothingFrom(s)).isTrue();
    }

    @Test
    void a_rejection_is_noted_with_who_and_why_and_nothing_runs() {
        AwaitingApproval s = awaiting(42L);
        Decision<TroubleshootingState> d = decide(s, new Event.ApprovalDecided(42, s.fix().planHash(), false, List.of("Mia Manager"),
                "true-up not paid"), Facts.none());
        assertThat(d.state()).isEqualTo(new Watching(TICKET, Set.of(1L, 2L)));
        assertThat(d.effects()).noneMatch(Effect.RunPlanStep.class::isInstance);
        assertThat(notes(d)).singleElement().satisfies(n -> assertThat(n).contains("rejected by Mia Manager: true-up not paid"));
    }

    @Test
    void an_undecided_approval_expires_on_its_reminder() {
        Decision<TroubleshootingState> d = decide(awaiting(42L), new Event.ReminderDue(1), Facts.none());
        assertThat(d.state()).isInstanceOf(Watching.class);
        assertThat(d.effects()).filteredOn(Effect.UpdateApproval.class::isInstance).singleElement()
                .satisfies(u -> assertThat(((Effect.UpdateApproval) u).phase()).isEqualTo(Phase.EXPIRED));
        assertThat(notes(d)).singleElement().satisfies(n -> assertThat(n).contains("within 72 hours").contains("nothing was changed"));
    }

    @Test
    void a_new_true_up_error_while_a_fix_is_under_way_plans_nothing_more() {
        AwaitingApproval s = awaiting(42L);
        Event.TicketUpdated e = update("", byRequester(9, TRUE_UP));
        assertThat(WORKFLOW.factsNeeded(s, e)).isEmpty();
        Decision<TroubleshootingState> d = decide(s, e, Facts.none());
        assertThat(d.state()).isInstanceOf(AwaitingApproval.class);
        assertThat(notes(d)).singleElement().satisfies(n -> assertThat(n).contains("already under way"));
        assertThat(d.effects()).noneMatch(Effect.Continue.class::isInstance);
    }

    @Test
    void cancelling_while_awaiting_approval_closes_the_approval() {
        Decision<TroubleshootingState> d = decide(awaiting(42L), new Event.AgentCommand(Command.CANCEL, "Agent Smith"), Facts.none());
        assertThat(d.state()).isInstanceOf(Closed.class);
        assertThat(d.effects()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(Effect.UpdateApproval.class,
                u -> assertThat(u.phase()).isEqualTo(Phase.CANCELLED)));
        assertThat(d.effects()).contains(new Effect.CancelReminders());
    }

    Executing executing() {
        AwaitingApproval s = awaiting(42L);
        return (Executing) decide(s, new Event.ApprovalDecided(42, s.fix().planHash(), true, List.of("Mia Manager"), null),
                Facts.none()).state();
    }

    @Test
    void a_step_that_succeeds_is_noted_on_the_ticket_and_the_approval_message() {
        Event.EffectSucceeded last = new Event.EffectSucceeded("true-up-step-2-round-0", Map.of(Effect.RunPlanStep.ALREADY_DONE, "false"));
        Facts.Builder reread = Facts.builder();
        for (FactRequest<?> r : WORKFLOW.factsNeeded(executing(), last)) {
            reread.put(r, Confirmations.asPredicted(executing(), (FactRequest.BillingAccountById) r));
        }
        Decision<TroubleshootingState> d = decide(executing(), last, reread.build());
        assertThat(d.state()).isEqualTo(new Watching(TICKET, Set.of(1L, 2L)));
        assertThat(d.effects()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(Effect.UpdateApproval.class,
                u -> assertThat(u.phase()).isEqualTo(Phase.DONE)));
        assertThat(notes(d)).singleElement().satisfies(n -> assertThat(n).startsWith("Done: license #1605 was duplicated with a true-up count of 3")
                .contains("approved by Mia Manager").contains("not mailed"));
        assertThat(decide(executing(), new Event.AgentCommand(Command.CANCEL, "x"), Facts.none()).changesNothingFrom(executing())).isTrue();
    }

    @Test
    void a_failed_step_offers_a_retry_and_the_retry_runs_it_again_in_the_next_round() {
        Decision<TroubleshootingState> failed = decide(executing(), new Event.EffectFailed("true-up-step-2-round-0", "portal answered 500"),
                Facts.none());
        assertThat(failed.state()).isInstanceOf(FixFailed.class);
        assertThat(failed.effects()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(Effect.UpdateApproval.class,
                u -> assertThat(u.phase()).isEqualTo(Phase.FAILED)).isInstanceOfSatisfying(Effect.UpdateApproval.class,
                u -> assertThat(u.retryFromStep()).isEqualTo(1)));
        assertThat(notes(failed)).singleElement().satisfies(n -> assertThat(n).contains("portal answered 500"));

        Decision<TroubleshootingState> retried = decide(failed.state(), new Event.RetryRequested(42, 1, "Mia Manager"), Facts.none());
        assertThat(retried.state()).isInstanceOf(Executing.class);
        assertThat(retried.effects()).filteredOn(Effect.RunPlanStep.class::isInstance).singleElement()
                .satisfies(s -> assertThat(((Effect.RunPlanStep) s).key()).isEqualTo("true-up-step-2-round-1"))
                .satisfies(s -> assertThat(((Effect.RunPlanStep) s).round()).isEqualTo(1));
        assertThat(decide(failed.state(), new Event.RetryRequested(41, 1, "x"), Facts.none()).changesNothingFrom(failed.state())).isTrue();
    }

    @Test
    void every_running_state_reads_comments_and_only_closed_is_final() {
        Set<Class<?>> reading = LicenseTroubleshooting.table().keys().stream()
                .filter(k -> k.eventType() == Event.TicketUpdated.class).map(k -> k.stateType()).collect(Collectors.toSet());
        assertThat(reading).containsExactlyInAnyOrder(Requested.class, Watching.class, Planning.class, AwaitingApproval.class,
                Executing.class, FixFailed.class);
        assertThat(LicenseTroubleshooting.table().keys()).noneMatch(k -> k.stateType() == Closed.class);
        assertThat(WORKFLOW.outcome(awaiting(42L)).result()).isEqualTo("true-up fix awaiting approval");
        assertThat(WORKFLOW.outcome(awaiting(42L)).details()).containsEntry("license", "1605");
    }
}
