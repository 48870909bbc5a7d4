package dev.supportbot.workflows.typofix;

import dev.supportbot.workflows.domain.CloudActivation;
import dev.supportbot.workflows.domain.MailDelivery;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event.EffectSucceeded;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.typofix.TypoFixState.AwaitingConfirmation;
import dev.supportbot.workflows.typofix.TypoFixState.Bounce;
import dev.supportbot.workflows.typofix.TypoFixState.Checking;
import dev.supportbot.workflows.typofix.TypoFixState.StopReason;
import dev.supportbot.workflows.typofix.TypoFixState.Stopped;
import dev.supportbot.workflows.typofix.TypoFixState.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The handbook's checks before anything is changed: (1) a cloud license's activation code is unused, (2) the mail log
 * shows a failed delivery of the license or activation-code mail to the mistyped address ({@link LicenseMailBounce});
 * then (3) that log entry goes on the ticket as a private note and
 * (4) the AM is asked to confirm the corrected address in writing.
 */
final class Checks {
    private Checks() {}

    static List<FactRequest<?>> factsNeeded(Checking s, EffectSucceeded e) {
        if (!Starting.CHECKS_KEY.equals(e.effectKey())) return List.of();
        List<FactRequest<?>> needed = new ArrayList<>();
        if (s.target().cloud()) needed.add(new FactRequest.CloudActivationOf(s.target().subscriptionName()));
        needed.add(new FactRequest.MailDeliveriesOf(s.target().mistypedEmail()));
        return needed;
    }

    static Decision<TypoFixState> check(Checking s, EffectSucceeded e, Facts facts, Context ctx) {
        if (!Starting.CHECKS_KEY.equals(e.effectKey())) return Decision.unchanged(s);
        Target target = s.target();
        if (target.cloud()) {
            Optional<CloudActivation> activation = facts.find(new FactRequest.CloudActivationOf(target.subscriptionName()));
            if (activation.isEmpty()) return stop(s, StopReason.NO_ACTIVATION, null, ctx);
            if (!activation.get().codeUnused()) {
                return stop(s, StopReason.CODE_USED, Notes.activations(activation.get()), ctx);
            }
        }
        List<MailDelivery> log = facts.find(new FactRequest.MailDeliveriesOf(target.mistypedEmail())).orElse(List.of());
        Optional<MailDelivery> failed = LicenseMailBounce.in(log);
        if (failed.isEmpty()) return stop(s, StopReason.NO_BOUNCE, LicenseMailBounce.whyNot(log), ctx);
        MailDelivery bounced = failed.get();
        Bounce bounce = new Bounce(bounced.recipient(), bounced.smtpCode(), bounced.message(), bounced.at());
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect.PrivateNote(Notes.bounceEvidence(target, bounced)));
        effects.addAll(ask(target, s.proposedEmail(), false, ctx));
        return Decision.of(new AwaitingConfirmation(s.ticketId(), target, bounce, s.proposedEmail(), ctx.now(), 0, 0), effects);
    }

    /** The question to the AM, with its reminders (scheduling them again replaces those of an earlier question). */
    static List<Effect> ask(Target target, String proposed, boolean again, Context ctx) {
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect.PublicComment(Messages.askToConfirm(target, proposed, again)));
        effects.addAll(TypoFixSettings.CONFIRMATION.reminders(ctx));
        return effects;
    }

    private static Decision<TypoFixState> stop(Checking s, StopReason why, String detail, Context ctx) {
        return Decision.of(new Stopped(s.ticketId(), s.target().subscriptionName(), why, ctx.now()),
                new Effect.PrivateNote(Notes.stopped(why, detail)));
    }
}
