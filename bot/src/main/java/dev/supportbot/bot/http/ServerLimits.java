package dev.supportbot.bot.http;

import java.time.Duration;

/**
 * How much of the server one client may hold. {@code idleTimeout}: longest silence on a connection, inside a request
 * or between two; {@code headerTimeout}: longest a request line and headers may take to arrive; {@code bodyTimeout}:
 * longest a request body may take to arrive once the headers are in; {@code maxConnections}: open connections at once
 * (more wait in the accept queue); {@code maxRequestsPerRoute}: requests of one limited route handled at once (more
 * wait briefly, then get 503).
 */
public record ServerLimits(
        Duration idleTimeout, Duration headerTimeout, Duration bodyTimeout, int maxConnections, int maxRequestsPerRoute) {
    /** How long a request over its route's limit waits for a slot before it is refused with 503. */
    static final Duration MAX_WAIT_FOR_SLOT = Duration.ofSeconds(5);
}
