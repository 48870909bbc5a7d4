package dev.supportbot.bot.inbox;

/** Does the work for one inbox event. Registered once; the workers call it for every claimed event. */
@FunctionalInterface
public interface Dispatcher {

    /**
     * Handles {@code event}. Reads from outside systems happen here; writes to the bot's own database are returned
     * in the {@link Handled}, whose commit runs in the same transaction that marks the event done, so they happen
     * exactly once. Throwing means "try again later".
     */
    Handled dispatch(InboxEvent event) throws Exception;
}
