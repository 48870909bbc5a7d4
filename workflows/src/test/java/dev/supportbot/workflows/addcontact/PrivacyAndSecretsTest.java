package dev.supportbot.workflows.addcontact;

import static dev.supportbot.workflows.addcontact.Sandbox.*;
import static dev.supportbot.workflows.approved.Phases.asking;
import static dev.supportbot.workflows.approved.Phases.isAsking;
import static dev.supportbot.workflows.approved.Phases.isRunning;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.approved.Gated;
import dev.supportbot.workflows.approved.Phases;
import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Comment;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event;
import dev.supportbot.workflows.engine.Person;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Personal data and secrets: the requester never reads an email address (the Sold To's least of all); no comment
 * text and no secret reaches a state or an effect; states outside the plan hold no Sold To contact.
 */
class PrivacyAndSecretsTest {
    /** Marks comment text: it must never be copied into a state or an effect. */
    static final String MARKER = "zq-body-marker-7731";

    private static List<Flow> flows;

    /** Many paths through the workflow, for every kind of requester (built once: pure). */
    static synchronized List<Flow> manyFlows() {
        if (flows == null) flows = buildFlows();
        return flows;
    }

    private static List<Flow> buildFlows() {
        List<Flow> flows = new ArrayList<>();
        List<Function<Flow, Flow>> endings = List.of(
                PrivacyAndSecretsTest::approvedAndDone, PrivacyAndSecretsTest::failedRetriedDone,
                PrivacyAndSecretsTest::rejected, PrivacyAndSecretsTest::expired, PrivacyAndSecretsTest::cancelled);
        for (Person requester : List.of(SAM_RIVERA, MILTON_WADDAMS, PAT_LEE, NEWCOMER)) {
            for (Function<Flow, Flow> ending : endings) {
                flows.add(ending.apply(started(Sandbox.seeded(), requester)));
                flows.add(ending.apply(started(Sandbox.seeded().withLogin(SAM, false), requester)));
            }
            for (String answer : List.of("yes", "no", "hmm?")) flows.add(answered(requester, answer));
            flows.add(questionExpired(requester));
        }
        return flows;
    }

    /** Ownership verified by a separate run first; the requester's first comments hold a secret and text. */
    static Flow started(Sandbox sandbox, Person requester) {
        Flow flow = new Flow(sandbox, null);
        flow.requester = requester;
        flow.send(new Event.TicketUpdated(ticket(requester), List.of(secretComment(1, requester))));
        flow.ownership = Sandbox.verified(requester == MILTON_WADDAMS ? INITECH_SUBSCRIPTION : ACME_SUBSCRIPTION);
        flow.send(new Event.WorkflowFinished(flow.ownership));
        flow.continued();
        return flow;
    }

    static Comment secretComment(long id, Person requester) {
        return new Comment(id, requester, true, true, MARKER + " my code " + ACTIVATION_CODE, List.of());
    }

    static Flow approvedAndDone(Flow flow) {
        if (!isAsking(flow.state)) return flow;
        flow.approvalPosted(7);
        flow.approved(7, "slack:UAPPROVER");
        while (isRunning(flow.state)) flow.stepSucceeded(false);
        return flow;
    }

    static Flow failedRetriedDone(Flow flow) {
        if (!isAsking(flow.state)) return flow;
        flow.approvalPosted(7);
        flow.approved(7, "slack:UAPPROVER");
        flow.stepFailed("customer sam@acme.example is locked");
        flow.send(new Event.RetryRequested(7, 1, "slack:UAPPROVER"));
        while (isRunning(flow.state)) flow.stepSucceeded(true);
        return flow;
    }

    static Flow rejected(Flow flow) {
        if (!isAsking(flow.state)) return flow;
        Gated.Ask a = asking(flow.state);
        flow.send(new Event.ApprovalDecided(7, a.planHash(), false, List.of("slack:UAPPROVER"), "not this one"));
        return flow;
    }

    static Flow expired(Flow flow) {
        flow.after(Duration.ofDays(4)).send(new Event.ReminderDue(AddContactSettings.APPROVAL_EXPIRY));
        return flow;
    }

    static Flow cancelled(Flow flow) {
        flow.send(new Event.AgentCommand(Command.CANCEL, "agent.smith"));
        return flow;
    }

    static Flow answered(Person requester, String answer) {
        Flow flow = started(Sandbox.seeded().withMembership(9, SAM, HOOLI), requester);
        flow.comments(new Comment(20, requester, true, true, answer + " " + MARKER + " " + ACTIVATION_CODE, List.of()));
        flow.comments(new Comment(21, requester, true, true, answer + " " + MARKER, List.of()));
        return approvedAndDone(flow.state instanceof AddContactState.Planning ? continued(flow) : flow);
    }

    static Flow questionExpired(Person requester) {
        Flow flow = started(Sandbox.seeded().withMembership(9, SAM, HOOLI), requester);
        for (int i = 1; i <= 3; i++) flow.at(NOW.plus(Duration.ofDays(i == 3 ? 7 : 2L * i))).send(new Event.ReminderDue(i));
        return flow;
    }

    private static Flow continued(Flow flow) {
        flow.continued();
        return flow;
    }

    @Test
    void the_flows_reach_every_kind_of_end() {
        assertThat(manyFlows().stream().map(f -> Phases.isRejected(f.state) ? "Rejected" : Phases.isCancelled(f.state) ? "Cancelled"
                : f.state.getClass().getSimpleName()).distinct())
                .contains("Done", "NeedsHuman", "NothingToDo", "Rejected", "Expired", "Cancelled", "Declined");
    }

    @Test
    void public_comments_name_no_one_s_email_address_nor_a_sold_to_contact() {
        List<String> comments = manyFlows().stream().flatMap(f -> f.allEffects.stream())
                .filter(e -> e instanceof Effect.PublicComment).map(e -> ((Effect.PublicComment) e).body()).toList();
        assertThat(comments).hasSizeGreaterThan(10).allSatisfy(c -> {
            assertThat(c).doesNotContainPattern("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+");
            for (String address : SOLD_TO_ADDRESSES) assertThat(c).doesNotContain(address);
            assertThat(c).doesNotContain("Lee").doesNotContain("Lumbergh").doesNotContain("Belson").doesNotContain("Chan");
        });
    }

    @Test
    void states_outside_the_plan_hold_no_sold_to_contact() {
        for (Flow flow : manyFlows()) {
            if (flow.requester == PAT_LEE) continue; // Pat is Acme's Sold To: their own address is theirs
            for (AddContactState s : flow.states) {
                if (s instanceof AddContactState.Gate) continue;
                for (String email : SOLD_TO_EMAILS) assertThat(s.toString().toLowerCase(Locale.ROOT)).doesNotContain(email);
            }
        }
    }

    @Test
    void no_secret_and_no_comment_text_in_any_state_or_effect() {
        List<String> everything = new ArrayList<>();
        for (Flow flow : manyFlows()) {
            flow.states.forEach(s -> everything.add(s.toString()));
            flow.allEffects.forEach(e -> everything.add(e.toString()));
        }
        assertThat(everything).hasSizeGreaterThan(100).allSatisfy(text -> assertThat(text)
                .doesNotContain(ACTIVATION_CODE)
                .doesNotContainIgnoringCase(ACTIVATION_CODE.substring(0, 12))
                .doesNotContain(MARKER));
    }

    @Test
    void messages_to_people_use_plain_words_not_enum_names() {
        List<String> texts = manyFlows().stream().flatMap(f -> f.allEffects.stream()).map(PrivacyAndSecretsTest::text).toList();
        assertThat(texts).allSatisfy(t -> assertThat(t).doesNotContainPattern("\\b[A-Z]{2,}_[A-Z_]+\\b"));
    }

    private static String text(Effect e) {
        if (e instanceof Effect.PublicComment c) return c.body();
        if (e instanceof Effect.PrivateNote n) return n.body();
        if (e instanceof Effect.UpdateApproval u) return String.join("\n", u.lines());
        return "";
    }
}
