package dev.supportbot.workflows.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.engine.Command;
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
}
