package dev.supportbot.bot.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** Logs through SLF4J with the bot's own logback.xml (ASYNC over STDOUT), capturing what STDOUT writes. */
class LogSecretsTest {
    private final LoggerContext context = new LoggerContext();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private Logger log;

    @BeforeEach
    void configureFromLogbackXml() throws Exception {
        context.setMDCAdapter(new LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getResource("/logback.xml"));
        consoleAppender().setOutputStream(stdout);
        log = context.getLogger("dev.supportbot.bot.SomeHandler");
    }

    private ConsoleAppender<?> consoleAppender() {
        AsyncAppender async = (AsyncAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("ASYNC");
        return (ConsoleAppender<?>) async.getAppender("STDOUT");
    }

    /** Stopping the context drains the async queue, so everything logged so far has been written. */
    private String output() {
        context.stop();
        return stdout.toString(StandardCharsets.UTF_8);
    }

    @Test
    void the_configuration_keeps_its_appenders_and_levels_and_encodes_with_the_masking_encoder() {
        assertThat(consoleAppender().getEncoder()).isInstanceOf(MaskingPatternLayoutEncoder.class);
        assertThat(context.getLogger("org.zendesk.client").getLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("org.eclipse.jetty").getLevel()).isEqualTo(Level.WARN);
        // Bolt's WARN lines quote request bodies ("No request pattern detected for ...").
        assertThat(context.getLogger("com.slack.api.bolt.util.SlackRequestParser").getEffectiveLevel()).isEqualTo(Level.ERROR);
        assertThat(context.getLogger("com.slack.api.bolt.App").getEffectiveLevel()).isEqualTo(Level.ERROR);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);
    }

    @Test
    void an_activation_code_in_a_message_argument_is_masked() {
        String code = TestSecrets.activationCode();
        log.info("customer sent activation code {} on ticket {}", code, 4711);
        String out = output();
        assertThat(out).contains("customer sent activation code [REDACTED activation code] on ticket 4711")
                .doesNotContain(code);
    }

    @Test
    void a_wrapped_license_in_a_message_is_masked_as_one_license_key() {
        String license = TestSecrets.license("\n");
        log.warn("webhook body:\n{}\nend of body", license);
        String out = output();
        assertThat(out).contains("webhook body:\n[REDACTED license key]\nend of body");
        for (String line : license.split("\n")) assertThat(out).doesNotContain(line);
    }

    @Test
    void codes_in_an_exception_message_and_its_cause_are_masked_in_the_stack_trace() {
        String code = TestSecrets.activationCode();
        String other = TestSecrets.activationCode();
        Exception e = new IllegalStateException("portal rejected code " + code,
                new IllegalArgumentException("invalid activation code '" + other + "'"));
        log.error("activation failed", e);
        String out = output();
        assertThat(out).contains("activation failed")
                .contains("java.lang.IllegalStateException: portal rejected code [REDACTED activation code]")
                .contains("Caused by: java.lang.IllegalArgumentException: invalid activation code '[REDACTED activation code]'")
                .contains("\tat dev.supportbot.bot.redaction.LogSecretsTest")
                .doesNotContain(code).doesNotContain(other);
    }

    @Test
    void api_tokens_are_masked() {
        log.info("request headers: Authorization: Bearer s3cr3t-portal-token, PRIVATE-TOKEN: glpat-AbCdEfGhIjKlMnOpQrSt");
        log.info("slack client built with xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx");
        String out = output();
        assertThat(out).contains("Authorization: Bearer [REDACTED token], PRIVATE-TOKEN: [REDACTED token]")
                .contains("slack client built with [REDACTED token]")
                .doesNotContain("s3cr3t").doesNotContain("glpat-").doesNotContain("xoxb-");
    }
}
