package dev.supportbot.bot.engine;

import java.util.List;

/**
 * A request to start workflow {@code kind} on ticket {@code ticketId} that does not come from the ticket's start tag:
 * a {@code /lnr} command, or another workflow's {@code StartWorkflow} effect. Queued in the inbox under
 * {@link #SOURCE}; {@code initiator} names who asked ({@code slack:U123}, {@code email:agent@example.com}, or
 * {@code supportbot} for a workflow) so that they can never approve what the workflow plans. {@code arguments} are
 * the command's words after the ticket, which the workflow's {@code initialState(arguments)} takes in.
 */
public record StartRequest(long ticketId, String kind, String initiator, List<String> arguments) {
    public static final String SOURCE = "start";

    public StartRequest {
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
    }

    public StartRequest(long ticketId, String kind, String initiator) {
        this(ticketId, kind, initiator, List.of());
    }
}
