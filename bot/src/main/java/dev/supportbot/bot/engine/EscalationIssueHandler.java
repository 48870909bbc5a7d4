package dev.supportbot.bot.engine;

import dev.supportbot.bot.tracker.IssueTracker;
import dev.supportbot.bot.tracker.OwnershipEscalation;
import dev.supportbot.bot.tracker.TrackerIssue;
import dev.supportbot.workflows.engine.Effect;
import java.util.Map;

/** An escalation issue in the tracker, marked with the step's key and looked up by it before one is opened. */
final class EscalationIssueHandler implements EffectHandler<Effect.OpenEscalationIssue> {
    private final IssueTracker tracker;
    private final TicketLinks links;

    EscalationIssueHandler(IssueTracker tracker, TicketLinks links) {
        this.tracker = tracker;
        this.links = links;
    }

    @Override
    public Class<Effect.OpenEscalationIssue> type() {
        return Effect.OpenEscalationIssue.class;
    }

    @Override
    public Ran run(EffectStep step, Effect.OpenEscalationIssue effect, boolean retry) {
        long ticket = step.ticketId();
        TrackerIssue issue = tracker.escalateOwnershipChange(new OwnershipEscalation(ticket, links.of(ticket),
                null, null, null, effect.title(), effect.description(), "supportbot"), step.key());
        return Ran.with(Map.of(Effect.OpenEscalationIssue.ISSUE_URL, issue.url()));
    }
}
