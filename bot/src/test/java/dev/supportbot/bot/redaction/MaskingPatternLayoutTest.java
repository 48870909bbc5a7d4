package dev.supportbot.bot.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MaskingPatternLayoutTest {
    private static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level [%thread] %logger{24} %X - %msg%n";

    private final LoggerContext context = new LoggerContext();
    private final Logger logger = context.getLogger("dev.supportbot.bot.engine.EffectDispatcher");

    private <L extends PatternLayout> L started(L layout) {
        layout.setContext(context);
        layout.setPattern(PATTERN);
        layout.start();
        return layout;
    }

    private ILoggingEvent event(String message, Throwable error, Map<String, String> mdc) {
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.INFO, message, error, null);
        event.setMDCPropertyMap(mdc);
        return event;
    }

    @Test
    void a_secret_in_the_mdc_is_masked() {
        String code = TestSecrets.activationCode();
        String line = started(new MaskingPatternLayout()).doLayout(event("note posted", null, Map.of("comment", "code " + code)));
        assertThat(line).contains("comment=code [REDACTED activation code]").doesNotContain(code);
    }

    @Test
    void a_bearer_token_shaped_like_an_activation_code_reads_as_a_token() {
        String code = TestSecrets.activationCode();
        String line = started(new MaskingPatternLayout()).doLayout(event("Authorization: Bearer " + code, null, Map.of()));
        assertThat(line).contains("Authorization: Bearer [REDACTED token]").doesNotContain(code);
    }

    /** Many varied lines of what the bot logs, none holding a secret: the masking layout must not change a byte. */
    @Test
    void lines_without_secrets_come_out_identical_to_the_plain_pattern_layout() {
        PatternLayout plain = started(new PatternLayout());
        MaskingPatternLayout masking = started(new MaskingPatternLayout());
        Random random = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            String message = switch (i % 6) {
                case 0 -> "ticket " + (100_000 + random.nextInt(900_000)) + " updated by agent@example.com, Grüße 🙂";
                case 1 -> "subscription A-S" + random.nextInt(99_999_999) + " renewal for Premium (SaaS), invoice INV-" + i;
                case 2 -> "instance " + UUID.randomUUID() + " claimed effect " + i + " at attempt " + random.nextInt(5);
                case 3 -> "GET https://portal.example.com/api/v1/subscriptions/" + Long.toHexString(random.nextLong())
                        + Long.toHexString(random.nextLong()) + "?page=2 -> 200";
                case 4 -> "commit " + Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong())
                        + " image sha256:" + Long.toHexString(random.nextLong()) + "; Authorization header present";
                default -> "AbstractSingletonProxyFactoryBean failed\r\nsecond line\ttabbed";
            };
            Throwable error = i % 50 == 0 ? new IllegalStateException("state " + i + " id " + UUID.randomUUID()) : null;
            ILoggingEvent event = event(message, error, Map.of("ticket", Integer.toString(i)));
            assertThat(masking.doLayout(event)).isEqualTo(plain.doLayout(event));
        }
    }
}
