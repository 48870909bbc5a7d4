package dev.supportbot.workflows.engine;

import java.util.Optional;

/**
 * A {@code /lnr} sub-command a workflow offers, with its help: either it starts the workflow on a ticket
 * ({@code command} empty, e.g. {@code /lnr add-contact TICKET}) or it gives the running instance a command
 * ({@code /lnr ov escalate TICKET}, where {@code verb} is the word before the ticket; or, without a verb,
 * {@code /lnr escalate TICKET}, where the name alone picks the command).
 *
 * @param name        the first word after {@code /lnr}
 * @param usage       the whole usage line, shown on a bad argument and in {@code /lnr help}
 * @param description one line for {@code /lnr help}
 * @param verb        for a command: the word after {@code name} that picks the {@link Command}; null to start, or
 *                    when the name alone picks it
 * @param arguments   for a starting command: how many words follow the ticket (they reach
 *                    {@link Workflow#initialState(java.util.List)}); a command with another number gets its usage line
 */
public record SlashCommand(String name, String usage, String description, String verb, Command command, int arguments) {

    public static SlashCommand starting(String name, String usage, String description) {
        return starting(name, usage, description, 0);
    }

    /** {@code /lnr NAME TICKET WORD...}: starts the workflow with {@code arguments} words after the ticket. */
    public static SlashCommand starting(String name, String usage, String description, int arguments) {
        return new SlashCommand(name, usage, description, null, null, arguments);
    }

    public static SlashCommand commanding(String name, String verb, String usage, String description, Command command) {
        return new SlashCommand(name, usage, description, verb, command, 0);
    }

    /** {@code /lnr NAME TICKET} gives the running instance {@code command}: a top-level name for a command. */
    public static SlashCommand direct(String name, String usage, String description, Command command) {
        return new SlashCommand(name, usage, description, null, command, 0);
    }

    public Optional<Command> asCommand() {
        return Optional.ofNullable(command);
    }
}
