package dev.supportbot.bot.engine;

import dev.supportbot.bot.inbox.Inbox;
import dev.supportbot.bot.inbox.NewInboxEvent;
import dev.supportbot.workflows.engine.Event;
import java.time.Clock;
import org.jdbi.v3.core.Handle;

/**
 * Queues a workflow event for one instance (an approval decided, a retry asked for, another workflow finished), in
 * the transaction that caused it; {@link InstanceEventDispatcher} hands it to the instance. {@code dedupKey} must be
 * unique per event: queueing the same key twice in one transaction fails it.
 */
public final class InstanceEvents {
    public static final String SOURCE = "instance-event";

    /** The stored payload. */
    public record Addressed(long instanceId, Event event) {}

    private final WorkflowJson json;
    private final Clock clock;

    public InstanceEvents(WorkflowJson json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    public void enqueue(Handle h, long instanceId, long ticketId, String dedupKey, Event event) {
        Inbox.enqueue(h, new NewInboxEvent(SOURCE, dedupKey, json.typeIdOf(event), ticketId,
                json.write(new Addressed(instanceId, event), Addressed.class)), clock.instant());
    }
}
