package dev.supportbot.bot.commands;

import dev.supportbot.workflows.engine.Command;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Event;
import dev.supportbot.workflows.engine.FactRequest;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.engine.Outcome;
import dev.supportbot.workflows.engine.SlashCommand;
import dev.supportbot.workflows.engine.Workflow;
import dev.supportbot.workflows.ownership.OwnershipState;
import dev.supportbot.workflows.ownership.OwnershipVerification;
import java.util.List;
import java.util.Map;

/** Ownership verification as it is, with other {@code /lnr} sub-commands and buttons: what a test registers. */
final class ButtonedOwnership implements Workflow<OwnershipState> {
    private final OwnershipVerification real = new OwnershipVerification();
    private final List<SlashCommand> slashCommands;
    private final Map<String, Command> buttons;

    ButtonedOwnership(List<SlashCommand> slashCommands, Map<String, Command> buttons) {
        this.slashCommands = slashCommands;
        this.buttons = buttons;
    }

    /** The real sub-commands and buttons, and another Cancel button ({@code ov_cancel}, value: the ticket id). */
    static ButtonedOwnership withCancelButton() {
        OwnershipVerification real = new OwnershipVerification();
        Map<String, Command> buttons = new java.util.HashMap<>(real.buttonActions());
        buttons.put("ov_cancel", Command.CANCEL);
        return new ButtonedOwnership(real.slashCommands(), Map.copyOf(buttons));
    }

    @Override
    public List<SlashCommand> slashCommands() {
        return slashCommands;
    }

    @Override
    public Map<String, Command> buttonActions() {
        return buttons;
    }

    @Override
    public String kind() {
        return real.kind();
    }

    @Override
    public String startTag() {
        return real.startTag();
    }

    @Override
    public Map<String, Command> commandTags() {
        return real.commandTags();
    }

    @Override
    public Outcome outcome(OwnershipState state) {
        return real.outcome(state);
    }

    @Override
    public Class<OwnershipState> stateType() {
        return real.stateType();
    }

    @Override
    public OwnershipState initialState() {
        return real.initialState();
    }

    @Override
    public List<FactRequest<?>> factsNeeded(OwnershipState state, Event event) {
        return real.factsNeeded(state, event);
    }

    @Override
    public Decision<OwnershipState> decide(OwnershipState state, Event event, Facts facts, Context ctx) {
        return real.decide(state, event, facts, ctx);
    }

    @Override
    public boolean finished(OwnershipState state) {
        return real.finished(state);
    }
}
