package dev.supportbot.bot.engine;

import dev.supportbot.bot.inbox.Inbox;
import dev.supportbot.bot.inbox.NewInboxEvent;
import dev.supportbot.bot.store.Database;
import dev.supportbot.bot.store.UniqueViolation;
import dev.supportbot.workflows.engine.Effect;
import java.time.Clock;

/**
 * Queues a {@link StartRequest} for the instance's ticket, started by {@code supportbot}, under a key made from the
 * step's, so a retry after a lost commit finds the request already queued instead of queueing a second one. The
 * {@code start} dispatcher starts the workflow unless one of its kind is running on the ticket.
 */
final class StartWorkflowHandler implements EffectHandler<Effect.StartWorkflow> {
    static final String INITIATOR = "supportbot";

    private final Database database;
    private final WorkflowJson json;
    private final Clock clock;

    StartWorkflowHandler(Database database, WorkflowJson json, Clock clock) {
        this.database = database;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Class<Effect.StartWorkflow> type() {
        return Effect.StartWorkflow.class;
    }

    @Override
    public Ran run(EffectStep step, Effect.StartWorkflow effect, boolean retry) {
        StartRequest request = new StartRequest(step.ticketId(), effect.kind(), INITIATOR);
        NewInboxEvent event = new NewInboxEvent(StartRequest.SOURCE, "start:" + step.key(), effect.kind(), step.ticketId(),
                json.write(request, StartRequest.class));
        try {
            database.jdbi().useTransaction(h -> Inbox.enqueue(h, event, clock.instant()));
        } catch (RuntimeException e) {
            if (!UniqueViolation.isCause(e)) throw e;
        }
        return Ran.done();
    }
}
