package dev.supportbot.bot.engine;

/** Agent-interface links to tickets, for messages that point people at one. */
record TicketLinks(String zendeskUrl) {
    String of(long ticket) {
        return (zendeskUrl == null ? "" : zendeskUrl) + "/agent/tickets/" + ticket;
    }
}
