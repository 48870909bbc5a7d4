package dev.supportbot.workflows.changecontact;

import dev.supportbot.workflows.changecontact.ChangeContactState.AwaitingOwnership;
import dev.supportbot.workflows.changecontact.ChangeContactState.AwaitingSelfService;
import dev.supportbot.workflows.changecontact.ChangeContactState.Expired;
import dev.supportbot.workflows.changecontact.ChangeContactState.Handoff;
import dev.supportbot.workflows.changecontact.ChangeContactState.NeedsHuman;
import dev.supportbot.workflows.changecontact.ChangeContactState.NotVerified;
import dev.supportbot.workflows.changecontact.ChangeContactState.Path;
import dev.supportbot.workflows.changecontact.ChangeContactState.Requested;
import dev.supportbot.workflows.changecontact.ChangeContactState.Requester;
import dev.supportbot.workflows.changecontact.ChangeContactState.Wait;
import dev.supportbot.workflows.engine.Comment;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event.AgentCommand;
import dev.supportbot.workflows.engine.Event.ReminderDue;
import dev.supportbot.workflows.engine.Event.TicketUpdated;
import dev.supportbot.workflows.engine.Event.WorkflowFinished;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.engine.Outcome;
import dev.supportbot.workflows.engine.Ticket;
import dev.supportbot.workflows.ownership.ApprovalReplies;
import dev.supportbot.workflows.ownership.OwnershipVerification;
import dev.supportbot.workflows.ownership.SubscriptionNames;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Self-service first: the instructions go to the requester, who reports back. "Email has already been taken" (in the
 * request or a reply) or an agent's {@code assist} makes it support-assisted, which needs ownership verified on the
 * ticket first (started when there is none, as adding a contact does).
 */
final class Starting {
    /** The portal's answer when the new owner already has a portal account. */
    private static final Pattern TAKEN = Pattern.compile("email has already been taken");
    private static final Pattern DONE = Pattern.compile(
            "\\b(done|did it|completed?|finished|changed it|updated it|claimed|worked|all set)\\b");
    private static final Pattern NOT_DONE = Pattern.compile("\\b(not|n't|cannot|can't|unable|error|fail(ed|s)?)\\b");

    private Starting() {}

    // ---- Requested + TicketUpdated

    /** The ownership outcome, and the named subscription's account, which says whether self-service fits the requester. */
    static List<FactRequest<?>> factsOnStart(Requested s, TicketUpdated e) {
        Ticket ticket = e.ticket();
        String email = ticket.requester() == null ? null : ticket.requester().email();
        Optional<String> subscription = SubscriptionNames.first(List.of(ticket.subject(), ticket.description()));
        if (s.removeEmail() != null || email == null || email.isBlank() || subscription.isEmpty()) {
            return List.of(ownershipOf(ticket.id()));
        }
        return List.of(ownershipOf(ticket.id()), accountOf(subscription.get(), email));
    }

