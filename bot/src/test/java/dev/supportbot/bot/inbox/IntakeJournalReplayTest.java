package dev.supportbot.bot.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The intake journal of an H2 file database: what intake writes to it, replay on start, checkpoint on close. */
class IntakeJournalReplayTest {
    @TempDir
    Path dir;

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("bot");
    }

    private Path journalPath() {
        return Path.of(dir.resolve("bot").toAbsolutePath() + ".intake.journal");
    }

    private Database open() {
        return Database.open(url(), "sa", null, 4);
    }

    private static long rowCount(Database db) {
        return db.jdbi().withHandle(h -> h.select("SELECT COUNT(*) FROM inbox").mapTo(Long.class).one());
    }

    private static NewInboxEvent event(String key) {
        return new NewInboxEvent("zendesk", key, "ticket.updated", 42L, "{\"ticket_id\":42}");
    }

    private List<IntakeJournal.Entry> journalAfterCrash() throws IOException {
        Path copy = dir.resolve("crashed-" + System.nanoTime());
        Files.copy(journalPath(), copy);
        try (IntakeJournal journal = IntakeJournal.open(copy)) {
            return journal.recovered();
        }
    }

    @Test
    void intake_journals_each_accepted_event_once_before_answering_and_a_close_checkpoints() throws Exception {
        try (Database db = open(); Inbox inbox = new Inbox(db, Clock.systemUTC())) {
            assertThat(db.h2File()).isPresent();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Acceptance>> answers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String key = "delivery:" + (i % 100); // every key twice: the duplicate is not journaled
                answers.add(pool.submit(() -> inbox.accept(event(key))));
            }
            long accepted = 0;
            for (Future<Acceptance> answer : answers) {
                if (answer.get(30, TimeUnit.SECONDS) == Acceptance.ACCEPTED) accepted++;
            }
            pool.shutdown();
            assertThat(accepted).isEqualTo(100);
            assertThat(inbox.writer().checkpoints()).as("no checkpoint yet").isZero();
            assertThat(journalAfterCrash()).extracting(e -> e.event().dedupKey()).doesNotHaveDuplicates().hasSize(100);
        }
        assertThat(journalAfterCrash()).as("a graceful close checkpoints and resets the journal").isEmpty();
        try (Database db = open()) {
            assertThat(rowCount(db)).isEqualTo(100);
        }
    }

    @Test
    void replay_on_start_stores_only_the_events_missing_from_the_inbox_and_empties_the_journal() throws Exception {
        Instant received = Instant.parse("2026-12-01T10:00:00Z");
        try (Database db = open()) {
            // One event reached the database file (and was already handled); the other's commit did not.
            db.jdbi().useHandle(h -> {
                Inbox.enqueue(h, event("delivery:stored"), received);
                h.execute("UPDATE inbox SET status = 'done', available_at = NULL WHERE dedup_key = 'delivery:stored'");
            });
        }
        try (IntakeJournal journal = IntakeJournal.open(journalPath())) {
            journal.reset();
            journal.append(List.of(new IntakeJournal.Entry(event("delivery:stored"), received),
                    new IntakeJournal.Entry(event("delivery:lost"), received)));
        }
        try (Database db = open(); Inbox inbox = new Inbox(db, Clock.systemUTC())) {
            assertThat(journalAfterCrash()).as("reset after the replay").isEmpty();
            List<String> rows = db.jdbi().withHandle(h -> h.select(
                    "SELECT dedup_key || ' ' || status FROM inbox ORDER BY dedup_key").mapTo(String.class).list());
            assertThat(rows).containsExactly("delivery:lost pending", "delivery:stored done");
            List<InboxEvent> claimed = inbox.claim(10, Duration.ofMinutes(1));
            assertThat(claimed).singleElement().satisfies(e -> {
                assertThat(e.dedupKey()).isEqualTo("delivery:lost");
                assertThat(e.receivedAt()).isEqualTo(received);
            });
            assertThat(inbox.accept(event("delivery:lost"))).isEqualTo(Acceptance.DUPLICATE);
        }
        try (Database db = open(); Inbox inbox = new Inbox(db, Clock.systemUTC())) {
            assertThat(inbox.depth()).as("a second start replays nothing again").isEqualTo(1);
            assertThat(rowCount(db)).isEqualTo(2);
        }
    }
}
