package dev.supportbot.bot.runs;

import dev.supportbot.bot.approvals.ApprovalStore;
import dev.supportbot.bot.engine.InstanceStore;
import dev.supportbot.bot.engine.WorkflowEngine;
import dev.supportbot.bot.plugin.SlashHandler;
import dev.supportbot.bot.store.Database;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/** {@code /lnr status} and {@code /lnr pending}: read-only views of the workflow runs and the pending approvals. */
public final class RunCommands {
    private RunCommands() {}

    public static List<SlashHandler> of(WorkflowEngine engine, InstanceStore instances, Database database,
            LongFunction<Optional<Instant>> nextReminder) {
        Runs runs = runs(engine, instances, database, nextReminder);
        return List.of(new StatusCommand(runs), new PendingCommand(runs));
    }

    /** The same read-only view of runs and approvals, for the console. */
    public static Runs runs(WorkflowEngine engine, InstanceStore instances, Database database,
            LongFunction<Optional<Instant>> nextReminder) {
        return new Runs(engine.registry(), engine.json(), instances, new ApprovalStore(database), nextReminder);
    }
}
