package dev.supportbot.bot.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportbot.bot.inbox.Dispatcher;
import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.inbox.InboxEvent;
import dev.supportbot.workflows.engine.Event;
import java.util.List;
import java.util.Map;

/**
 * Events addressed to one instance by id: effect results ({@code result}), due reminders ({@code reminder}) and
 * events other parts of the bot queue for it ({@link InstanceEvents}).
 * A late or repeated one is harmless: the workflow ignores what its state no longer expects.
 */
public final class InstanceEventDispatcher implements Dispatcher {
    private final WorkflowEngine engine;
    private final InstanceStore instances;

    public InstanceEventDispatcher(WorkflowEngine engine, InstanceStore instances) {
        this.engine = engine;
        this.instances = instances;
    }

    @Override
    public Handled dispatch(InboxEvent event) throws Exception {
        long instanceId;
        Event workflowEvent;
        String actor;
        if (InstanceEvents.SOURCE.equals(event.source())) {
            InstanceEvents.Addressed addressed = engine.json().read(event.payload(), InstanceEvents.Addressed.class);
            instanceId = addressed.instanceId();
            workflowEvent = addressed.event();
            actor = "supportbot";
        } else if (EffectResult.SOURCE.equals(event.source())) {
            EffectResult result = engine.json().read(event.payload(), EffectResult.class);
            instanceId = result.instanceId();
            workflowEvent = result.succeeded()
                    ? new Event.EffectSucceeded(result.key(), result.result())
                    : new Event.EffectFailed(result.key(), result.reason());
            actor = "supportbot";
        } else {
            JsonNode reminder = engine.json().mapper().readTree(event.payload());
            instanceId = reminder.path("instance_id").asLong();
            workflowEvent = new Event.ReminderDue(reminder.path("sequence").asInt());
            actor = "reminder";
        }
        Instance instance = instances.byId(instanceId).orElse(null);
        if (instance == null) return Handled.noop("no instance " + instanceId);
        WorkflowEngine.Advance advance = engine.advance(instance, workflowEvent, Map.of(), instance.commentCursor(), actor, List.of());
        return new Handled(advance.outcome(), advance.commit());
    }
}
