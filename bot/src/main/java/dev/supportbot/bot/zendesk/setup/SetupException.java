package dev.supportbot.bot.zendesk.setup;

/** The set-up cannot be compared or applied as it stands (a reference names nothing in Zendesk, an unset variable). */
public final class SetupException extends RuntimeException {
    public SetupException(String message) {
        super(message);
    }
}
