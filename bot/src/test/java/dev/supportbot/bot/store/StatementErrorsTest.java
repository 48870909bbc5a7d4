package dev.supportbot.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.supportbot.bot.inbox.Inbox;
import dev.supportbot.bot.inbox.NewInboxEvent;
import dev.supportbot.bot.testing.TestDatabases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A failing insert's exception, as a log line would print it, names the statement but holds none of its values. */
class StatementErrorsTest {

    @ParameterizedTest
    @EnumSource(Vendor.class)
    void a_failing_insert_does_not_carry_the_payload_in_its_stack_trace(Vendor vendor) {
        String payload = "{\"comment\":\"payload-marker-" + System.nanoTime() + "\"}";
        try (Database db = TestDatabases.open(vendor)) {
            // No source: the NOT NULL constraint fails the insert after every value was bound.
            NewInboxEvent event = new NewInboxEvent(null, "key-marker", "type-marker", 1L, payload);
            Throwable failure = catchThrowable(() -> db.jdbi().useHandle(h -> Inbox.enqueue(h, event, Instant.now())));
            assertThat(failure).isNotNull();
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            assertThat(trace.toString()).contains("INSERT INTO inbox")
                    .doesNotContain("payload-marker").doesNotContain("key-marker").doesNotContain("type-marker");
        }
    }

    @Test
    void h2_writes_no_trace_file_that_could_quote_a_failed_statement(@TempDir Path dir) throws Exception {
        String payload = "{\"comment\":\"payload-marker-" + System.nanoTime() + "\"}";
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("bot").toAbsolutePath(), "sa", null, 2)) {
            // Too long for the event type column: H2's own message for it quotes the value.
            NewInboxEvent event = new NewInboxEvent("zendesk", "k", "x".repeat(200) + payload, 1L, payload);
            assertThat(catchThrowable(() -> db.jdbi().useHandle(h -> Inbox.enqueue(h, event, Instant.now())))).isNotNull();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.endsWith(".trace.db"))
                    .contains("bot.mv.db");
        }
    }
}
