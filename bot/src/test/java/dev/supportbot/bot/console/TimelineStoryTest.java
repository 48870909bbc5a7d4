package dev.supportbot.bot.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The audit entries of the README walk-through as lines of a story: words, names, no ids, nothing said twice. */
class TimelineStoryTest {

    @Test
    void a_decision_says_what_happened_the_state_it_moved_to_and_what_the_bot_did() {
        assertThat(TimelineStory.line("decision", "zendesk:ticket-10001",
                "ownership_verification v2: AwaitingProof -> Verified on TicketUpdated (6 effects); effects: PublicComment, RemoveTags,"
                        + " AddTags, CancelReminders, PrivateNote, SlackMessage"))
                .hasValue("Ownership verification: the ticket changed; now verified. The bot replied publicly, changed the tags,"
                        + " cancelled its reminders, wrote a private note and posted in Slack.");
        assertThat(TimelineStory.line("decision", "supportbot",
                "add_contact v2: Planning -> AwaitingApproval on EffectSucceeded (3 effects); effects: RequestApproval, PrivateNote, ScheduleReminder"))
                .hasValue("Add contact: a step it took was done; now awaiting approval. The bot asked the approvers in Slack,"
                        + " wrote a private note and set a reminder.");
    }

    @Test
    void what_tells_nothing_new_has_no_line() {
        assertThat(TimelineStory.line("decision", "supportbot",
                "add_contact v3: AwaitingApproval -> AwaitingApproval on EffectSucceeded (0 effects)")).isEmpty();
        assertThat(TimelineStory.line("decision", "supportbot",
                "add_contact v1: Requested -> Requested on TicketUpdated (1 effects); effects: Continue")).isEmpty();
        assertThat(TimelineStory.line("effect", "supportbot", "PublicComment+RemoveTags+AddTags done")).isEmpty();
    }

    @Test
    void approvals_and_plan_steps_name_people_never_their_ids() {
        assertThat(TimelineStory.line("approval approved", "slack:U0SBAPPRV1 Alex Morgan",
                "approval 1 of plan c9aaae05b679: 1 of 1 approvals")).hasValue("Alex Morgan approved the plan (approval 1, 1 of 1 approvals).");
        assertThat(TimelineStory.line("approval rejected", "slack:UANN", "approval 2 of plan c9aa: reason: Wrong customer"))
                .hasValue("A Slack user rejected the plan (approval 2): Wrong customer.");
        assertThat(TimelineStory.line("approval requested", "supportbot",
                "approval 1 of plan c9aa, 1 approver(s) needed, started by email:jordan.kim@gitlab.com"))
                .hasValue("The plan went to the approvers in Slack (approval 1).");
        assertThat(TimelineStory.line("plan step", "supportbot",
                "approval 1, step 1: Add Sam Rivera <sam@acme.example> (customer 1102) as a member of billing account A00001001"))
                .hasValue("Step 1 of the plan, done in the portal: Add Sam Rivera <sam@acme.example> (customer 1102) as a member of"
                        + " billing account A00001001.");
    }
}
