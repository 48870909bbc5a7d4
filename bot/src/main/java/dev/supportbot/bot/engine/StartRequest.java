package dev.supportbot.bot.engine;

/**
 * A request to start workflow {@code kind} on ticket {@code ticketId} that does not come from the ticket's start tag:
 * a {@code /lnr} command, or another workflow's {@code StartWorkflow} effect. Queued in the inbox under
 * {@link #SOURCE}; {@code initiator} names who asked ({@code slack:U123}, {@code email:agent@example.com}, or
 * {@code supportbot} for a workflow) so that they can never approve what the workflow plans.
 */
public record StartRequest(long ticketId, String kind, String initiator) {
    public static final String SOURCE = "start";
}
