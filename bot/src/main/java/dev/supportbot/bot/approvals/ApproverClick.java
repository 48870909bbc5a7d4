package dev.supportbot.bot.approvals;

import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.plugin.ClickHandler;

/** A click on an approval message's button; it answers the clicker, so it needs the inbox event that carried it. */
abstract class ApproverClick implements ClickHandler {

    @Override
    public final Handled handle(Click click) {
        throw new UnsupportedOperationException(getClass().getSimpleName()
                + " answers the clicker keyed by the click's inbox event: call handle(click, cause)");
    }
}
