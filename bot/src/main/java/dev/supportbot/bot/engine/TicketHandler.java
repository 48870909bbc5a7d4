package dev.supportbot.bot.engine;

import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.zendesk.ZendeskTicket;

/** Something every ticket webhook runs besides the workflows (e.g. redaction): returns what to commit. */
public interface TicketHandler {
    Handled handle(ZendeskTicket ticket, TicketComments comments) throws Exception;
}
