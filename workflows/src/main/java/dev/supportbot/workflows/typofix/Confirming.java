package dev.supportbot.workflows.typofix;

import dev.supportbot.workflows.domain.Emails;
import dev.supportbot.workflows.approved.Gated;
import dev.supportbot.workflows.engine.Comment;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Effect.UpdateApproval.Phase;
import dev.supportbot.workflows.engine.Event.ReminderDue;
import dev.supportbot.workflows.engine.Event.TicketUpdated;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.typofix.TypoFixState.Gate;
import dev.supportbot.workflows.typofix.TypoFixState.AwaitingConfirmation;
import dev.supportbot.workflows.typofix.TypoFixState.Expired;
import dev.supportbot.workflows.typofix.TypoFixState.Wait;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Step 4: the AM (the ticket's requester) confirms the corrected address in writing. A reply whose first address is
 * the one asked about, or without an address that says yes, confirms it; a reply whose first address is another one
 * is a correction: that address is asked about anew, with fresh reminders. Only the first address counts, so the
 * question quoted below a correction does not confirm it. Other replies change nothing.
 */
final class Confirming {
    private Confirming() {}

    static Decision<TypoFixState> reply(AwaitingConfirmation s, TicketUpdated e, Facts facts, Context ctx) {
        String mistyped = s.target().mistypedEmail();
        AwaitingConfirmation current = s;
        List<Effect> effects = new ArrayList<>();
        for (Comment comment : e.newComments()) {
            if (!comment.byRequester()) continue;
            List<String> written = Addresses.in(comment.body(), List.of(mistyped));
            String proposed = current.proposedEmail();
            boolean confirms = written.isEmpty() ? Addresses.saysYes(comment.body()) : Emails.sameAddress(written.get(0), proposed);
            if (proposed != null && confirms) {
                return Proposing.confirmed(current, proposed, comment, ctx);
            }
            if (written.isEmpty()) continue;
            String correction = written.get(0);
            current = new AwaitingConfirmation(s.ticketId(), s.target(), s.bounce(), correction, ctx.now(), 0,
                    current.corrections() + 1);
            effects.clear();
            effects.add(new Effect.PrivateNote(Notes.corrected(correction)));
            effects.addAll(Checks.ask(s.target(), correction, true, ctx));
        }
        return effects.isEmpty() ? Decision.unchanged(s) : Decision.of(current, effects);
    }

    /**
     * A correction while the plan waits for the approvers: the plan is withdrawn (its approval closed, so a late click
     * changes nothing) and the new address is asked about, as in {@link #reply}.
     */
    static Decision<TypoFixState> correctedWhileWaiting(Gate s, TicketUpdated e, Facts facts, Context ctx) {
        for (Comment comment : e.newComments()) {
            if (!comment.byRequester()) continue;
            List<String> written = Addresses.in(comment.body(), List.of(s.target().mistypedEmail()));
            if (written.isEmpty() || Emails.sameAddress(written.get(0), s.correctedEmail())) continue;
            String correction = written.get(0);
            List<Effect> effects = new ArrayList<>();
            effects.add(new Effect.CancelReminders());
            Long approvalId = Gated.approvalOf(s);
            if (approvalId != null) {
                effects.add(new Effect.UpdateApproval(approvalId, Phase.CANCELLED, List.of(Notes.withdrawnLine()), null));
            }
            effects.add(new Effect.PrivateNote(Notes.correctedWhileWaiting(correction)));
            effects.addAll(Checks.ask(s.target(), correction, true, ctx));
            return Decision.of(new AwaitingConfirmation(s.ticketId(), s.target(), s.bounce(), correction, ctx.now(), 0, 1), effects);
        }
        return Decision.unchanged(s);
    }

    static Decision<TypoFixState> remind(AwaitingConfirmation s, ReminderDue e, Facts facts, Context ctx) {
        int sequence = e.sequence();
        if (sequence < 1 || sequence > TypoFixSettings.CONFIRMATION_EXPIRY) return Decision.unchanged(s);
        Instant due = s.askedAt().plus(TypoFixSettings.CONFIRMATION.delay(sequence, ctx)).minus(ctx.policy().clockSkew());
        if (ctx.now().isBefore(due)) return Decision.unchanged(s);
        if (sequence == TypoFixSettings.CONFIRMATION_EXPIRY) {
            return Decision.of(new Expired(s.ticketId(), s.target().subscriptionName(), Wait.CONFIRMATION, ctx.now()),
                    new Effect.CancelReminders(),
                    new Effect.PublicComment(Messages.confirmationExpired()),
                    new Effect.PrivateNote(Notes.confirmationExpired()));
        }
        if (sequence <= s.remindersSent()) return Decision.unchanged(s);
        LocalDate closesOn = LocalDate.ofInstant(s.askedAt().plus(ctx.setting(TypoFixSettings.EXPIRY)), ZoneOffset.UTC);
        return Decision.of(s.withRemindersSent(sequence),
                new Effect.PublicComment(Messages.reminder(s.target(), s.proposedEmail(), closesOn)));
    }
}
