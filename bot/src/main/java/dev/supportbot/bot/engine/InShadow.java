package dev.supportbot.bot.engine;

import dev.supportbot.workflows.engine.Effect;
import java.util.List;
import java.util.Map;

/**
 * What shadow mode does with each kind of {@link Effect}, in one table: every effect the workflows may emit is here,
 * checked when the handlers are built, so a new effect cannot reach outside the bot in shadow mode unclassified.
 */
enum InShadow {
    /** Changes nothing outside the bot (a reminder, a reply to the agent who asked): runs as in live mode. */
    RUN,
    /** Would change Zendesk, the portal, the tracker or an approval: becomes a line of the decision's note instead. */
    DESCRIBE,
    /** The workflow's own private note: joins the decision's note, or is posted as it is when nothing is described. */
    NOTE,
    /** A post for the agents in Slack: posted without its buttons. */
    INFORM;

    private static final Map<Class<? extends Effect>, InShadow> TABLE = Map.ofEntries(
            Map.entry(Effect.PublicComment.class, DESCRIBE),
            Map.entry(Effect.PrivateNote.class, NOTE),
            Map.entry(Effect.AddTags.class, DESCRIBE),
            Map.entry(Effect.RemoveTags.class, DESCRIBE),
            Map.entry(Effect.SetTicketStatus.class, DESCRIBE),
            Map.entry(Effect.SlackMessage.class, INFORM),
            Map.entry(Effect.ScheduleReminder.class, RUN),
            Map.entry(Effect.CancelReminders.class, RUN),
            Map.entry(Effect.OpenSeparateTicket.class, DESCRIBE),
            Map.entry(Effect.OpenEscalationIssue.class, DESCRIBE),
            Map.entry(Effect.UpdateLinkedTicket.class, DESCRIBE),
            Map.entry(Effect.RequestApproval.class, DESCRIBE),
            Map.entry(Effect.UpdateApproval.class, DESCRIBE),
            Map.entry(Effect.RunPlanStep.class, DESCRIBE),
            Map.entry(Effect.Continue.class, RUN),
            Map.entry(Effect.StartWorkflow.class, RUN),
            Map.entry(Effect.ReplyToCommand.class, RUN));

    static InShadow of(Class<?> effectType) {
        InShadow treatment = TABLE.get(effectType);
        if (treatment == null) throw new IllegalStateException("shadow mode does not know " + SealedTypes.name(effectType));
        return treatment;
    }

    static InShadow of(Effect effect) {
        return of(effect.getClass());
    }

    /** Whether the effect ends up in the decision's note. */
    boolean noted() {
        return this == DESCRIBE || this == NOTE;
    }

    static java.util.Set<Class<? extends Effect>> classified() {
        return TABLE.keySet();
    }

    /** Fails on the first effect type the table leaves out. */
    static void checkAll() {
        List<Class<?>> leaves = SealedTypes.leaves(Effect.class);
        for (Class<?> leaf : leaves) of(leaf);
    }
}
