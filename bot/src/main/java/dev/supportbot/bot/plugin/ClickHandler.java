package dev.supportbot.bot.plugin;

import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.inbox.InboxEvent;
import java.util.Optional;
import java.util.Set;

/**
 * Handles Slack button clicks with the given action ids, as stored in the inbox. Its answer to the person who clicked
 * (ephemeral, through the click's response URL) goes out after the commit, as an effect.
 */
public interface ClickHandler {

    Set<String> actionIds();

    Handled handle(Click click) throws Exception;

    /**
     * When only the configured agents may click these buttons, the answer the router gives anyone else (the handler is
     * then not called); empty when the handler decides who may click (approvers need not be agents).
     */
    default Optional<String> agentsOnly() {
        return Optional.empty();
    }

    /**
     * The click with the inbox event that carried it, which the answer is keyed by; the commands router
     * calls this one. A handler that answers the clicker overrides it.
     */
    default Handled handle(Click click, InboxEvent cause) throws Exception {
        return handle(click);
    }

    /** A click as the intake stored it; {@code value} is the button's value (e.g. an approval id). */
    record Click(String actionId, String value, String userId, String channelId, String messageTs, String responseUrl,
                 String triggerId) {}
}
