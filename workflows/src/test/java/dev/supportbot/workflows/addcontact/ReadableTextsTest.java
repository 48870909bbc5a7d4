package dev.supportbot.workflows.addcontact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.ReadableTexts;
import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Event;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every text adding a contact can produce, over the paths of {@link PrivacyAndSecretsTest} (approvers known by their
 * Slack ids), a cancellation by a Slack user and a sign-up that never happens, is written for people: no enum names, no {@code slack:U...} ids.
 */
class ReadableTextsTest {

    @Test
    void no_text_shows_an_enum_name_or_an_internal_slack_id() {
        List<Flow> flows = new ArrayList<>(PrivacyAndSecretsTest.manyFlows());
        Flow cancelled = PrivacyAndSecretsTest.started(Sandbox.seeded(), Sandbox.SAM_RIVERA);
        cancelled.send(new Event.AgentCommand(Command.CANCEL, "slack:UAGENT2"));
        flows.add(cancelled);
        Flow signUp = SignUpTest.asked();
        signUp.send(SignUpTest.replies("Done."));
        signUp.after(java.time.Duration.ofDays(2)).send(new Event.ReminderDue(1));
        signUp.after(java.time.Duration.ofDays(5)).send(new Event.ReminderDue(3));
        flows.add(signUp);
        List<String> texts = flows.stream().flatMap(f -> ReadableTexts.of(f.allEffects).stream()).toList();

        assertThat(texts).anySatisfy(t -> assertThat(t).contains("is verified with an invoice"));
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("approved by a Slack user"));
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("Rejected by <@UAPPROVER>"));
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("cancelled by a Slack user"));
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("(UTC)"));
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("did not create a Customers Portal account"));
        ReadableTexts.assertWrittenForPeopleIn(flows.stream().flatMap(f -> f.allEffects.stream()).toList());
    }
}
