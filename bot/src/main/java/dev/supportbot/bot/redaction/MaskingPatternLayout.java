package dev.supportbot.bot.redaction;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.supportbot.workflows.redaction.SecretScanner;

/**
 * A {@link PatternLayout} that masks secrets in the whole formatted event: message, arguments, MDC, and the stack
 * trace that {@code %ex} (or the one PatternLayout appends by itself) writes. Masking the finished text, rather than
 * wrapping conversion words, means no pattern edit can leave a part of the line unmasked, and a license wrapped over
 * several lines of a message is seen whole. A line without secrets comes out unchanged.
 */
public final class MaskingPatternLayout extends PatternLayout {
    @Override
    public String doLayout(ILoggingEvent event) {
        // Credentials first: an activation-code-like bearer token then reads "Bearer [REDACTED token]".
        return SecretScanner.mask(CredentialMask.mask(super.doLayout(event)));
    }
}
