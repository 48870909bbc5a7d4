package dev.supportbot.workflows.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.SlashCommand;
import org.junit.jupiter.api.Test;

class CommandTagsTest {
    @Test
    void the_macro_tags_name_the_commands_agents_give_by_macro() {
        assertThat(new OwnershipVerification().commandTags())
                .containsOnlyKeys("supportbot_ov_contract_confirmed", "supportbot_ov_escalate")
                .containsEntry("supportbot_ov_contract_confirmed", OwnershipCommands.CONFIRM_CONTRACT)
                .containsEntry("supportbot_ov_escalate", OwnershipCommands.ESCALATE);
    }

    @Test
    void no_command_tag_is_also_a_state_tag_the_workflow_sets_itself() {
        // The bot removes command tags after reading them; a state tag among them would be removed too.
        assertThat(new OwnershipVerification().commandTags().keySet())
                .doesNotContain(OwnershipTags.START, OwnershipTags.AWAITING_PROOF, OwnershipTags.VERIFIED,
                        OwnershipTags.ESCALATED, OwnershipTags.AWAITING_SUBSCRIPTION);
    }

    @Test
    void slack_offers_verify_to_start_and_the_ov_verbs_with_their_commands() {
        var commands = new OwnershipVerification().slashCommands();
        assertThat(commands).filteredOn(c -> c.name().equals("verify")).singleElement()
                .satisfies(c -> assertThat(c.asCommand()).isEmpty());
        assertThat(commands).filteredOn(c -> c.name().equals("ov"))
                .extracting(SlashCommand::verb, SlashCommand::command)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("confirm-contract", OwnershipCommands.CONFIRM_CONTRACT),
                        org.assertj.core.groups.Tuple.tuple("escalate", OwnershipCommands.ESCALATE),
                        org.assertj.core.groups.Tuple.tuple("reject", OwnershipCommands.REJECT),
                        org.assertj.core.groups.Tuple.tuple("cancel", Command.CANCEL));
        assertThat(commands).allSatisfy(c -> assertThat(c.usage()).startsWith("/lnr " + c.name() + " ").endsWith("TICKET"));
    }
}
