package dev.supportbot.bot.engine;

import dev.supportbot.workflows.engine.Effect;
import java.util.Map;

/**
 * The results shadow mode gives a workflow for effects it did not carry out, so the run goes on as far as it can.
 * Every simulated result says so ({@link #SIMULATED}), and simulated ticket and approval ids are negative: no real
 * ticket or approval has one, so nothing real is ever mistaken for them.
 */
final class ShadowResults {
    static final String SIMULATED = "simulated";

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
        return id < 0;
    }

    /** Unique per effect step: the instance, the decision's version and the effect's place in it. */
    private static long simulatedId(EffectStep step) {
        long instance = step.instanceId() == null ? 0 : step.instanceId();
        return -((instance << 32) | ((step.version() & 0xFFFFFF) << 8) | (step.index() & 0xFF)) - 1;
    }
}
