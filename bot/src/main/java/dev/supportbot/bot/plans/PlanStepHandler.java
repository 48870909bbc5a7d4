package dev.supportbot.bot.plans;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.supportbot.bot.engine.AuditLog;
import dev.supportbot.bot.engine.EffectHandler;
import dev.supportbot.bot.engine.EffectStep;
import dev.supportbot.bot.json.Json;
import dev.supportbot.bot.outbound.OutboundException;
import dev.supportbot.bot.outbound.OutboundException.Failure;
import dev.supportbot.bot.portal.IdempotencyKey;
import dev.supportbot.bot.portal.PlanSteps;
import dev.supportbot.bot.portal.PlanWorld;
import dev.supportbot.bot.portal.PortalClient;
import dev.supportbot.bot.portal.PortalException;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.plan.BackendState;
import dev.supportbot.workflows.plan.Preview;
import dev.supportbot.workflows.plan.Snapshot;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one step of an approved plan: reads the part of the back end the plan relies on, and
 * <ul>
 *   <li>when it already shows the step's predicted result (and that differs from the state before it), an earlier
 *       attempt got through and only its answer was lost: nothing is called, the result is {@code already_done=true};</li>
 *   <li>when it shows what the preview predicted before the step, calls the portal with the step's idempotency key
 *       (so a repeated call is applied once), reads again and audits the step with both snapshots;</li>
 *   <li>otherwise someone changed the back end since the preview: the step fails for good, naming the changes.</li>
 * </ul>
 * The portal's refusals (4xx) fail for good with the portal's words; no answer, 5xx and 429 are retried by the inbox.
 * A step that changes nothing a snapshot shows (a sign-in link, a resent license) is always called: the idempotency
 * key alone keeps a retry from repeating it.
 */
public final class PlanStepHandler implements EffectHandler<Effect.RunPlanStep> {
    /** Result: set when the back end after the step is not what the preview predicted (the differences). */
    public static final String DIFFERS_FROM_PREVIEW = "differs_from_preview";
    static final String ACTOR = "supportbot";
    static final String ACTION = "plan step";

    private final PlanWorld world;
    private final PlanSteps steps;
    private final Clock clock;

    /** {@code portal} must read without a cache: the check before each step has to see changes made by others. */
    public PlanStepHandler(PortalClient portal, Clock clock) {
        this.world = new PlanWorld(portal);
        this.steps = new PlanSteps(portal);
        this.clock = clock;
    }

    @Override
    public Class<Effect.RunPlanStep> type() {
        return Effect.RunPlanStep.class;
    }

    @Override
    public Ran run(EffectStep step, Effect.RunPlanStep e, boolean retry) {
        BackendState before = read(e);
        Snapshot found = Snapshot.of(before);
        String description = Preview.of(before, List.of(e.change())).steps().get(0).description();
        String what = "approval " + e.approvalId() + ", step " + e.step() + (e.round() > 0 ? " (round " + e.round() + ")" : "")
                + ": " + description;
        if (found.equals(e.expectedAfter()) && !found.equals(e.expectedBefore())) {
            // The first attempt ran the call only from expectedBefore, so that is what the back end showed then.
            return new Ran(Map.of(Effect.RunPlanStep.ALREADY_DONE, "true"), 1, List.of(audit(step,
                    what + " (already done: an earlier attempt got through; not called again)", e.expectedBefore(), found)));
        }
        if (!found.equals(e.expectedBefore())) {
            throw new OutboundException(Failure.REJECTED, "step " + e.step() + " (" + description
                    + ") stopped: the back end changed since the preview: " + SnapshotDiff.summary(e.expectedBefore(), found));
        }
        call(e, description);
        Snapshot after = Snapshot.of(read(e));
        Map<String, String> result = new LinkedHashMap<>();
        result.put(Effect.RunPlanStep.ALREADY_DONE, "false");
        if (!after.equals(e.expectedAfter())) {
            String differences = SnapshotDiff.summary(e.expectedAfter(), after);
            result.put(DIFFERS_FROM_PREVIEW, differences);
            what += " (the back end after it differs from the preview: " + differences + ")";
        }
        return new Ran(result, 1, List.of(audit(step, what, found, after)));
    }

    /** {@code approval-<id>-step-<k>}, and {@code -round-<n>} for an approver's n-th retry. */
    public static IdempotencyKey key(long approvalId, int step, int round) {
        return IdempotencyKey.of("approval-" + approvalId + "-step-" + step + (round > 0 ? "-round-" + round : ""));
    }

    private void call(Effect.RunPlanStep e, String description) {
        try {
            steps.run(e.change(), key(e.approvalId(), e.step(), e.round()));
        } catch (PortalException failure) {
            throw failed("step " + e.step() + " (" + description + ")", failure);
        }
    }

    private BackendState read(Effect.RunPlanStep e) {
        try {
            return world.read(e.scope());
        } catch (PortalException failure) {
            throw failed("reading the back end before step " + e.step(), failure);
        }
    }

    /** Permanent refusals fail for good; no answer or a bad one is worth the inbox's retry. */
    private static OutboundException failed(String what, PortalException failure) {
        String message = what + ": " + failure.getMessage();
        if (failure instanceof PortalException.Unavailable u) {
            return new OutboundException(Failure.UNAVAILABLE, message, u.retryAfter().orElse(null), failure);
        }
        if (failure instanceof PortalException.BadResponse) return new OutboundException(Failure.BAD_RESPONSE, message, null, failure);
        if (failure instanceof PortalException.NotFound) return new OutboundException(Failure.NOT_FOUND, message, null, failure);
        return new OutboundException(Failure.REJECTED, message, null, failure);
    }

    private AuditLog.Entry audit(EffectStep step, String detail, Snapshot before, Snapshot after) {
        return new AuditLog.Entry(clock.instant(), ACTOR, ACTION, step.ticketId(), step.instanceId(), detail,
                json(before), json(after));
    }

    private static String json(Snapshot snapshot) {
        try {
            return Json.MAPPER.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a snapshot as JSON", e);
        }
    }
}
