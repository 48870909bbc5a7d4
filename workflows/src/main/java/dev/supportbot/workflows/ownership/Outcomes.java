package dev.supportbot.workflows.ownership;

import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.ownership.OwnershipState.Cancelled;
import dev.supportbot.workflows.ownership.OwnershipState.Escalated;
import dev.supportbot.workflows.ownership.OwnershipState.Evidence;
import dev.supportbot.workflows.ownership.OwnershipState.Expired;
import dev.supportbot.workflows.ownership.OwnershipState.Rejected;
import dev.supportbot.workflows.ownership.OwnershipState.SoldToRequest;
import dev.supportbot.workflows.ownership.OwnershipState.Verified;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The ends of a verification, each with its tags, comments, notes and reminder handling. */
final class Outcomes {
    private static final Set<String> OPEN_TAGS =
            Set.of(OwnershipTags.AWAITING_SUBSCRIPTION, OwnershipTags.AWAITING_PROOF, OwnershipTags.ESCALATED);

    private Outcomes() {}

    static Decision<OwnershipState> verified(long ticketId, String subscription, Evidence evidence,
                                             SoldToRequest soldTo, Context ctx) {
        return Decision.of(new Verified(ticketId, subscription, evidence, ctx.now()),
                new Effect.PublicComment(Messages.verified(subscription)),
                new Effect.RemoveTags(OPEN_TAGS),
                new Effect.AddTags(Set.of(OwnershipTags.VERIFIED)),
                new Effect.CancelReminders(),
                new Effect.PrivateNote(InternalNotes.verified(evidence, soldTo)),
                new Effect.SlackMessage(InternalNotes.slackVerified(ticketId, subscription, evidence.kind())));
    }

    static Decision<OwnershipState> rejected(long ticketId, String subscription, String reason, Context ctx) {
        return Decision.of(new Rejected(ticketId, subscription, reason, ctx.now()),
                new Effect.PublicComment(Messages.rejected(subscription)),
                new Effect.RemoveTags(OPEN_TAGS),
                new Effect.AddTags(Set.of(OwnershipTags.REJECTED)),
                new Effect.CancelReminders(),
                new Effect.PrivateNote(InternalNotes.rejected(reason)),
                new Effect.SlackMessage(InternalNotes.slackRejected(ticketId, subscription, reason)));
    }

    static Decision<OwnershipState> escalated(long ticketId, String subscription, String agent, Context ctx) {
        return Decision.of(new Escalated(ticketId, subscription, agent, null, null, ctx.now()),
                new Effect.OpenEscalationIssue(OwnershipVerification.ESCALATION_KEY, OwnershipVerification.ESCALATION_TEMPLATE,
                        InternalNotes.escalationTitle(ticketId, subscription),
                        InternalNotes.escalationDescription(ticketId, subscription, agent)),
                new Effect.CancelReminders(),
                new Effect.RemoveTags(Set.of(OwnershipTags.AWAITING_SUBSCRIPTION, OwnershipTags.AWAITING_PROOF)),
                new Effect.AddTags(Set.of(OwnershipTags.ESCALATED)),
                new Effect.PublicComment(Messages.escalated()),
                new Effect.PrivateNote(InternalNotes.escalated(agent)),
                new Effect.SlackMessage(InternalNotes.slackEscalated(ticketId, subscription, agent)));
    }

    static Decision<OwnershipState> cancelled(long ticketId, String subscription, String agent, Context ctx) {
        return Decision.of(new Cancelled(ticketId, subscription, agent, ctx.now()),
                new Effect.CancelReminders(),
                new Effect.RemoveTags(OPEN_TAGS),
                new Effect.AddTags(Set.of(OwnershipTags.CANCELLED)),
                new Effect.PrivateNote(InternalNotes.cancelled(agent)));
    }

    static Decision<OwnershipState> expired(long ticketId, String subscription, Context ctx) {
        return Decision.of(new Expired(ticketId, subscription, ctx.now()),
                new Effect.PublicComment(Messages.expired()),
                new Effect.RemoveTags(OPEN_TAGS),
                new Effect.AddTags(Set.of(OwnershipTags.EXPIRED)),
                new Effect.CancelReminders(),
                new Effect.PrivateNote(InternalNotes.expired()),
                new Effect.SetTicketStatus("solved"));
    }

    /** Reminders 1..n and the expiry, all counted from now. */
    static List<Effect> scheduleReminders(Context ctx) {
        List<Effect> effects = new ArrayList<>();
        List<Duration> delays = OwnershipSettings.reminderDelays(ctx);
        for (int i = 0; i < delays.size(); i++) effects.add(new Effect.ScheduleReminder(i + 1, delays.get(i)));
        effects.add(new Effect.ScheduleReminder(OwnershipSettings.EXPIRY_SEQUENCE, ctx.setting(OwnershipSettings.EXPIRY)));
        return effects;
    }
}
