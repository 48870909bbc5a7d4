package dev.supportbot.bot.redaction;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.PatternLayoutEncoderBase;

/**
 * Drop-in for Logback's {@code PatternLayoutEncoder} ({@code <encoder class="...MaskingPatternLayoutEncoder">} with the
 * same {@code <pattern>}) that formats with {@link MaskingPatternLayout}.
 */
public final class MaskingPatternLayoutEncoder extends PatternLayoutEncoderBase<ILoggingEvent> {
    @Override
    public void start() {
        MaskingPatternLayout layout = new MaskingPatternLayout();
        layout.setContext(context);
        layout.setPattern(getPattern());
        layout.setOutputPatternAsHeader(outputPatternAsHeader);
        layout.start();
        this.layout = layout;
        super.start();
    }
}
