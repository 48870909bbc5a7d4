package dev.supportbot.workflows.engine;

import java.util.Objects;

/**
 * What an agent can tell a workflow, from a Zendesk macro tag, a Slack command or a button. Each workflow names its
 * own verbs (e.g. ownership verification's {@code confirm-contract}); {@link #CANCEL} means the same to every workflow.
 */
public record Command(String verb) {
    /** Stop the workflow; nothing more is sent. */
    public static final Command CANCEL = new Command("cancel");

    public Command {
        Objects.requireNonNull(verb, "verb");
        if (!verb.matches("[a-z][a-z0-9-]{0,39}")) throw new IllegalArgumentException("not a command verb: " + verb);
    }

    @Override
    public String toString() {
        return verb;
    }
}
