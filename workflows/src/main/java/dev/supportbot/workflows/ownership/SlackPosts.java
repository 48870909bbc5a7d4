package dev.supportbot.workflows.ownership;

import dev.supportbot.workflows.engine.Effect.SlackMessage;
import dev.supportbot.workflows.engine.Effect.SlackMessage.Button;
import dev.supportbot.workflows.engine.Effect.SlackMessage.Field;
import dev.supportbot.workflows.engine.People;
import java.util.ArrayList;
import java.util.List;

/** The workflow's posts in the team's Slack channel: a title, the subscription, the outcome, who acted, buttons. */
final class SlackPosts {
    /** Button action ids; {@link OwnershipVerification#buttonActions()} routes them to the running instance. */
    static final String ESCALATE_BUTTON = "ownership_escalate";
    static final String CANCEL_BUTTON = "ownership_cancel";

    private static final List<Button> WHILE_WAITING = List.of(
            new Button(ESCALATE_BUTTON, "Escalate", false), new Button(CANCEL_BUTTON, "Cancel", true));

    private SlackPosts() {}

    static SlackMessage verified(long ticketId, String subscription, ProofKind kind, String agent) {
        String outcome = "verified with " + kind.words();
        return new SlackMessage("Ticket #" + ticketId + ": ownership of " + subscription + " " + outcome + ".",
                "Ownership verified", fields(subscription, outcome, agent), List.of());
    }

    static SlackMessage rejected(long ticketId, String subscription, String reason, String agent) {
        String outcome = "not verified" + (reason == null ? "" : ": " + reason);
        String by = agent == null ? "" : " by " + People.inSlack(agent);
        return new SlackMessage("Ticket #" + ticketId + ": ownership verification for " + name(subscription) + " rejected"
                + by + (reason == null ? "" : " (" + reason + ")") + ".",
                "Ownership verification rejected", fields(subscription, outcome, agent), List.of());
    }

    static SlackMessage escalated(long ticketId, String subscription, String agent) {
        return new SlackMessage("Ticket #" + ticketId + ": ownership verification for " + name(subscription)
                + " escalated to Legal & Compliance by " + People.inSlack(agent) + ".",
                "Ownership verification escalated", fields(subscription, "escalated to Legal & Compliance", agent), List.of());
    }

    /**
     * Something the bot could not do; {@code waiting}: the verification still waits on the requester, so an agent can
     * escalate or cancel it from the message.
     */
    static SlackMessage effectFailed(long ticketId, String subscription, String what, String reason, boolean waiting) {
        List<Field> fields = new ArrayList<>(fields(subscription, "could not " + what + " (" + reason + ")", null));
        fields.add(new Field("Next", "see the ticket's internal note"));
        return new SlackMessage("Ticket #" + ticketId + ": could not " + what + " (" + reason + "). See the ticket's internal note.",
                "Ownership verification needs an agent", fields, waiting ? WHILE_WAITING : List.of());
    }

    private static List<Field> fields(String subscription, String outcome, String agent) {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("Subscription", name(subscription)));
        fields.add(new Field("Outcome", outcome));
        if (agent != null) fields.add(new Field("By", People.inSlack(agent)));
        return fields;
    }

    private static String name(String subscription) {
        return subscription == null ? "not identified yet" : subscription;
    }
}
