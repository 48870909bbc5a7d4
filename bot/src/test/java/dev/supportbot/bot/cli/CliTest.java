package dev.supportbot.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.inbox.Inbox;
import dev.supportbot.bot.inbox.NewInboxEvent;
import dev.supportbot.bot.store.Database;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        Terminal terminal = new Terminal(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Cli().run(args, terminal);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void help_lists_every_command_on_stdout() {
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("serve").contains("version").contains("inbox").contains("config");
        assertThat(err()).isEmpty();
    }

    @Test
    void an_unknown_command_prints_usage_on_stderr_and_exits_2() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err()).contains("unknown command 'frobnicate'").contains("usage: supportbot");
        assertThat(out()).isEmpty();
    }

    @Test
    void no_command_is_bad_usage() {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).contains("usage: supportbot");
    }

    @Test
    void an_unknown_option_prints_the_commands_usage_and_exits_2() {
        assertThat(run("serve", "--verbose")).isEqualTo(2);
        assertThat(err()).contains("unknown option '--verbose'").contains("usage: supportbot serve");
        assertThat(run("version", "extra")).isEqualTo(2);
    }

    @Test
    void serve_with_an_invalid_configuration_stops_with_one_line_naming_the_key(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("bot.yaml");
        Files.writeString(config, "server:\n  port: 123456\n");
        assertThat(run("serve", "--config", config.toString())).isEqualTo(2);
        assertThat(err().strip()).isEqualTo("supportbot: invalid configuration: server.port: 123456 is out of range 0..65535");
    }

    @Test
    void version_prints_a_version() {
        assertThat(run("version")).isZero();
        assertThat(out()).startsWith("supportbot ");
    }

    @Test
    void config_table_lists_every_environment_variable() {
        assertThat(run("config", "table")).isZero();
        assertThat(out()).contains("`BOT_PORT`").contains("`BOT_DB_URL`").contains("`BOT_ZENDESK_WEBHOOK_SECRET`")
                .contains("`BOT_SLACK_SIGNING_SECRET`").contains("`BOT_PORTAL_URL`");
    }

    @Test
    void inbox_dead_lists_parked_events_and_retry_requeues_them(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("bot").toAbsolutePath();
        Path config = dir.resolve("bot.yaml");
        Files.writeString(config, "database:\n  url: " + url + "\n");
        long id;
        try (Database db = Database.open(url, "sa", null, 2)) {
            Inbox inbox = new Inbox(db, Clock.systemUTC());
            inbox.accept(new NewInboxEvent("zendesk", "k", "ticket.updated", 77L, "{}"));
            var claimed = inbox.claim(1, Duration.ofMinutes(1)).get(0);
            inbox.fail(claimed, "portal said 500", Clock.systemUTC().instant(), true);
            id = claimed.id();
        }
        assertThat(run("inbox", "dead", "--config", config.toString())).isZero();
        assertThat(out()).contains("ticket.updated").contains("77").contains("portal said 500");
        assertThat(run("inbox", "retry", Long.toString(id), "--config", config.toString())).isZero();
        assertThat(out()).contains("requeued dead letter " + id);
        assertThat(run("inbox", "retry", Long.toString(id), "--config", config.toString())).isEqualTo(1);
        assertThat(run("inbox", "bogus")).isEqualTo(2);
    }

    @Test
    void inbox_purge_dead_deletes_the_dead_letters_older_than_the_age_given(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("bot").toAbsolutePath();
        Path config = dir.resolve("bot.yaml");
        Files.writeString(config, "database:\n  url: " + url + "\n");
        try (Database db = Database.open(url, "sa", null, 2)) {
            Inbox inbox = new Inbox(db, Clock.systemUTC());
            inbox.accept(new NewInboxEvent("zendesk", "k", "ticket.updated", 77L, "{}"));
            inbox.fail(inbox.claim(1, Duration.ofMinutes(1)).get(0), "portal said 500", Clock.systemUTC().instant(), true);
        }
        assertThat(run("inbox", "purge-dead", "1d", "--config", config.toString())).isZero();
        assertThat(out()).contains("deleted 0 dead letters");
        assertThat(run("inbox", "purge-dead", "soon", "--config", config.toString())).isEqualTo(2);
        assertThat(err()).contains("'soon' is not an age");
        assertThat(run("inbox", "purge-dead", "--config", config.toString())).isZero();
        assertThat(out()).contains("deleted 1 dead letter\n");
        assertThat(run("inbox", "stats", "--config", config.toString())).isZero();
        assertThat(out()).contains("dead: 0");
    }
}
