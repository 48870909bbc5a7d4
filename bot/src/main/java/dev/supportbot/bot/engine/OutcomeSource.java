package dev.supportbot.bot.engine;

import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Outcome;
import dev.supportbot.workflows.engine.Workflow;
import dev.supportbot.workflows.engine.WorkflowRegistry;
import java.util.Map;

/** Answers {@link FactRequest.OutcomeOf} from the bot's own store: the newest instance's outcome, as its workflow sees it. */
final class OutcomeSource implements FactSource<FactRequest.OutcomeOf> {
    private final InstanceStore instances;
    private final WorkflowRegistry registry;
    private final WorkflowJson json;

    OutcomeSource(InstanceStore instances, WorkflowRegistry registry, WorkflowJson json) {
        this.instances = instances;
        this.registry = registry;
        this.json = json;
    }

    @Override
    public Class<FactRequest.OutcomeOf> type() {
        return FactRequest.OutcomeOf.class;
    }

    @Override
    public Object answer(FactRequest.OutcomeOf request, Map<Long, String> commentBodies) {
        Workflow<?> workflow = registry.forKind(request.kind()).orElse(null);
        if (workflow == null) return null;
        return instances.find(request.ticketId(), request.kind()).map(i -> outcome(workflow, i.stateJson())).orElse(null);
    }

    private <S> Outcome outcome(Workflow<S> workflow, String stateJson) {
        return workflow.outcome(json.read(stateJson, workflow.stateType()));
    }
}
