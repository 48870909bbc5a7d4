package dev.supportbot.bot.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.helpdesk.ZendeskRecords.NewComment;
import dev.supportbot.bot.helpdesk.ZendeskRecords.User;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Zendesk stand-in moves a ticket's status as Zendesk does when a change names none: an agent's public reply waits
 * on the requester, any other agent change takes a new ticket on, the requester's reply reopens what waited or was
 * solved.
 */
class SandboxTicketStatusTest {
    private static final User AGENT = new User(9101, "Jordan Kim", "jordan.kim@gitlab.com", "agent");
    private static final User REQUESTER = new User(9301, "Sam Rivera", "sam@acme.example", "end-user");

    @ParameterizedTest(name = "{0}, {1} by the {2}: {3}")
    @CsvSource({
            "new,     public reply, agent,     pending",
            "open,    public reply, agent,     pending",
            "new,     private note, agent,     open",
            "new,     tags only,    agent,     open",
            "pending, private note, agent,     pending",
            "closed,  public reply, agent,     closed",
            "pending, public reply, requester, open",
            "solved,  public reply, requester, open",
            "hold,    public reply, requester, open",
            "new,     public reply, requester, new",
            "open,    tags only,    requester, open"})
    void a_change_without_a_status_moves_it_as_zendesk_does(String before, String change, String who, String after) {
        NewComment comment = switch (change) {
            case "public reply" -> new NewComment(1, true, "text", List.of());
            case "private note" -> new NewComment(1, false, "text", List.of());
            default -> null;
        };
        assertThat(SandboxZendesk.statusAfter(before, who.equals("agent") ? AGENT : REQUESTER, comment)).isEqualTo(after);
    }
}
