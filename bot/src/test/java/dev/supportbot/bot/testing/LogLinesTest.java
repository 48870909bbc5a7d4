package dev.supportbot.bot.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link LogLines} sees what any logger of the JVM writes at WARN and above while it is open, as the bot's log shows it
 * (Bolt's own loggers at ERROR only, logback.xml), and nothing after.
 */
class LogLinesTest {
    private static final Logger bot = LoggerFactory.getLogger("dev.supportbot.bot.slack.SlackWorkspace");
    private static final Logger bolt = LoggerFactory.getLogger("com.slack.api.bolt.util.TeamIdCache");

    @Test
    void warnings_and_errors_of_any_logger_are_seen_while_open() {
        LogLines lines = LogLines.capture();
        bot.info("not a warning");
        bot.warn("a warning for {}", "auth.test");
        bolt.warn("below Bolt's level");
        bolt.error("unknown_method", new IllegalStateException("boom"));
        lines.close();
        bot.error("after closing");

        assertThat(lines.warningsAndErrors()).containsExactly(
                "WARN dev.supportbot.bot.slack.SlackWorkspace: a warning for auth.test",
                "ERROR com.slack.api.bolt.util.TeamIdCache: unknown_method (java.lang.IllegalStateException)");
    }
}
