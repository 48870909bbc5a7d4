package dev.supportbot.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.supportbot.bot.inbox.Inbox;
import dev.supportbot.bot.inbox.NewInboxEvent;
import dev.supportbot.bot.testing.TestDatabases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A failing insert's exception, as a log line would print it, names the statement but holds none of its values. */
class StatementErrorsTest {

    @Test
    void a_failing_insert_does_not_carry_the_payload_in_its_stack_trace() {
        String payload = "{\"comment\":\"payload-marker-" + System.nanoTime() + "\"}";
        try (Database db = TestDatabases.open()) {
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
}
