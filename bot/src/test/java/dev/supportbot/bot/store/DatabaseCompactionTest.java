package dev.supportbot.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseCompactionTest {

    @Test
    void closing_the_service_s_h2_file_gives_the_space_of_deleted_rows_back(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("bot").toAbsolutePath();
        Path file = dir.resolve("bot.mv.db");
        String payload = "x".repeat(4000);
        Database db = Database.open(url, "sa", null, 2);
        for (int batch = 0; batch < 20; batch++) {
            int from = batch * 500;
            db.jdbi().useTransaction(h -> {
                var insert = h.prepareBatch("""
                        INSERT INTO inbox (source, dedup_key, event_type, payload, status, received_at)
                        VALUES ('zendesk', :key, 'ticket.updated', :payload, 'done', CURRENT_TIMESTAMP)""");
                for (int i = from; i < from + 500; i++) insert.bind("key", "k" + i).bind("payload", payload).add();
                insert.execute();
            });
        }
        db.jdbi().useHandle(h -> h.execute("DELETE FROM inbox"));
        db.close();
        long before = Files.size(file);

        Database reopened = Database.open(url, "sa", null, 2);
        assertThat(reopened.closeCompacted()).isTrue();

        long after = Files.size(file);
        assertThat(before).isGreaterThan(10_000_000L);
        assertThat(after).isLessThan(before / 4);
        try (Database again = Database.open(url, "sa", null, 2)) {
            long migrations = again.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM \"flyway_schema_history\"")
                    .mapTo(Long.class).one());
            assertThat(migrations).isPositive();
        }
    }

    @Test
    void an_in_memory_database_is_closed_without_compaction() {
        Database db = Database.open("jdbc:h2:mem:compaction-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", null, 2);
        assertThat(db.closeCompacted()).isFalse();
    }
}
