package dev.supportbot.bot.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.inbox.Inbox;
import dev.supportbot.bot.inbox.InboxEvent;
import dev.supportbot.bot.inbox.NewInboxEvent;
import dev.supportbot.bot.slack.OpenedViews;
import dev.supportbot.bot.store.Database;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.SettableClock;
import dev.supportbot.bot.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetentionTest {
    private static final Duration LEASE = Duration.ofMinutes(1);
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-01T10:00:00Z"));

    private static NewInboxEvent event(String key) {
        return new NewInboxEvent("zendesk", key, "ticket.updated", 42L, "{\"ticket_id\":42}");
    }

    /** Accepts {@code n} events and processes them now. */
    private static void acceptAndProcess(Inbox inbox, String prefix, int n) {
        for (int i = 0; i < n; i++) inbox.accept(event(prefix + i));
        for (var batch = inbox.claim(100, LEASE); !batch.isEmpty(); batch = inbox.claim(100, LEASE)) {
            for (InboxEvent e : batch) inbox.complete(e, Handled.noop("ok"));
        }
    }

    @Test
    void processed_events_past_the_retention_are_deleted_in_batches_and_nothing_else() {
        try (Database db = TestDatabases.open()) {
            Inbox inbox = new Inbox(db, clock);
            acceptAndProcess(inbox, "old", Retention.BATCH * 2 + 7); // more than one batch
            inbox.accept(event("dead"));
            InboxEvent dead = inbox.claim(1, LEASE).get(0);
            inbox.fail(dead, "gave up", Duration.ZERO, true);

            clock.advance(Duration.ofDays(10));
            acceptAndProcess(inbox, "recent", 3);
            inbox.accept(event("waiting"));
            inbox.accept(event("in-hand"));
            inbox.claim(1, LEASE);

            clock.advance(Duration.ofDays(5)); // the first events are 15 days old, the recent ones 5
            Retention retention = new Retention(db, inbox, clock, settings(null));
            Retention.Purged purged = retention.purge();

            assertThat(purged.inboxEvents()).isEqualTo(Retention.BATCH * 2 + 7);
            assertThat(count(db, "SELECT COUNT(*) FROM inbox WHERE status = 'done'")).isEqualTo(3);
            assertThat(inbox.depth()).isEqualTo(2);
            assertThat(inbox.deadCount()).isEqualTo(1);
            assertThat(retention.purge().total()).isZero();
        }
    }

    @Test
    void scan_positions_of_quiet_tickets_go_and_those_of_recently_scanned_ones_stay() {
        try (Database db = TestDatabases.open()) {
            scanned(db, 1L, clock.instant());
            scanned(db, 2L, clock.instant().plus(Duration.ofDays(2)));
            clock.advance(Duration.ofDays(15));

            Retention.Purged purged = new Retention(db, new Inbox(db, clock), clock, settings(null)).purge();

            assertThat(purged.scanPositions()).isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM ticket_scan WHERE ticket_id = 1")).isZero();
            assertThat(count(db, "SELECT comment_cursor FROM ticket_scan WHERE ticket_id = 2")).isEqualTo(99);
        }
    }

    @Test
    void slack_forms_opened_before_the_retention_are_forgotten_and_then_refused() {
        try (Database db = TestDatabases.open()) {
            OpenedViews views = new OpenedViews(db, clock);
            views.opened("V-OLD", "UAPPROVER", "reject_reason");
            clock.advance(Duration.ofDays(13));
            views.opened("V-NEW", "UAPPROVER", "reject_reason");
            clock.advance(Duration.ofDays(2));

            Retention.Purged purged = new Retention(db, new Inbox(db, clock), clock, settings(null)).purge();

            assertThat(purged.slackViews()).isEqualTo(1);
            assertThat(views.refusal("V-OLD", "UAPPROVER")).contains("the bot did not open this form");
            assertThat(views.refusal("V-NEW", "UAPPROVER")).isEmpty();
        }
    }

    @Test
    void the_audit_log_is_kept_forever_unless_a_retention_is_set() {
        try (Database db = TestDatabases.open()) {
            audited(db, clock.instant().minus(Duration.ofDays(400)));
            audited(db, clock.instant().minus(Duration.ofDays(10)));
            Inbox inbox = new Inbox(db, clock);

            assertThat(new Retention(db, inbox, clock, settings(null)).purge().auditEntries()).isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM audit_log")).isEqualTo(2);

            assertThat(new Retention(db, inbox, clock, settings(Duration.ofDays(365))).purge().auditEntries()).isEqualTo(1);
            assertThat(count(db, "SELECT COUNT(*) FROM audit_log")).isEqualTo(1);
        }
    }

    @Test
    void dead_letters_are_purged_only_on_request_and_by_age() {
        try (Database db = TestDatabases.open()) {
            Inbox inbox = new Inbox(db, clock);
            inbox.accept(event("old"));
            inbox.fail(inbox.claim(1, LEASE).get(0), "gave up", Duration.ZERO, true);
            clock.advance(Duration.ofDays(40));
            inbox.accept(event("new"));
            inbox.fail(inbox.claim(1, LEASE).get(0), "gave up", Duration.ZERO, true);
            clock.advance(Duration.ofDays(1));

            assertThat(new Retention(db, inbox, clock, settings(Duration.ofDays(1))).purge().total()).isZero();
            assertThat(inbox.purgeDead(clock.instant().minus(Duration.ofDays(30)), 500)).isEqualTo(1);
            assertThat(inbox.deadLetters(10)).singleElement().satisfies(d -> assertThat(d.lastError()).isEqualTo("gave up"));
            assertThat(inbox.purgeDead(clock.instant(), 500)).isEqualTo(1);
            assertThat(inbox.deadCount()).isZero();
        }
    }

    @Test
    void once_started_it_purges_on_its_own_every_interval() {
        try (Database db = TestDatabases.open()) {
            Inbox inbox = new Inbox(db, clock);
            acceptAndProcess(inbox, "old", 3);
            clock.advance(Duration.ofDays(15));
            try (Retention retention = new Retention(db, inbox, clock,
                    new Retention.Settings(Duration.ofDays(14), null, Duration.ofMillis(50)))) {
                retention.start();
                Await.until("old events purged", Duration.ofSeconds(10),
                        () -> count(db, "SELECT COUNT(*) FROM inbox") == 0);
            }
        }
    }

    private static Retention.Settings settings(Duration audit) {
        return new Retention.Settings(Duration.ofDays(14), audit, Duration.ofHours(1));
    }

    private static void scanned(Database db, long ticketId, Instant at) {
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO ticket_scan (ticket_id, comment_cursor, scanned_at) VALUES (:t, 99, :at)")
                .bind("t", ticketId).bind("at", at.atOffset(ZoneOffset.UTC)).execute());
    }

    private static void audited(Database db, Instant at) {
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO audit_log (at, actor, action, ticket_id) VALUES (:at, 'supportbot', 'test', 1)")
                .bind("at", at.atOffset(ZoneOffset.UTC)).execute());
    }

    private static long count(Database db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
