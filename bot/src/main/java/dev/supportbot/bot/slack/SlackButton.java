package dev.supportbot.bot.slack;

/**
 * A button. A click comes back through {@link SlackCommands} as a {@code block_action} event carrying
 * {@code actionId} and {@code value}.
 */
public record SlackButton(String actionId, String label, String value, Style style) {

    public enum Style { DEFAULT, PRIMARY, DANGER }

    public static SlackButton of(String actionId, String label, String value) {
        return new SlackButton(actionId, label, value, Style.DEFAULT);
    }
}
