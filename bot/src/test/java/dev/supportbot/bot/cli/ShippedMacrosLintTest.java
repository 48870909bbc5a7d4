package dev.supportbot.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** CI runs {@code supportbot zendesk lint macros}: the shipped set-up files pass it. */
class ShippedMacrosLintTest {

    @Test
    void the_shipped_macros_directory_passes_lint() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal terminal = new Terminal(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        int code = new Cli().run(new String[] {"zendesk", "lint", "../macros"}, terminal);

        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).strip()).isEqualTo("../macros: no problems");
    }

    @Test
    void lint_finds_problems_and_exits_1() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Terminal terminal = new Terminal(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));

        // The bot module's own sources hold no set-up files, so every workflow tag lacks its macro.
        int code = new Cli().run(new String[] {"zendesk", "lint", "src/main/resources"}, terminal);

        assertThat(code).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("no active macro adds the workflow start tag supportbot_start_ownership_verification");
    }
}
