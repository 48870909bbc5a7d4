package dev.supportbot.workflows.addcontact;

import dev.supportbot.workflows.addcontact.AddContactState.AwaitingApproval;
import dev.supportbot.workflows.addcontact.AddContactState.Cancelled;
import dev.supportbot.workflows.addcontact.AddContactState.Executing;
import dev.supportbot.workflows.addcontact.AddContactState.Failed;
import dev.supportbot.workflows.addcontact.AddContactState.Open;
import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Effect.UpdateApproval.Phase;
import dev.supportbot.workflows.engine.Event.AgentCommand;
import dev.supportbot.workflows.engine.Facts;
import java.util.ArrayList;
import java.util.List;

/** An agent's cancel, in any open state: the run ends, its reminders stop and an open approval is closed. */
final class Cancelling {
    private Cancelling() {}

    static Decision<AddContactState> cancel(AddContactState s, AgentCommand c, Facts facts, Context ctx) {
        if (!Command.CANCEL.equals(c.command())) return Decision.unchanged(s);
        String agent = c.agent() == null || c.agent().isBlank() ? "an agent" : c.agent();
        Long approvalId = approvalOf(s);
        Integer running = s instanceof Executing x ? x.step() : null;
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect.CancelReminders());
        if (approvalId != null) {
            effects.add(new Effect.UpdateApproval(approvalId, Phase.CANCELLED, List.of("Cancelled by " + agent + "."), null));
        }
        effects.add(new Effect.PrivateNote(InternalNotes.cancelled(agent, running)));
        return Decision.of(new Cancelled(((Open) s).ticketId(), agent, ctx.now()), effects);
    }

    private static Long approvalOf(AddContactState s) {
        if (s instanceof AwaitingApproval a) return a.approvalId();
        if (s instanceof Executing x) return x.approvalId();
        if (s instanceof Failed f) return f.approvalId();
        return null;
    }
}
