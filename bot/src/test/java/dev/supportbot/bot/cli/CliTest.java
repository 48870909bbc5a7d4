package dev.supportbot.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.inbox.Inbox;
import dev.supportbot.bot.inbox.NewInboxEvent;
import dev.supportbot.bot.shadow.ShadowLedger;
import dev.supportbot.bot.store.Database;
import dev.supportbot.bot.testing.TestDatabases;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    private static Path databaseConfig(Path dir, String url) throws Exception {
        return Files.writeString(dir.resolve("bot.yaml"), "database:\n  url: \"" + url + "\"\n  user: " + TestDatabases.USER + "\n");
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
    void config_check_prints_durations_and_lists_as_they_are_configured(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("bot.yaml");
        Files.writeString(config, "server:\n  idle_timeout: 90s\n  header_timeout: 2m\n");
        assertThat(run("config", "check", "--config", config.toString())).isZero();
        assertThat(out()).containsPattern("BOT_SERVER_IDLE_TIMEOUT +90s\n").containsPattern("BOT_SERVER_HEADER_TIMEOUT +2m\n")
                .containsPattern("BOT_TYPO_FIX_APPROVAL_TTL +72h\n")
                .containsPattern("BOT_TRACKER_LABELS +Subscription-Ownership-Change-Escalation\n").doesNotContainPattern(" PT\\d");
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
    void the_documented_settings_table_is_the_config_table() throws Exception {
        assertThat(run("config", "table")).isZero();
        List<String> readme = Files.readAllLines(Path.of("..", "docs", "configuration.md"));
        int start = readme.indexOf("| key in bot.yaml | environment variable | default | meaning |");
        assertThat(start).as("the settings table in docs/configuration.md").isNotNegative();
        List<String> table = readme.subList(start, readme.size()).stream().takeWhile(line -> line.startsWith("|")).toList();
        assertThat(table).isEqualTo(out().lines().toList());
    }

    @Test
    void inbox_dead_lists_parked_events_and_retry_requeues_them(@TempDir Path dir) throws Exception {
        String url = TestDatabases.freshUrl();
        Path config = databaseConfig(dir, url);
        long id;
        try (Database db = TestDatabases.reopen(url)) {
            Inbox inbox = new Inbox(db, Clock.systemUTC());
            inbox.accept(new NewInboxEvent("zendesk", "k", "ticket.updated", 77L, "{}"));
            var claimed = inbox.claim(1, Duration.ofMinutes(1)).get(0);
            inbox.fail(claimed, "portal said 500", Duration.ZERO, true);
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
    void shadow_report_prints_per_workflow_the_runs_would_be_actions_and_share_rated_right(@TempDir Path dir) throws Exception {
        String url = TestDatabases.freshUrl();
        Path config = databaseConfig(dir, url);
        Instant lastWeek = Instant.parse("2026-11-30T09:00:00Z");
        Instant today = Instant.parse("2026-12-07T09:00:00Z");
        try (Database db = TestDatabases.reopen(url)) {
            ShadowLedger ledger = new ShadowLedger(db);
            long ownership = workflowRun(db, "ownership_verification", 501);
            long first = ledger.record(new ShadowLedger.Decision("effect:" + ownership + ":1:0", ownership, 501, 3, lastWeek));
            long second = ledger.record(new ShadowLedger.Decision("effect:" + ownership + ":2:0", ownership, 501, 2, today));
            long addContact = workflowRun(db, "add_contact", 502);
            ledger.record(new ShadowLedger.Decision("effect:" + addContact + ":1:0", addContact, 502, 4, today));
            db.jdbi().useTransaction(h -> {
                ShadowLedger.rate(h, first, "UAGENT1", true, today);
                ShadowLedger.rate(h, second, "UAGENT1", false, today);
                ShadowLedger.rate(h, second, "UAGENT2", true, today);
                ShadowLedger.rate(h, second, "UAGENT2", true, today); // the same agent again: counted once
            });
        }
        assertThat(run("shadow", "report", "--config", config.toString())).isZero();
        assertThat(out()).contains("Shadow decisions since shadow mode was first used:")
                .containsPattern("add contact +1 +4 +0 +0 +not rated yet")
                .containsPattern("ownership verification +1 +5 +2 +3 +67%");
        out.reset();
        assertThat(run("shadow", "report", "--since", "2026-12-01", "--config", config.toString())).isZero();
        assertThat(out()).contains("Shadow decisions since 1 December 2026 (UTC):").containsPattern("ownership verification +1 +2 +1 +2 +50%");
        assertThat(run("shadow", "report", "--since", "last week", "--config", config.toString())).isEqualTo(2);
        assertThat(err()).contains("'last week' is not a date such as 2026-12-01");
        assertThat(run("shadow", "--config", config.toString())).isEqualTo(2);
    }

    /** A workflow run for shadow decisions to be about. */
    private static long workflowRun(Database db, String kind, long ticket) {
        return db.jdbi().withHandle(h -> h.createQuery("""
                        INSERT INTO workflow_instance (kind, ticket_id, state_json, state_type, version, finished, comment_cursor,
                            created_at, updated_at) VALUES (:kind, :ticket, '{}', 'Started', 1, FALSE, 0, now(), now())
                        RETURNING id""").bind("kind", kind).bind("ticket", ticket).mapTo(Long.class).one());
    }

    @Test
    void inbox_commands_refuse_a_database_without_the_bots_tables(@TempDir Path dir) throws Exception {
        String url = TestDatabases.emptyUrl();
        try (var c = java.sql.DriverManager.getConnection(url, TestDatabases.USER, null)) {
            c.createStatement().execute("CREATE TABLE unrelated (id INT)");
        }
        Path config = databaseConfig(dir, url);
        assertThat(run("inbox", "stats", "--config", config.toString())).isEqualTo(2);
        assertThat(err().strip()).isEqualTo("supportbot: no supportbot database at " + url.substring(0, url.indexOf('?')) + " (no inbox table)");
    }

    @Test
    void serve_with_an_unreachable_database_says_so_in_one_line_and_exits_2(@TempDir Path dir) throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path config = dir.resolve("bot.yaml");
        Files.writeString(config, "server:\n  port: 0\ndatabase:\n  url: jdbc:postgresql://127.0.0.1:" + closedPort + "/bot\n");
        assertThat(run("serve", "--config", config.toString())).isEqualTo(2);
        assertThat(err().lines()).singleElement().asString()
                .startsWith("supportbot: cannot connect to jdbc:postgresql://127.0.0.1:" + closedPort + "/bot: Connection to 127.0.0.1:" + closedPort + " refused");
    }

    @Test
    void serve_on_a_port_in_use_says_so_in_one_line_and_exits_2(@TempDir Path dir) throws Exception {
        try (var taken = new java.net.ServerSocket(0)) {
            Path config = dir.resolve("bot.yaml");
            Files.writeString(config, "server:\n  port: " + taken.getLocalPort() + "\ndatabase:\n  url: \"" + TestDatabases.freshUrl()
                    + "\"\n  user: " + TestDatabases.USER + "\n");
            assertThat(run("serve", "--config", config.toString())).isEqualTo(2);
            assertThat(err().lines()).singleElement().asString()
                    .startsWith("supportbot: cannot listen on 0.0.0.0:" + taken.getLocalPort() + ": Port already in use");
        }
    }

    @Test
    void inbox_commands_refuse_a_postgresql_database_that_does_not_exist(@TempDir Path dir) throws Exception {
        String existing = TestDatabases.freshUrl();
        String missing = existing.replaceFirst("/(\\w+)\\?", "/no_such_db?");
        Path config = dir.resolve("bot.yaml");
        Files.writeString(config, "database:\n  url: \"" + missing + "\"\n  user: " + TestDatabases.USER + "\n");
        assertThat(run("inbox", "stats", "--config", config.toString())).isEqualTo(2);
        assertThat(err().strip()).isEqualTo("supportbot: no database at " + missing.substring(0, missing.indexOf('?')) + " (nothing was created)");
    }

    @Test
    void inbox_purge_dead_deletes_the_dead_letters_older_than_the_age_given(@TempDir Path dir) throws Exception {
        String url = TestDatabases.freshUrl();
        Path config = databaseConfig(dir, url);
        try (Database db = TestDatabases.reopen(url)) {
            Inbox inbox = new Inbox(db, Clock.systemUTC());
            inbox.accept(new NewInboxEvent("zendesk", "k", "ticket.updated", 77L, "{}"));
            inbox.fail(inbox.claim(1, Duration.ofMinutes(1)).get(0), "portal said 500", Duration.ZERO, true);
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
