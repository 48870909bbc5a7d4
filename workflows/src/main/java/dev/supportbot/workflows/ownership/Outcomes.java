package dev.supportbot.workflows.ownership;

import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.ownership.OwnershipState.Cancelled;
import dev.supportbot.workflows.ownership.OwnershipState.Escalated;
import dev.supportbot.workflows.ownership.OwnershipState.Evidence;
import dev.supportbot.workflows.ownership.OwnershipState.Expired;
import dev.supportbot.workflows.ownership.OwnershipState.Rejected;
import dev.supportbot.workflows.ownership.OwnershipState.Verified;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The ends of a verification, each with its tags, comments, notes and reminder handling. {@code soldToTicket} is the
 * approval request ticket to the Sold To contact when one is open (else null): its contact is told how the request
 * ended, without the requester's address, and the bot solves it.
 */
final class Outcomes {
    private static final Set<String> OPEN_TAGS =
            Set.of(OwnershipTags.AWAITING_SUBSCRIPTION, OwnershipTags.AWAITING_PROOF, OwnershipTags.ESCALATED);
    private static final String SOLVED = "solved";

    private Outcomes() {}

    /** @param agent the agent who verified by hand (a prior contract), else null */
    static Decision<OwnershipState> verified(long ticketId, String subscription, Evidence evidence, Long soldToTicket,
                                             String agent, Context ctx) {
        List<Effect> effects = new ArrayList<>(List.of(
                new Effect.PublicComment(Messages.verified(subscription)),
                new Effect.RemoveTags(OPEN_TAGS),
                new Effect.AddTags(Set.of(OwnershipTags.VERIFIED)),
                new Effect.CancelReminders(),
                new Effect.PrivateNote(InternalNotes.verified(evidence, soldToTicket))));
        if (soldToTicket != null) {
            boolean theirs = evidence.kind() == ProofKind.SOLD_TO_APPROVAL;
            effects.add(new Effect.UpdateLinkedTicket(soldToTicket,
                    theirs ? Messages.soldToThanks(subscription, ticketId) : Messages.soldToNoLongerNeeded(subscription, ticketId), SOLVED));
        }
        effects.add(SlackPosts.verified(ticketId, subscription, evidence.kind(), agent));
        return Decision.of(new Verified(ticketId, subscription, evidence, ctx.now()), effects);
    }

    /**
     * @param reason why, for agents (e.g. "after escalation"), or null
     * @param agent  the agent who rejected, or null when the Sold To contact declined
     * @param soldToDeclined the Sold To contact declined on their ticket
     */
    static Decision<OwnershipState> rejected(long ticketId, String subscription, String reason, String agent,
                                             Long soldToTicket, boolean soldToDeclined, Context ctx) {
        String note = InternalNotes.rejected(reason, agent);
        List<Effect> effects = new ArrayList<>(List.of(
                new Effect.PublicComment(Messages.rejected(subscription)),
                new Effect.RemoveTags(OPEN_TAGS),
                new Effect.AddTags(Set.of(OwnershipTags.REJECTED)),
                new Effect.CancelReminders(),
                new Effect.PrivateNote(note)));
        if (soldToTicket != null) {
            effects.add(new Effect.UpdateLinkedTicket(soldToTicket, soldToDeclined
                    ? Messages.soldToDeclinedNoted(subscription, ticketId) : Messages.soldToClosedWithoutChange(subscription, ticketId), SOLVED));
        }
        effects.add(SlackPosts.rejected(ticketId, subscription, reason, agent));
        return Decision.of(new Rejected(ticketId, subscription, InternalNotes.rejectedReason(reason, agent), ctx.now()), effects);
    }

    static Decision<OwnershipState> escalated(long ticketId, String subscription, String agent, Long soldToTicket, Context ctx) {
        return Decision.of(new Escalated(ticketId, subscription, agent, null, null, ctx.now(), soldToTicket),
                new Effect.OpenEscalationIssue(OwnershipVerification.ESCALATION_KEY, OwnershipVerification.ESCALATION_TEMPLATE,
                        InternalNotes.escalationTitle(ticketId, subscription),
                        InternalNotes.escalationDescription(ticketId, subscription, agent)),
                new Effect.CancelReminders(),
                new Effect.RemoveTags(Set.of(OwnershipTags.AWAITING_SUBSCRIPTION, OwnershipTags.AWAITING_PROOF)),
                new Effect.AddTags(Set.of(OwnershipTags.ESCALATED)),
                new Effect.PublicComment(Messages.escalated()),
                new Effect.PrivateNote(InternalNotes.escalated(agent)),
                SlackPosts.escalated(ticketId, subscription, agent));
    }

    static Decision<OwnershipState> cancelled(long ticketId, String subscription, String agent, Long soldToTicket, Context ctx) {
        List<Effect> effects = new ArrayList<>(List.of(
                new Effect.CancelReminders(),
                new Effect.RemoveTags(OPEN_TAGS),
                new Effect.AddTags(Set.of(OwnershipTags.CANCELLED)),
                new Effect.PrivateNote(InternalNotes.cancelled(agent))));
        if (soldToTicket != null) {
            effects.add(new Effect.UpdateLinkedTicket(soldToTicket, Messages.soldToClosedWithoutChange(subscription, ticketId), SOLVED));
        }
        return Decision.of(new Cancelled(ticketId, subscription, agent, ctx.now()), effects);
    }

    static Decision<OwnershipState> expired(long ticketId, String subscription, Long soldToTicket, Context ctx) {
        List<Effect> effects = new ArrayList<>(List.of(
                new Effect.PublicComment(Messages.expired()),
                new Effect.RemoveTags(OPEN_TAGS),
                new Effect.AddTags(Set.of(OwnershipTags.EXPIRED)),
                new Effect.CancelReminders(),
                new Effect.PrivateNote(InternalNotes.expired()),
                new Effect.SetTicketStatus(SOLVED)));
        if (soldToTicket != null) {
            effects.add(new Effect.UpdateLinkedTicket(soldToTicket, Messages.soldToClosedWithoutChange(subscription, ticketId), SOLVED));
        }
        return Decision.of(new Expired(ticketId, subscription, ctx.now()), effects);
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
