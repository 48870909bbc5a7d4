package dev.supportbot.bot.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The intake journal on a real file. A crash is simulated by reading a copy of the file while the journal is open. */
class IntakeJournalTest {
    @TempDir
    Path dir;

    private static IntakeJournal.Entry entry(String key) {
        return new IntakeJournal.Entry(new NewInboxEvent("zendesk", key, "ticket.updated", 42L, "{\"ticket_id\":42,\"note\":\"é ✓\"}"),
                Instant.parse("2026-12-01T10:15:30.123456Z"));
    }

    /** What a process starting after a crash at this moment finds: the file's content as written so far. */
    private List<IntakeJournal.Entry> afterCrash(Path journal) throws IOException {
        Path copy = dir.resolve("crashed-" + System.nanoTime());
        Files.copy(journal, copy);
        try (IntakeJournal reopened = IntakeJournal.open(copy)) {
            return reopened.recovered();
        }
    }

    @Test
    void appended_entries_are_read_back_after_a_crash_and_after_a_close() throws IOException {
        Path path = dir.resolve("db.intake.journal");
        IntakeJournal.Entry noTicket = new IntakeJournal.Entry(new NewInboxEvent("slack", "k3", "command", null, ""), Instant.EPOCH);
        try (IntakeJournal journal = IntakeJournal.open(path)) {
            assertThat(journal.recovered()).isEmpty();
            assertThat(journal.isEmpty()).isTrue();
            assertThatThrownBy(() -> journal.append(List.of(entry("k0")))).isInstanceOf(IllegalStateException.class);
            journal.reset();
            journal.append(List.of(entry("k1"), entry("k2")));
            journal.append(List.of(noTicket));
            assertThat(journal.isEmpty()).isFalse();
            assertThat(afterCrash(path)).containsExactly(entry("k1"), entry("k2"), noTicket);
        }
        try (IntakeJournal reopened = IntakeJournal.open(path)) {
            assertThat(reopened.recovered()).containsExactly(entry("k1"), entry("k2"), noTicket);
            reopened.reset();
            reopened.append(List.of(entry("k4")));
            assertThat(afterCrash(path)).extracting(e -> e.event().dedupKey()).containsExactly("k4");
        }
    }

    @Test
    void a_torn_header_leaves_the_previous_one() throws IOException {
        Path path = dir.resolve("db.intake.journal");
        try (IntakeJournal journal = IntakeJournal.open(path)) {
            journal.reset();
            journal.append(List.of(entry("k1")));
        }
        Path torn = dir.resolve("torn");
        Files.copy(path, torn);
        try (IntakeJournal reopened = IntakeJournal.open(torn)) {
            reopened.reset(); // epoch 3, in the slot of epoch 1
        }
        try (RandomAccessFile file = new RandomAccessFile(torn.toFile(), "rw")) {
            file.seek(512 + 10); // the slot of epoch 3 (odd epochs: the second slot), half written
            file.write(new byte[] {-1, -1, -1, -1});
        }
        try (IntakeJournal reopened = IntakeJournal.open(torn)) {
            // Epoch 2 counts again: its record comes back, which replay tolerates (it stores only missing keys).
            assertThat(reopened.recovered()).containsExactly(entry("k1"));
        }
    }

    @Test
    void the_file_is_preallocated_so_a_sync_overwrites_and_does_not_append() throws IOException {
        Path path = dir.resolve("db.intake.journal");
        try (IntakeJournal journal = IntakeJournal.open(path)) {
            long size = Files.size(path);
            journal.reset();
            assertThat(size).isGreaterThanOrEqualTo(IntakeJournal.GROWTH);
            journal.append(List.of(entry("k1")));
            assertThat(Files.size(path)).isEqualTo(size);
        }
    }

    @Test
    void reading_stops_at_a_torn_record() throws IOException {
        Path path = dir.resolve("db.intake.journal");
        try (IntakeJournal journal = IntakeJournal.open(path)) {
            journal.reset();
            journal.append(List.of(entry("k1")));
            long secondStarts = IntakeJournal.RECORDS_START + journal.bytes();
            journal.append(List.of(entry("k2")));
            journal.append(List.of(entry("k3")));

            Path torn = dir.resolve("torn");
            Files.copy(path, torn);
            try (RandomAccessFile file = new RandomAccessFile(torn.toFile(), "rw")) {
                // Half of the second record's body never reached the disk.
                file.seek(secondStarts + 40);
                file.write(new byte[20]);
            }
            try (IntakeJournal reopened = IntakeJournal.open(torn)) {
                assertThat(reopened.recovered()).containsExactly(entry("k1"));
                // k5 takes the torn k2's place; k3 behind it, of the old epoch now, stays unread.
                reopened.reset();
                reopened.append(List.of(entry("k1"), entry("k5")));
                assertThat(afterCrash(torn)).extracting(e -> e.event().dedupKey()).containsExactly("k1", "k5");
            }
        }
    }

    @Test
    void after_a_reset_the_old_records_are_never_read_again() throws IOException {
        Path path = dir.resolve("db.intake.journal");
        try (IntakeJournal journal = IntakeJournal.open(path)) {
            journal.reset();
            journal.append(List.of(entry("old1"), entry("old2"), entry("old3")));
            journal.reset();
            assertThat(journal.isEmpty()).isTrue();
            assertThat(afterCrash(path)).isEmpty();
            // The new record overwrites the first old one; the old ones after it stay in the file but are not read.
            journal.append(List.of(entry("new1")));
            assertThat(afterCrash(path)).extracting(e -> e.event().dedupKey()).containsExactly("new1");
            journal.reset();
            journal.append(List.of(entry("newer1"), entry("newer2")));
            assertThat(afterCrash(path)).extracting(e -> e.event().dedupKey()).containsExactly("newer1", "newer2");
        }
    }

    @Test
    void a_batch_larger_than_the_file_grows_it() throws IOException {
        Path path = dir.resolve("db.intake.journal");
        String big = "x".repeat((int) IntakeJournal.GROWTH + 1000);
        IntakeJournal.Entry large = new IntakeJournal.Entry(new NewInboxEvent("zendesk", "big", "ticket.updated", 1L, big), Instant.EPOCH);
        try (IntakeJournal journal = IntakeJournal.open(path)) {
            journal.reset();
            journal.append(List.of(entry("k1"), large, entry("k2")));
            assertThat(Files.size(path)).isGreaterThan(IntakeJournal.GROWTH + IntakeJournal.RECORDS_START);
            assertThat(afterCrash(path)).containsExactly(entry("k1"), large, entry("k2"));
        }
    }
}