    static Decision<ChangeContactState> start(Requested s, TicketUpdated e, Facts facts, Context ctx) {
        Ticket ticket = e.ticket();
        String email = ticket.requester() == null ? null : ticket.requester().email();
        if (email == null || email.isBlank()) {
            return Decision.of(new NeedsHuman(ticket.id(), null, Handoff.NO_REQUESTER_EMAIL, ctx.now()),
                    new Effect.PrivateNote(Notes.handoff(Handoff.NO_REQUESTER_EMAIL, null)));
        }
        Requester requester = new Requester(ticket.requester().name(), email.trim().toLowerCase(Locale.ROOT));
        if (s.removeEmail() != null) {
            return assisted(ticket.id(), requester, s.removeEmail(), "an agent asked to remove the membership of "
                    + s.removeEmail(), false, facts, ctx);
        }
        if (saysTaken(ticket.subject() + "\n" + ticket.description())) {
            return assisted(ticket.id(), requester, null, "the request says \"Email has already been taken\"", false, facts, ctx);
        }
        String subscription = SubscriptionNames.first(List.of(ticket.subject(), ticket.description())).orElse(null);
        SelfServiceFit fit = SelfServiceFit.of(subscription == null ? null
                : facts.find(accountOf(subscription, requester.email())).orElse(null), requester.email());
        if (!fit.fits()) {
            return assisted(ticket.id(), requester, null, "the requester could not follow the self-service steps (" + fit.why()
                    + ")", false, facts, ctx);
        }
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect.PublicComment(Messages.selfServiceInstructions(subscription)));
        effects.addAll(ChangeContactSettings.SELF_SERVICE.reminders(ctx));
        effects.add(new Effect.PrivateNote(Notes.selfServicePosted(ticket.id(), ctx.setting(ChangeContactSettings.EXPIRY))));
        return Decision.of(new AwaitingSelfService(ticket.id(), requester, subscription, ctx.now(), 0), effects);
    }

    // ---- AwaitingSelfService: the requester reports back, a reminder falls due, an agent makes it support-assisted

    static List<FactRequest<?>> factsOnReply(AwaitingSelfService s, TicketUpdated e) {
        return List.of(ownershipOf(s.ticketId()));
    }

    static Decision<ChangeContactState> reply(AwaitingSelfService s, TicketUpdated e, Facts facts, Context ctx) {
        String subscription = s.subscriptionName();
        for (Comment comment : e.newComments()) {
            if (!comment.byRequester()) continue;
            String text = ApprovalReplies.ownText(comment.body()).toLowerCase(Locale.ROOT);
            if (saysTaken(text)) {
                return assisted(s.ticketId(), s.requester(), null, "the requester reports \"Email has already been taken\"", true,
                        facts, ctx);
            }
            if (subscription == null) subscription = SubscriptionNames.first(List.of(comment.body())).orElse(null);
            if (DONE.matcher(text).find() && !NOT_DONE.matcher(text).find()) return checkSelfService(s, subscription, ctx);
        }
        if (subscription != null && s.subscriptionName() == null) {
            return Decision.of(new AwaitingSelfService(s.ticketId(), s.requester(), subscription, s.askedAt(), s.remindersSent()));
        }
        return Decision.unchanged(s);
    }

    static Decision<ChangeContactState> remind(AwaitingSelfService s, ReminderDue e, Facts facts, Context ctx) {
        if (e.sequence() == ChangeContactSettings.SELF_SERVICE_EXPIRY) {
            if (ctx.now().isBefore(s.askedAt().plus(ctx.setting(ChangeContactSettings.EXPIRY)).minus(ctx.policy().clockSkew()))) {
                return Decision.unchanged(s);
            }
            return Decision.of(new Expired(s.ticketId(), s.subscriptionName(), Wait.SELF_SERVICE, ctx.now()),
                    new Effect.CancelReminders(),
                    new Effect.PublicComment(Messages.closedUnanswered()),
                    new Effect.PrivateNote(Notes.selfServiceExpired()));
        }
        if (e.sequence() <= s.remindersSent() || e.sequence() >= ChangeContactSettings.SELF_SERVICE_EXPIRY) {
            return Decision.unchanged(s);
        }
        LocalDate closesOn = LocalDate.ofInstant(s.askedAt().plus(ctx.setting(ChangeContactSettings.EXPIRY)), ZoneOffset.UTC);
        return Decision.of(s.withRemindersSent(e.sequence()), new Effect.PublicComment(Messages.reminder(closesOn)));
    }

    static List<FactRequest<?>> factsOnCommand(AwaitingSelfService s, AgentCommand c) {
        return ChangeContact.ASSIST.equals(c.command()) ? List.of(ownershipOf(s.ticketId())) : List.of();
    }

    static Decision<ChangeContactState> command(AwaitingSelfService s, AgentCommand c, Facts facts, Context ctx) {
        if (ChangeContact.ASSIST.equals(c.command())) {
            String agent = c.agent() == null || c.agent().isBlank() ? "an agent" : c.agent();
            return assisted(s.ticketId(), s.requester(), null, agent + " ruled out self-service", true, facts, ctx);
        }
        if (ChangeContact.CHECK.equals(c.command())) return checkSelfService(s, s.subscriptionName(), ctx);
        return Approving.GATE.cancel(s, c, facts, ctx);
    }

    /** The requester reports the self-service change done: check the Sold To against their portal account. */
    private static Decision<ChangeContactState> checkSelfService(AwaitingSelfService s, String subscription, Context ctx) {
        if (subscription == null) {
            return Decision.of(new NeedsHuman(s.ticketId(), null, Handoff.NO_SUBSCRIPTION, ctx.now()),
                    new Effect.CancelReminders(), new Effect.PrivateNote(Notes.handoff(Handoff.NO_SUBSCRIPTION, null)));
        }
        return Proposing.plan(s.ticketId(), s.requester(), subscription, Path.SELF_SERVICE, null, null, ctx,
                new Effect.CancelReminders());
    }

    /**
     * Support-assisted from here (or a membership removal, {@code removeEmail} not null): plan at once when ownership is
     * verified, else verify it first.
     */
    private static Decision<ChangeContactState> assisted(long ticketId, Requester requester, String removeEmail, String why,
                                                         boolean tellRequester, Facts facts, Context ctx) {
        Path path = removeEmail == null ? Path.SUPPORT_ASSISTED : Path.REMOVE_MEMBERSHIP;
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect.CancelReminders());
        if (tellRequester) effects.add(new Effect.PublicComment(Messages.assisting()));
        effects.add(new Effect.PrivateNote(removeEmail == null ? Notes.switchedToAssisted(why) : Notes.removing(removeEmail)));
        Optional<Outcome> ownership = facts.find(ownershipOf(ticketId));
        Optional<Verified> verified = ownership.flatMap(Starting::verified);
        if (verified.isPresent()) {
            return Proposing.plan(ticketId, requester, verified.get().subscription(), path, verified.get().proof(),
                    removeEmail, ctx, effects.toArray(Effect[]::new));
        }
        boolean running = ownership.isPresent() && !ownership.get().finished();
        if (!running) effects.add(new Effect.StartWorkflow(OwnershipVerification.KIND));
        effects.add(new Effect.PrivateNote(Notes.OWNERSHIP.waiting(!running)));
        return Decision.of(new AwaitingOwnership(ticketId, requester, removeEmail, ctx.now()), effects);
    }

    // ---- AwaitingOwnership + WorkflowFinished

    static Decision<ChangeContactState> ownershipFinished(AwaitingOwnership s, WorkflowFinished e, Facts facts, Context ctx) {
        Outcome outcome = e.outcome();
        if (!OwnershipVerification.KIND.equals(outcome.kind()) || !outcome.finished()) return Decision.unchanged(s);
        Optional<Verified> verified = verified(outcome);
        if (verified.isPresent()) {
            return Proposing.plan(s.ticketId(), s.requester(), verified.get().subscription(),
                    s.removeEmail() == null ? Path.SUPPORT_ASSISTED : Path.REMOVE_MEMBERSHIP, verified.get().proof(),
                    s.removeEmail(), ctx);
        }
        return Decision.of(new NotVerified(s.ticketId(), outcome.result(), ctx.now()),
                new Effect.PrivateNote(Notes.OWNERSHIP.notVerified(outcome.result())));
    }

    private static boolean saysTaken(String text) {
        return TAKEN.matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    private static FactRequest.PlanFactsOf accountOf(String subscription, String requesterEmail) {
        return new FactRequest.PlanFactsOf(subscription, List.of(requesterEmail.trim().toLowerCase(Locale.ROOT)));
    }

    private static FactRequest.OutcomeOf ownershipOf(long ticketId) {
        return new FactRequest.OutcomeOf(ticketId, OwnershipVerification.KIND);
    }

    private record Verified(String subscription, String proof) {}

    private static Optional<Verified> verified(Outcome outcome) {
        if (!outcome.is(Outcome.VERIFIED)) return Optional.empty();
        return outcome.detail(Outcome.SUBSCRIPTION).filter(name -> !name.isBlank()).map(name -> new Verified(name,
                outcome.detail(Outcome.PROOF).map(p -> p.toLowerCase(Locale.ROOT).replace('_', ' ')).orElse("not named")));
    }
}
