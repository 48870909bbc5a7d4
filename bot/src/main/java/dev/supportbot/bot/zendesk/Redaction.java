package dev.supportbot.bot.zendesk;

/** What a redaction did: which Zendesk endpoint removed how many of the given secrets from the comment. */
public record Redaction(Via via, int secrets) {

    public enum Via {
        /** None of the secrets is in the comment any more (e.g. redacted before): nothing was sent. */
        NOTHING_TO_REDACT,
        /** {@code PUT /api/v2/comment_redactions/{comment}}: one call for all secrets; works on closed tickets. */
        COMMENT_REDACTIONS,
        /** {@code PUT /api/v2/tickets/{t}/comments/{c}/redact.json}: one call per secret; not on closed tickets. */
        LEGACY_REDACT
    }

    public static Redaction nothing() {
        return new Redaction(Via.NOTHING_TO_REDACT, 0);
    }
}
