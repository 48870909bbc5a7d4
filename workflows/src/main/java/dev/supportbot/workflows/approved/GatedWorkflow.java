package dev.supportbot.workflows.approved;

import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.OnSubscription;
import dev.supportbot.workflows.engine.Outcome;
import dev.supportbot.workflows.engine.SlashCommand;
import dev.supportbot.workflows.engine.TabledWorkflow;
import dev.supportbot.workflows.engine.TransitionTable;
import dev.supportbot.workflows.engine.WaitingOn;
import dev.supportbot.workflows.engine.WorkflowSetting;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A workflow that puts a plan through the {@link ApprovalGate}: its outcome, who it waits on and what its states come
 * to are answered here for the gate's states and for the states every such workflow names alike (by their stored type
 * id: {@code Done}, {@code NeedsHuman}, {@code Expired}...); the workflow answers only for its own states.
 *
 * @param <S> the state type, a sealed interface of records
 */
public abstract class GatedWorkflow<S> extends TabledWorkflow<S> {
    private static final Map<String, String> SHARED_RESULTS = Map.ofEntries(
            Map.entry("Requested", "started"),
            Map.entry("AwaitingOwnership", "waiting for ownership verification"),
            Map.entry("Planning", "planning"),
            Map.entry("AwaitingAnswer", "waiting for the requester's answer"),
            Map.entry("Done", "done"),
            Map.entry("NotVerified", "ownership not verified"),
            Map.entry("Declined", "declined by the requester"),
            Map.entry("NothingToDo", "nothing to do"),
            Map.entry("NeedsHuman", "handed to a person"),
            Map.entry("Expired", "expired"));

    private final List<WorkflowSetting<?>> settings;
    private final List<String> requires;
    private final List<SlashCommand> slashCommands;

    /**
     * @param settings      the workflow's settings, the gate's among them ({@link ApprovalGate#settings})
     * @param requires      the kinds of the workflows it starts or waits for
     * @param slashCommands its commands, its cancel ({@link #cancelling}) among them
     */
    protected GatedWorkflow(String kind, String startTag, Class<S> stateType, S initialState, TransitionTable<S> table,
                            List<WorkflowSetting<?>> settings, List<String> requires, SlashCommand... slashCommands) {
        super(kind, startTag, stateType, initialState, table);
        this.settings = List.copyOf(settings);
        this.requires = List.copyOf(requires);
        this.slashCommands = List.of(slashCommands);
    }

    /** {@code /lnr ABBREVIATION cancel TICKET}: stops {@code stopping} (e.g. "adding the contact") and closes its approval. */
    protected static SlashCommand cancelling(String abbreviation, String stopping) {
        return SlashCommand.commanding(abbreviation, "cancel", "/lnr " + abbreviation + " cancel TICKET",
                "stop " + stopping + " on a ticket (closes its approval)", Command.CANCEL);
    }

    @Override
    public final List<WorkflowSetting<?>> settings() {
        return settings;
    }

    @Override
    public final List<String> requires() {
        return requires;
    }

    @Override
    public final List<SlashCommand> slashCommands() {
        return slashCommands;
    }

    /** The workflow's own words for {@code state}; null (as here) for the gate's states and the shared ones. */
    protected String ownResult(S state) {
        return null;
    }

    /** Whether {@code state} waits for the requester (besides the approvers, whom the gate's states wait for). */
    protected boolean waitsForRequester(S state) {
        return false;
    }

    /** The approval {@code state} names: the gate's, or the one an end state kept. */
    protected Long approvalOf(S state) {
        return Gated.approvalOf(state);
    }

    @Override
    public Outcome outcome(S state) {
        String subscription = state instanceof OnSubscription s ? s.subscriptionName() : null;
        return Outcome.of(kind(), resultOf(state), finished(state), subscription, approvalOf(state));
    }

    @Override
    public Optional<WaitingOn> waitingOn(S state) {
        if (waitsForRequester(state)) return Optional.of(WaitingOn.REQUESTER);
        if (Gated.waitsForApprovers(state)) return Optional.of(WaitingOn.APPROVER);
        return Optional.empty();
    }

    private String resultOf(S state) {
        String gate = Gated.resultOf(state);
        if (gate != null) return gate;
        String own = ownResult(state);
        if (own != null) return own;
        JsonTypeName id = state.getClass().getAnnotation(JsonTypeName.class);
        String shared = id == null ? null : SHARED_RESULTS.get(id.value());
        if (shared == null) throw new IllegalArgumentException("unknown state " + state);
        return shared;
    }
}
