package dev.supportbot.workflows.engine;

import java.util.regex.Pattern;

/**
 * How texts name a person the bot knows by an id: {@code slack:U123 Jane Doe} (a Slack user with the name Slack gave
 * when they acted; {@code slack:U123} when Slack gave none), {@code email:a@b.example Jordan Kim} (a Zendesk agent,
 * with the name the trigger sent when it sent one), or a name already written for people. In Slack a Slack user is a
 * mention ({@code <@U123>}), which Slack shows as their name; everywhere else it is their name, or "a Slack user" when
 * it is unknown (a name that is only the id again, as a Slack without profiles gives, is no name). No text shows the
 * {@code slack:} or {@code email:} form.
 */
public final class People {
    private static final Pattern SLACK_ID = Pattern.compile("[UW][A-Z0-9]{1,20}");

    private People() {}

    /** For a Zendesk note or a ticket: the name, "a Slack user", the agent's address, or the name as given. */
    public static String inNote(String who) {
        String slack = slackId(who);
        if (slack != null) {
            String name = who.substring("slack:".length() + slack.length()).strip();
            return name.isEmpty() || name.equals(slack) ? "a Slack user" : name;
        }
        if (who != null && who.startsWith("email:")) {
            String rest = who.substring("email:".length()).strip();
            int space = rest.indexOf(' ');
            return space < 0 ? rest : rest.substring(space + 1).strip();
        }
        return who == null || who.isBlank() ? "an agent" : who;
    }

    /** For a Slack message: a mention {@code <@U123>} that Slack shows as the person's name, else as {@link #inNote}. */
    public static String inSlack(String who) {
        String slack = slackId(who);
        return slack != null ? "<@" + slack + ">" : inNote(who);
    }

    private static String slackId(String who) {
        if (who == null || !who.startsWith("slack:")) return null;
        String rest = who.substring("slack:".length());
        int space = rest.indexOf(' ');
        String id = space < 0 ? rest : rest.substring(0, space);
        return SLACK_ID.matcher(id).matches() ? id : null;
    }
}
