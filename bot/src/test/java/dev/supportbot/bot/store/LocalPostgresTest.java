package dev.supportbot.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportbot.bot.inbox.Inbox;
import dev.supportbot.bot.inbox.NewInboxEvent;
import dev.supportbot.bot.testing.Await;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default: the bot's own PostgreSQL server in a data directory, for the bot alone and one bot at a time. */
class LocalPostgresTest {
    @TempDir
    Path dir;

    @Test
    void the_server_answers_only_the_bot_with_its_password_and_keeps_what_was_committed_across_a_restart() throws Exception {
        try (Database db = Database.openEmbedded(dir, 2); Inbox inbox = new Inbox(db, Clock.systemUTC())) {
            inbox.accept(new NewInboxEvent("zendesk", "delivery:1", "ticket.updated", 1L, "{}"));
            LocalPostgres.Endpoint endpoint = LocalPostgres.running(dir).orElseThrow();
            assertThat(endpoint.url()).startsWith("jdbc:postgresql://127.0.0.1:");
            assertThatThrownBy(() -> DriverManager.getConnection(endpoint.url(), "postgres", null).close())
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(endpoint.url(), "postgres", "not-the-password").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
            assertThat(endpoint.toString()).doesNotContain(endpoint.password());
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("postgresql.password"))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(dir.resolve("postgresql/pg_hba.conf")).lines().filter(l -> !l.startsWith("#")))
                .containsExactly("host  all  postgres  127.0.0.1/32  scram-sha-256");
        assertThat(dir.resolve("postgresql/postmaster.pid")).as("the server stopped with the database").doesNotExist();

        try (Database again = Database.openEmbedded(dir, 2); Inbox inbox = new Inbox(again, Clock.systemUTC())) {
            assertThat(inbox.depth()).isEqualTo(1);
        }
    }

    @Test
    void a_second_bot_on_the_same_data_directory_is_refused_in_one_line() {
        try (Database first = Database.openEmbedded(dir, 2)) {
            assertThatThrownBy(() -> Database.openEmbedded(dir, 2))
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessage("the data directory " + dir.toAbsolutePath().normalize() + " is in use by another supportbot (process "
                            + ProcessHandle.current().pid() + "); stop it first, or give this one another BOT_DATA_DIR");
            Integer answer = first.jdbi().withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            assertThat(answer).as("the first bot's server still answers").isEqualTo(1);
        }
    }

    @Test
    void a_data_directory_with_an_h2_file_of_an_older_version_is_refused_and_left_as_it_was() throws Exception {
        Path h2 = Files.writeString(dir.resolve("supportbot.mv.db"), "H2 ");
        assertThatThrownBy(() -> Database.openEmbedded(dir, 2))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageStartingWith(h2.toAbsolutePath() + " is an H2 database of an older supportbot")
                .hasMessageContaining("move that file out of " + dir.toAbsolutePath());
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(h2);
        }
    }

    @Test
    void the_cli_refuses_a_data_directory_without_a_database_and_creates_nothing() throws Exception {
        Path data = dir.resolve("data");
        assertThatThrownBy(() -> Database.openExistingEmbedded(data))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessage("no database in " + data.toAbsolutePath() + " (nothing was created)");
        assertThat(data).doesNotExist();
    }

    /**
     * A bot in another JVM, killed with SIGKILL, leaves its PostgreSQL server running: while it ran, the CLI reached
     * that server; after the kill, the next start stops the server left behind and starts its own on the same data,
     * every commit still there.
     */
    @Test
    void a_server_left_by_a_killed_bot_is_stopped_and_the_next_start_has_every_commit() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedBotProcess.class.getName(), dir.toString())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals(EmbeddedBotProcess.READY));
            assertThat(line).as("the child bot stored its events").isEqualTo(EmbeddedBotProcess.READY);

            try (Database cli = Database.openExistingEmbedded(dir); Inbox inbox = new Inbox(cli, Clock.systemUTC())) {
                assertThat(inbox.depth()).as("read through the running bot's server").isEqualTo(EmbeddedBotProcess.EVENTS);
            }
            long postmaster = Long.parseLong(Files.readAllLines(dir.resolve("postgresql/postmaster.pid")).get(0).strip());

            child.destroyForcibly(); // SIGKILL
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).as("the server outlived its bot").contains(true);

            try (Database db = Database.openEmbedded(dir, 2); Inbox inbox = new Inbox(db, Clock.systemUTC())) {
                assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false)).isFalse();
                assertThat(inbox.depth()).isEqualTo(EmbeddedBotProcess.EVENTS);
            }
        } finally {
            child.destroyForcibly();
            Await.until("the child to go", Duration.ofSeconds(30), () -> !child.isAlive());
        }
    }
}
