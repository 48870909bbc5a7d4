package dev.supportbot.bot.slack;

/**
 * A modal with one multi-line text input (e.g. the reason for rejecting a plan). Its submission comes back through
 * {@link SlackCommands} as a {@code view_submission} event carrying {@code callbackId}, {@code privateMetadata} and
 * the text typed.
 */
public record SlackModal(String callbackId, String title, String privateMetadata, String intro, String inputLabel,
                         String submitLabel) {
    /** The block and action id of the text input. */
    public static final String INPUT = "input";
}
