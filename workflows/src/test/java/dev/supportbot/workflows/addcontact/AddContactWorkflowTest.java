package dev.supportbot.workflows.addcontact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Policy;
import dev.supportbot.workflows.engine.SlashCommand;
import dev.supportbot.workflows.engine.WorkflowRegistry;
import dev.supportbot.workflows.engine.WorkflowSetting;
import dev.supportbot.workflows.engine.WorkflowSettings;
import dev.supportbot.workflows.ownership.OwnershipVerification;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the bot reads from the workflow to wire it: kind, tags, commands, settings, what it requires. */
class AddContactWorkflowTest {
    final AddContact workflow = new AddContact();

    @Test
    void registers_beside_ownership_verification_and_requires_it() {
        WorkflowRegistry registry = WorkflowRegistry.of(new OwnershipVerification(), workflow);
        assertThat(registry.forStartTag("supportbot_start_add_contact")).containsSame(workflow);
        assertThat(registry.forKind("add_contact")).containsSame(workflow);
        assertThat(workflow.requires()).containsExactly(OwnershipVerification.KIND);
        assertThat(workflow.commandTags()).isEmpty();
        assertThat(workflow.buttonActions()).isEmpty();
        assertThat(workflow.initialState()).isEqualTo(new AddContactState.Requested());
        assertThat(workflow.stateType()).isEqualTo(AddContactState.class);
    }

    @Test
    void offers_a_starting_command_and_a_cancel_under_another_name() {
        List<SlashCommand> commands = workflow.slashCommands();
        assertThat(commands).extracting(SlashCommand::usage)
                .containsExactly("/lnr add-contact TICKET", "/lnr ac cancel TICKET");
        assertThat(commands.get(0).asCommand()).isEmpty();
        assertThat(commands.get(1).verb()).isEqualTo("cancel");
        assertThat(commands.get(1).asCommand()).contains(Command.CANCEL);
        assertThat(commands).allSatisfy(c -> assertThat(c.description()).isNotBlank());
        // One name either starts or commands (the /lnr router refuses a name that does both).
        assertThat(commands.get(0).name()).isNotEqualTo(commands.get(1).name());
    }

    @Test
    void settings_have_keys_environment_names_and_defaults() {
        assertThat(workflow.settings()).extracting(WorkflowSetting::key, WorkflowSetting::env, WorkflowSetting::defaultText)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("add_contact.approval_ttl", "BOT_ADD_CONTACT_APPROVAL_TTL", "72h"),
                        org.assertj.core.groups.Tuple.tuple("add_contact.reminder_1", "BOT_ADD_CONTACT_REMINDER_1", "2d"),
                        org.assertj.core.groups.Tuple.tuple("add_contact.reminder_2", "BOT_ADD_CONTACT_REMINDER_2", "4d"),
                        org.assertj.core.groups.Tuple.tuple("add_contact.expiry", "BOT_ADD_CONTACT_EXPIRY", "7d"),
                        org.assertj.core.groups.Tuple.tuple("add_contact.sign_up_url", "BOT_ADD_CONTACT_SIGN_UP_URL",
                                "https://customers.gitlab.com/customers/sign_up"),
                        org.assertj.core.groups.Tuple.tuple("billing.team", "BOT_BILLING_TEAM", "Billing"),
                        org.assertj.core.groups.Tuple.tuple("billing.handoff_tag", "BOT_BILLING_HANDOFF_TAG", "billing_handoff"));
        assertThat(AddContactSettings.APPROVAL_TTL.defaultValue()).isEqualTo(Duration.ofHours(72));
    }

    @Test
    void reminders_not_before_the_expiry_are_left_out() {
        Context ctx = new Context(Sandbox.NOW, Policy.defaults(), WorkflowSettings.defaults()
                .with(AddContactSettings.ANSWER.reminder2(), Duration.ofDays(8)));
        assertThat(AddContactSettings.ANSWER.reminders(ctx)).containsExactly(
                new Effect.ScheduleReminder(1, Duration.ofDays(2)),
                new Effect.ScheduleReminder(AddContactSettings.ANSWER_EXPIRY, Duration.ofDays(7)));
    }
}
