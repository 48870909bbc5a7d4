package dev.supportbot.bot.engine;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.supportbot.workflows.engine.Effect;
import java.util.List;

/**
 * One step of a decision's effect list, as queued: the effects of the decision that made version {@code version}
 * of the instance, and which one this step runs. {@code instanceId} is null for effects of no workflow (a redaction
 * note). The step's key is its de-duplication key in the queue and the idempotency key sent to far sides.
 */
public record EffectStep(Long instanceId, long ticketId, long version, int index, List<Effect> effects) {

    public static final String SOURCE = "effect";

    public EffectStep {
        effects = List.copyOf(effects);
    }

    @JsonIgnore
    public String key() {
        return "effect:" + (instanceId == null ? "ticket-" + ticketId : instanceId) + ":" + version + ":" + index;
    }

    @JsonIgnore
    public Effect effect() {
        return effects.get(index);
    }

    @JsonIgnore
    public boolean hasNext() {
        return index + 1 < effects.size();
    }

    public EffectStep next() {
        return at(index + 1);
    }

    public EffectStep at(int otherIndex) {
        return new EffectStep(instanceId, ticketId, version, otherIndex, effects);
    }
}
