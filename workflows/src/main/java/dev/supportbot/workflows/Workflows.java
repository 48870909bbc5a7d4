package dev.supportbot.workflows;

import dev.supportbot.workflows.engine.WorkflowRegistry;
import dev.supportbot.workflows.ownership.OwnershipVerification;

/** The workflows the bot runs: adding one is a package beside {@code ownership} and one entry here. */
public final class Workflows {
    public static final WorkflowRegistry ALL = WorkflowRegistry.of(new OwnershipVerification());

    private Workflows() {}
}
