package dev.supportbot.workflows.changecontact;

import static dev.supportbot.workflows.approved.Phases.asking;
import static dev.supportbot.workflows.changecontact.Flow.BO;
import static dev.supportbot.workflows.changecontact.Flow.SAM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.ReadableTexts;
import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text of a contact change over its main paths (self-service with reminders and expiry, the support-assisted
 * plan approved, rejected, failed, or cancelled by a Slack user without a name) is written for people.
 */
class ReadableTextsTest {

    @Test
    void no_text_breaks_a_rule() {
        Flow selfService = new Flow(BO);
        selfService.start();
        selfService.after(Duration.ofDays(8)).send(new Event.ReminderDue(1));

        Flow approved = Flow.assistedAwaitingApproval(SAM);
        approved.approved(7, "slack:UAPPROVER1 Alex Morgan", "slack:UAPPROVER2");
        approved.runAllSteps();

        Flow rejected = Flow.assistedAwaitingApproval(SAM);
        String hash = asking(rejected.state).planHash();
        rejected.send(new Event.ApprovalDecided(7, hash, false, List.of("slack:UAPPROVER1"), "wrong account"));

        Flow failed = Flow.assistedAwaitingApproval(SAM);
        failed.approved(7, "slack:UAPPROVER1 Alex Morgan", "slack:UAPPROVER2 Bea Lin");
        failed.stepFailed("the portal answered 500");

        Flow cancelled = Flow.assistedAwaitingApproval(SAM);
        cancelled.send(new Event.AgentCommand(Command.CANCEL, "slack:UAGENT2"));

        List<Effect> effects = Stream.of(selfService, approved, rejected, failed, cancelled)
                .flatMap(f -> f.allEffects.stream()).toList();
        List<String> texts = ReadableTexts.of(effects);
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("approved by Alex Morgan, a Slack user"));
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("cancelled by a Slack user"));
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("/lnr cc assist " + Flow.TICKET));
        assertThat(ReadableTexts.publicOf(effects)).hasSizeGreaterThan(2);
        ReadableTexts.assertWrittenForPeopleIn(effects);
    }
}
