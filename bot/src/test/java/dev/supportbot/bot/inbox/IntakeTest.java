package dev.supportbot.bot.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportbot.bot.redaction.TestSecrets;
import dev.supportbot.bot.store.Database;
import dev.supportbot.bot.testing.TestDatabases;
import dev.supportbot.workflows.redaction.SecretScanner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What intake writes to the inbox table: scrubbed payload and event type, a hash for the sender's delivery id. */
class IntakeTest {
    private final AtomicInteger wakeUps = new AtomicInteger();

    private static Map<String, Object> row(Database db, long ticketId) {
        return db.jdbi().withHandle(h -> h.createQuery(
                "SELECT dedup_key, event_type, payload FROM inbox WHERE ticket_id = :t").bind("t", ticketId).mapToMap().one());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void the_delivery_id_is_stored_only_as_its_hash_and_still_deduplicates() {
        try (Database db = TestDatabases.open()) {
            Intake intake = new Intake(new Inbox(db, Clock.systemUTC()), SecretScanner::mask, wakeUps::incrementAndGet);
            String code = TestSecrets.activationCode();
            byte[] body = utf8("{\"ticket_id\":1}");
            assertThat(intake.submit("zendesk", "ticket.updated", 1L, " " + code + " ", body)).isEqualTo(Acceptance.ACCEPTED);
            assertThat(intake.submit("zendesk", "ticket.updated", 1L, code, utf8("{\"ticket_id\":1} "))).isEqualTo(Acceptance.DUPLICATE);
            assertThat(row(db, 1).get("dedup_key")).isEqualTo("delivery:" + Intake.sha256(utf8(code)));
            assertThat(wakeUps).hasValue(1);

            assertThat(intake.submit("zendesk", "ticket.updated", 2L, null, utf8("{\"ticket_id\":2}"))).isEqualTo(Acceptance.ACCEPTED);
            assertThat(intake.submit("zendesk", "ticket.updated", 2L, " ", utf8("{\"ticket_id\":2}"))).isEqualTo(Acceptance.DUPLICATE);
            assertThat(row(db, 2).get("dedup_key")).isEqualTo("sha256:" + Intake.sha256(utf8("{\"ticket_id\":2}")));
        }
    }

    @Test
    void the_payload_and_the_event_type_are_stored_scrubbed_and_the_type_fits_its_column() {
        try (Database db = TestDatabases.open()) {
            Intake intake = new Intake(new Inbox(db, Clock.systemUTC()), SecretScanner::mask, wakeUps::incrementAndGet);
            String inType = TestSecrets.activationCode();
            String inBody = TestSecrets.activationCode();
            String type = "e".repeat(75) + " " + inType; // 100 chars; masked it would be 102
            intake.submit("zendesk", type, 3L, "d-3", utf8("{\"ticket_id\":3,\"comment\":\"code:\\n" + inBody + "\"}"));
            Map<String, Object> row = row(db, 3);
            assertThat((String) row.get("event_type")).isEqualTo("e".repeat(75) + " [REDACTED activation cod").hasSize(100);
            assertThat((String) row.get("payload")).isEqualTo("{\"ticket_id\":3,\"comment\":\"code:\\n[REDACTED activation code]\"}");

            String afterBreak = TestSecrets.activationCode();
            intake.submit("slack", "block_action:approve\r\n" + afterBreak + "\tx", 4L, null, utf8("{}"));
            assertThat(row(db, 4).get("event_type")).isEqualTo("block_action:approve  [REDACTED activation code] x");
        }
    }

    @Test
    void a_body_that_is_not_json_is_refused_and_nothing_is_stored() {
        try (Database db = TestDatabases.open()) {
            Inbox inbox = new Inbox(db, Clock.systemUTC());
            Intake intake = new Intake(inbox, SecretScanner::mask, wakeUps::incrementAndGet);
            assertThatThrownBy(() -> intake.submit("zendesk", "x", 4L, null, utf8("code " + TestSecrets.activationCode())))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(inbox.depth()).isZero();
            assertThat(wakeUps).hasValue(0);
        }
    }

    @Test
    void cutting_never_splits_a_surrogate_pair() {
        assertThat(Intake.cut("ab\uD83D\uDE00", 3)).isEqualTo("ab");
        assertThat(Intake.cut("abc", 3)).isEqualTo("abc");
        assertThat(Intake.cut("abcd", 3)).isEqualTo("abc");
    }
}
