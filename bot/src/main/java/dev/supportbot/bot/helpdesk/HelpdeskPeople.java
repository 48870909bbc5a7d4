package dev.supportbot.bot.helpdesk;

import java.util.List;

/**
 * The people the sandbox helpdesk is seeded with: requesters matching the sandbox portal's companies, an account
 * manager (who asks for typo fixes), two support agents and two approvers (Zendesk agents with Slack accounts), and
 * the bot's own Zendesk user.
 */
public final class HelpdeskPeople {
    private HelpdeskPeople() {}

    /** STAFF: the vendor's own people who are not agents (an account manager), end users in Zendesk. */
    public enum Role { END_USER, STAFF, AGENT, APPROVER, BOT }

    /** One person: their Zendesk user id, and their Slack user id where they have one. */
    public record Person(long zendeskId, String name, String email, Role role, String slackId) {
        public String zendeskRole() {
            return role == Role.END_USER || role == Role.STAFF ? "end-user" : "agent";
        }
    }

    public static final Person BOT = new Person(9001, "supportbot", "supportbot@gitlab.com", Role.BOT, null);

    public static final List<Person> ALL = List.of(
            BOT,
            new Person(9101, "Jordan Kim", "jordan.kim@gitlab.com", Role.AGENT, "U0SBAGENT1"),
            new Person(9102, "Priya Shah", "priya.shah@gitlab.com", Role.AGENT, "U0SBAGENT2"),
            new Person(9201, "Alex Morgan", "alex.morgan@gitlab.com", Role.APPROVER, "U0SBAPPRV1"),
            new Person(9202, "Chris Novak", "chris.novak@gitlab.com", Role.APPROVER, "U0SBAPPRV2"),
            new Person(9301, "Sam Rivera", "sam@acme.example", Role.END_USER, null),
            new Person(9302, "Pat Lee", "pat@acme.example", Role.END_USER, null),
            new Person(9303, "Rita Ortega", "rita@globex.example", Role.END_USER, null),
            new Person(9304, "Milton Waddams", "milton@initech.example", Role.END_USER, null),
            new Person(9305, "Alice Abernathy", "alice@umbrella.example", Role.END_USER, null),
            new Person(9306, "Gavin Belson", "gavin@hooli.example", Role.END_USER, null),
            new Person(9307, "Art Vandelay", "art@vandelay.example", Role.END_USER, null),
            new Person(9308, "Bo Chan", "billing@acme.example", Role.END_USER, null),
            new Person(9401, "Avery Manager", "avery.manager@gitlab.com", Role.STAFF, null));

    /** The Slack user group of the approvers ({@code usergroups.users.list}). */
    public static final String APPROVERS_GROUP = "S0SBAPPROVERS";

    public static List<Person> withRole(Role role) {
        return ALL.stream().filter(p -> p.role() == role).toList();
    }

    public static List<String> slackIds(Role role) {
        return withRole(role).stream().map(Person::slackId).toList();
    }
}
