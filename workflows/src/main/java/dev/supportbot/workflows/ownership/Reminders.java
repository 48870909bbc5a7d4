package dev.supportbot.workflows.ownership;

import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event.ReminderDue;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.ownership.OwnershipState.AwaitingProof;
import dev.supportbot.workflows.ownership.OwnershipState.SoldToRequest;
import dev.supportbot.workflows.ownership.OwnershipState.Waiting;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Reminders and expiry while the requester owes an answer. A reminder counts only if it is due for the current
 * wait (counted from {@code askedAt}) and not yet sent: so a late reminder from an earlier wait, or one delivered
 * twice, does nothing.
 */
final class Reminders {
    private Reminders() {}

    static Decision<OwnershipState> remind(Waiting state, ReminderDue event, Facts facts, Context ctx) {
        int sequence = event.sequence();
        OwnershipState current = (OwnershipState) state;
        if (sequence < 1 || sequence > OwnershipSettings.EXPIRY_SEQUENCE) return Decision.unchanged(current);
        Instant due = state.askedAt().plus(OwnershipSettings.delayOf(sequence, ctx)).minus(ctx.policy().clockSkew());
        if (ctx.now().isBefore(due)) return Decision.unchanged(current);

        String subscription = state instanceof AwaitingProof p ? p.subscriptionName() : null;
        if (sequence == OwnershipSettings.EXPIRY_SEQUENCE) {
            Long soldTo = state instanceof AwaitingProof p ? SoldToRequest.openTicket(p.soldTo()) : null;
            return Outcomes.expired(state.ticketId(), subscription, soldTo, ctx);
        }
        if (sequence <= state.remindersSent()) return Decision.unchanged(current);

        LocalDate closesOn = LocalDate.ofInstant(state.askedAt().plus(ctx.setting(OwnershipSettings.EXPIRY)), ZoneOffset.UTC);
        String text = subscription == null
                ? Messages.reminderForSubscriptionName(closesOn)
                : Messages.reminderForProof(subscription, closesOn);
        return Decision.of(state.withRemindersSent(sequence), new Effect.PublicComment(text));
    }
}
