package dev.supportbot.workflows.engine;

/** A public reply the bot drafts inside a private note for the agent to edit and send; the bot never sends it. */
public final class Drafts {
    private Drafts() {}

    public static String reply(String text) {
        return "Draft public reply (not sent; edit and send it yourself if it fits):\n> " + text.replace("\n", "\n> ");
    }
}
