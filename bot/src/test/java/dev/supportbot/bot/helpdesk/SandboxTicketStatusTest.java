package dev.supportbot.bot.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.helpdesk.ZendeskRecords.NewComment;
import dev.supportbot.bot.helpdesk.ZendeskRecords.User;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Zendesk stand-in moves a ticket's status as Zendesk does when a change names none. */
class SandboxTicketStatusTest {
    private static final User AGENT = new User(9101, "Jordan Kim", "jordan.kim@gitlab.com", "agent");
    private static final User REQUESTER = new User(9301, "Sam Rivera", "sam@acme.example", "end-user");
    private static final NewComment PUBLIC = new NewComment(1, true, "text", List.of());
    private static final NewComment NOTE = new NewComment(1, false, "text", List.of());

    @Test
    void an_agents_public_reply_waits_on_the_requester_and_any_other_agent_change_takes_a_new_ticket_on() {
        assertThat(SandboxZendesk.statusAfter("new", AGENT, PUBLIC)).isEqualTo("pending");
        assertThat(SandboxZendesk.statusAfter("open", AGENT, PUBLIC)).isEqualTo("pending");
        assertThat(SandboxZendesk.statusAfter("new", AGENT, NOTE)).isEqualTo("open");
        assertThat(SandboxZendesk.statusAfter("new", AGENT, null)).isEqualTo("open");
        assertThat(SandboxZendesk.statusAfter("pending", AGENT, NOTE)).isEqualTo("pending");
        assertThat(SandboxZendesk.statusAfter("closed", AGENT, PUBLIC)).isEqualTo("closed");
    }

    @Test
    void the_requesters_reply_reopens_a_ticket_that_waited_or_was_solved() {
        assertThat(SandboxZendesk.statusAfter("pending", REQUESTER, PUBLIC)).isEqualTo("open");
        assertThat(SandboxZendesk.statusAfter("solved", REQUESTER, PUBLIC)).isEqualTo("open");
        assertThat(SandboxZendesk.statusAfter("hold", REQUESTER, PUBLIC)).isEqualTo("open");
        assertThat(SandboxZendesk.statusAfter("new", REQUESTER, PUBLIC)).isEqualTo("new");
        assertThat(SandboxZendesk.statusAfter("open", REQUESTER, null)).isEqualTo("open");
    }
}
