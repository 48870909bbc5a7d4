package dev.supportbot.workflows.ownership;

import static dev.supportbot.workflows.ownership.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.ReadableTexts;
import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event.AgentCommand;
import dev.supportbot.workflows.engine.Event.EffectFailed;
import dev.supportbot.workflows.engine.Event.EffectSucceeded;
import dev.supportbot.workflows.engine.Event.LinkedTicketUpdated;
import dev.supportbot.workflows.engine.Event.ReminderDue;
import dev.supportbot.workflows.engine.Event.TicketUpdated;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.ownership.Fixtures.Setup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every text ownership verification can produce, over many paths through its transition table (those of
 * {@link PrivacyAndSecretsTest} and more, with agents known by their Slack ids), is written for people: no enum
 * names, no {@code slack:U...} ids.
 */
class ReadableTextsTest {
    private static final String AGENT = "slack:UAGENT2";

    private static List<Flow> flows() {
        List<Flow> flows = new ArrayList<>(PrivacyAndSecretsTest.manyFlows());
        for (Setup setup : Setup.values()) {
            for (Command command : List.of(OwnershipCommands.CONFIRM_CONTRACT, OwnershipCommands.REJECT, Command.CANCEL,
                    OwnershipCommands.ESCALATE)) {
                Flow waiting = withIgnoredComments(setup);
                waiting.send(new AgentCommand(command, AGENT));
                flows.add(waiting);

                Flow noName = new Flow(setup.portal());
                noName.send(new TicketUpdated(ticket("Help", "please", CUSTOMER), List.of()));
                noName.at(NOW.plus(Duration.ofDays(2))).send(new ReminderDue(1));
                noName.send(new AgentCommand(command, AGENT));
                flows.add(noName);
            }
            Flow escalated = withIgnoredComments(setup);
            escalated.send(new AgentCommand(OwnershipCommands.ESCALATE, AGENT));
            escalated.send(new EffectFailed(OwnershipVerification.ESCALATION_KEY, "GitLab answered 500"));
            escalated.send(new AgentCommand(OwnershipCommands.REJECT, AGENT));
            flows.add(escalated);

            Flow failedTicket = Flow.awaitingProof(setup, CUSTOMER);
            failedTicket.send(new EffectFailed(OwnershipVerification.SOLD_TO_TICKET_KEY, "Zendesk answered 422"));
            flows.add(failedTicket);
        }
        Flow noAccount = new Flow(new FakePortal().with(new FactRequest.SubscriptionByName(SUBSCRIPTION), Setup.SAAS_DIRECT.subscription()));
        noAccount.send(new TicketUpdated(ticket("About " + SUBSCRIPTION, "", CUSTOMER), List.of()));
        flows.add(noAccount);
        return flows;
    }

    /** Waiting on proof, the Sold To asked, with comments the rules ignore (each gets a note) and Sold To replies. */
    private static Flow withIgnoredComments(Setup setup) {
        Flow flow = Flow.awaitingProof(setup, CUSTOMER);
        flow.send(new EffectSucceeded(OwnershipVerification.SOLD_TO_TICKET_KEY, Map.of(Effect.OpenSeparateTicket.TICKET_ID, "987")));
        flow.comments(CUSTOMER,
                comment(30, STAFF, false, "I can vouch for Carol, she runs the account."),
                comment(31, BILL_TO, false, "I approve this."),
                fromRequester(32, CUSTOMER, "Here it is: {\"id\": 7, \"name\": \"acme\"}"));
        flow.send(new LinkedTicketUpdated(987, List.of(comment(33, SOLD_TO, false, "Who is this?"))));
        return flow;
    }

    @Test
    void no_text_shows_an_enum_name_or_an_internal_slack_id() {
        List<Flow> flows = flows();
        List<String> texts = flows.stream().flatMap(f -> ReadableTexts.of(f.allEffects).stream()).toList();

        // The sample reaches what the check is about: proofs, agents by Slack id, every kind of text.
        assertThat(flows).anySatisfy(f -> assertThat(f.state).isInstanceOf(OwnershipState.Verified.class));
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("Proofs offered: "));
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("approval from the Sold To contact"));
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("a Slack user"));
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("<@UAGENT2>"));
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("of 7 December 2026, 10:30 UTC on this ticket came from a staff address"));
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("The Bill To contact approved on this ticket (").contains("10:31 UTC"));
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("of 7 December 2026, 10:32 UTC holds JSON the bot does not recognise"));
        List<Effect> effects = flows.stream().flatMap(f -> f.allEffects.stream()).toList();
        for (Class<?> type : List.of(Effect.PublicComment.class, Effect.PrivateNote.class, Effect.SlackMessage.class,
                Effect.OpenSeparateTicket.class, Effect.OpenEscalationIssue.class, Effect.UpdateLinkedTicket.class)) {
            assertThat(effects).as(type.getSimpleName()).anyMatch(type::isInstance);
        }
        ReadableTexts.assertWrittenForPeopleIn(flows.stream().flatMap(f -> f.allEffects.stream()).toList());
    }

    @Test
    void the_check_fails_on_each_rule() {
        String signed = "Hello" + ReadableTexts.SIGN_OFF;
        for (Effect bad : List.of(
                new Effect.PrivateNote("rejected by email:jordan@vendor.example"),
                new Effect.PrivateNote("run /lnr cc assist TICKET in Slack"),
                new Effect.PrivateNote("expires 2026-12-10 10:55 UTC"),
                new Effect.SlackMessage("asked on December 10, 2026"),
                new Effect.PublicComment("run `sudo gitlab-rails runner`" + ReadableTexts.SIGN_OFF),
                new Effect.PublicComment("Hello\n\nThanks,\nL&R Support"),
                new Effect.PublicComment(signed + ReadableTexts.SIGN_OFF))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReadableTexts.assertWrittenForPeopleIn(List.of(bad)))
                    .as(bad.toString()).isInstanceOf(AssertionError.class);
        }
        ReadableTexts.assertWrittenForPeopleIn(List.of(new Effect.PublicComment(signed),
                new Effect.PrivateNote("expires 10 December 2026, 10:51 UTC; approved by Alex Morgan")));
    }

    @Test
    void the_check_catches_what_it_is_for() {
        var leaked = new Effect.SlackMessage("verified (SOLD_TO_APPROVAL) by slack:UAGENT2");
        assertThat(ReadableTexts.of(leaked)).singleElement().asString().containsPattern(ReadableTexts.ENUM_NAME);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReadableTexts.assertWrittenForPeople(ReadableTexts.of(leaked)))
                .isInstanceOf(AssertionError.class);
    }
}
