package dev.supportbot.bot.zendesk;

/** Zendesk's ticket statuses. */
public enum TicketStatus {
    NEW, OPEN, PENDING, HOLD, SOLVED, CLOSED
}
