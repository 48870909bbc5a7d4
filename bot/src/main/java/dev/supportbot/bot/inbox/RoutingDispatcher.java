package dev.supportbot.bot.inbox;

import java.util.Map;

/** Hands each event to the dispatcher registered for its source; an event of no known source is parked. */
public final class RoutingDispatcher implements Dispatcher {
    private final Map<String, Dispatcher> bySource;

    public RoutingDispatcher(Map<String, Dispatcher> bySource) {
        this.bySource = Map.copyOf(bySource);
    }

    @Override
    public Handled dispatch(InboxEvent event) throws Exception {
        Dispatcher dispatcher = bySource.get(event.source());
        if (dispatcher == null) return Handled.noop("no handler for source " + event.source());
        return dispatcher.dispatch(event);
    }
}
