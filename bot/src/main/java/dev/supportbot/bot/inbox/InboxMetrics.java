package dev.supportbot.bot.inbox;

import java.time.Duration;
import java.time.Instant;

/** What the workers report. Implemented by the metrics registry; a no-op for tools that need none. */
public interface InboxMetrics {
    void processed(InboxEvent event, Duration handling, Instant now);

    void deadLettered(InboxEvent event);

    InboxMetrics NONE = new InboxMetrics() {
        @Override
        public void processed(InboxEvent event, Duration handling, Instant now) {}

        @Override
        public void deadLettered(InboxEvent event) {}
    };
}
