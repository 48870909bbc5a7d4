package dev.supportbot.workflows.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A workflow: a pure state machine, one instance per (ticket, kind).
 *
 * <p>How the bot drives it, for each event of an instance: {@link #factsNeeded} names the portal reads; the bot
 * fetches them into {@link Facts}; {@link #decide} returns the new state and the effects; the bot persists both in
 * one transaction, then runs the effects in list order and feeds keyed results back as events. Both methods are
 * pure: the same arguments always give the same answer, so a retried event is harmless.
 *
 * @param <S> the state type, a sealed interface of records (persisted as JSON)
 */
public interface Workflow<S> {

    /** Stable name of the workflow, stored with each instance, e.g. {@code ownership_verification}. */
    String kind();

    /** The ticket tag (set by a Zendesk macro) that starts this workflow. */
    String startTag();

    /**
     * Ticket tags that agents' macros add to give this workflow a command. The bot turns a tag it finds into an
     * {@link Event.AgentCommand} and removes the tag, so a macro applied twice gives the command twice.
     */
    default Map<String, Command> commandTags() {
        return Map.of();
    }

    /** {@code /lnr} sub-commands of this workflow, with their help. */
    default List<SlashCommand> slashCommands() {
        return List.of();
    }

    /** Slack button action ids that give this workflow a command; the button's value names the ticket. */
    default Map<String, Command> buttonActions() {
        return Map.of();
    }

    /** Settings this workflow reads from {@link Context#settings()}. */
    default List<WorkflowSetting<?>> settings() {
        return List.of();
    }

    /**
     * Checks how the {@link #settings()} fit together (e.g. reminders before the expiry); throws an
     * {@code IllegalArgumentException} naming the setting when they do not. The bot calls it when it loads its
     * configuration, so a bad combination stops it at start-up.
     */
    default void checkSettings(WorkflowSettings settings) {}

    /**
     * Kinds of workflow whose outcome this one relies on (on the same ticket): each running instance of this one is
     * sent {@link Event.WorkflowFinished} when an instance of such a kind finishes.
     */
    default List<String> requires() {
        return List.of();
    }

    /** What an instance in {@code state} has come to, for other workflows and for people ({@code /lnr status}). */
    Outcome outcome(S state);

    /**
     * Who an instance in {@code state} waits on; empty when nobody (the bot is at work, another workflow runs first, or
     * the instance is finished).
     */
    default Optional<WaitingOn> waitingOn(S state) {
        return Optional.empty();
    }

    /** The sealed interface of this workflow's states, for deserialisation. */
    Class<S> stateType();

    /** The state of a new instance, before its first event. */
    S initialState();

    /**
     * The state of a new instance started by a {@code /lnr} command with {@code arguments}, the words after the
     * ticket (e.g. {@code /lnr typo-fix TICKET WRONG_EMAIL}); empty when the arguments do not fit, so the agent gets
     * the command's usage. Without arguments (a start tag, another workflow) it is {@link #initialState()}.
     */
    default Optional<S> initialState(List<String> arguments) {
        return arguments.isEmpty() ? Optional.of(initialState()) : Optional.empty();
    }

    /** The portal reads {@link #decide} needs to handle {@code event} in {@code state}; empty when none. */
    List<FactRequest<?>> factsNeeded(S state, Event event);

    /**
     * Handles one event. {@code facts} must hold an answer (found or not found) for every request
     * {@link #factsNeeded} returned for the same state and event. An event the state does not expect gives the
     * same state and no effects.
     */
    Decision<S> decide(S state, Event event, Facts facts, Context ctx);

    /** True when the state is final: no event will change it any more. */
    boolean finished(S state);
}
