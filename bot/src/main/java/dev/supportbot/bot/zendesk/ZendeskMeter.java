package dev.supportbot.bot.zendesk;

/** Counts Zendesk requests by kind and outcome ({@code ok}, or the failure, e.g. {@code rate_limited}). */
@FunctionalInterface
public interface ZendeskMeter {
    ZendeskMeter NONE = (kind, outcome) -> {};

    void request(ApiBudget.Kind kind, String outcome);
}
