package dev.supportbot.workflows.changecontact;

import dev.supportbot.workflows.changecontact.ChangeContactState.AwaitingApproval;
import dev.supportbot.workflows.changecontact.ChangeContactState.Cancelled;
import dev.supportbot.workflows.changecontact.ChangeContactState.Executing;
import dev.supportbot.workflows.changecontact.ChangeContactState.Failed;
import dev.supportbot.workflows.changecontact.ChangeContactState.Open;
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

    static Decision<ChangeContactState> cancel(ChangeContactState s, AgentCommand c, Facts facts, Context ctx) {
        if (!Command.CANCEL.equals(c.command())) return Decision.unchanged(s);
        String agent = c.agent() == null || c.agent().isBlank() ? "an agent" : c.agent();
        Long approvalId = s instanceof AwaitingApproval a ? a.approvalId()
                : s instanceof Executing x ? Long.valueOf(x.approvalId())
                : s instanceof Failed f ? Long.valueOf(f.approvalId()) : null;
        Integer running = s instanceof Executing x ? x.step() : null;
        List<Effect> effects = new ArrayList<>();
        effects.add(new Effect.CancelReminders());
        if (approvalId != null) {
            effects.add(new Effect.UpdateApproval(approvalId, Phase.CANCELLED, List.of("Cancelled by " + agent + "."), null));
        }
        effects.add(new Effect.PrivateNote(Notes.cancelled(agent, running)));
        return Decision.of(new Cancelled(((Open) s).ticketId(), agent, ctx.now()), effects);
    }
}
