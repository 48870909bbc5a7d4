package dev.supportbot.bot.engine;

import dev.supportbot.workflows.engine.Effect;
import java.util.Map;

/**
 * The results shadow mode gives a workflow for effects it did not carry out, so the run goes on as far as it can.
 * Every simulated result says so ({@link #SIMULATED}), and simulated ticket and approval ids start at
 * {@link #FIRST_ID}, far above any id Zendesk or the approvals table will reach, so nothing real is mistaken for them
 * (workflows take only positive ids of at most 18 digits).
 */
final class ShadowResults {
    static final String SIMULATED = "simulated";
    static final long FIRST_ID = 900_000_000_000_000_000L;

    private ShadowResults() {}

    static Map<String, String> of(EffectStep step, Effect effect) {
        String id = Long.toString(simulatedId(step));
        if (effect instanceof Effect.OpenSeparateTicket) return Map.of(Effect.OpenSeparateTicket.TICKET_ID, id, SIMULATED, "true");
        if (effect instanceof Effect.RequestApproval) return Map.of(Effect.RequestApproval.APPROVAL_ID, id, SIMULATED, "true");
        if (effect instanceof Effect.OpenEscalationIssue) {
            return Map.of(Effect.OpenEscalationIssue.ISSUE_URL, "(not opened: shadow mode)", SIMULATED, "true");
        }
        if (effect instanceof Effect.RunPlanStep) return Map.of(Effect.RunPlanStep.ALREADY_DONE, "false", SIMULATED, "true");
        return Map.of();
    }

    static boolean isSimulated(long id) {
        return id >= FIRST_ID;
    }

    /** Unique per effect step: the instance, the decision's version and the effect's place in it. */
    private static long simulatedId(EffectStep step) {
        long instance = step.instanceId() == null ? 0 : step.instanceId();
        return FIRST_ID + ((instance << 28) | ((step.version() & 0xFFFFF) << 8) | (step.index() & 0xFF));
    }
}
