package dev.supportbot.bot.engine;

import dev.supportbot.bot.store.Database;
import dev.supportbot.workflows.redaction.SecretScanner;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The append-only record of every decision and effect: who (actor), what (action and detail), which ticket and
 * instance, when. Entries are inserted inside the transaction of what they record, never changed, and deleted only
 * once older than {@code audit.retention} when that is set; details are scrubbed.
 */
public final class AuditLog {
    private final Database database;

    public AuditLog(Database database) {
        this.database = database;
    }

    /** {@code before} and {@code after}: how the back end looked around an executed plan step (JSON), else null. */
    public record Entry(Instant at, String actor, String action, Long ticketId, Long instanceId, String detail,
                        String before, String after) {
        public Entry(Instant at, String actor, String action, Long ticketId, Long instanceId, String detail) {
            this(at, actor, action, ticketId, instanceId, detail, null, null);
        }
    }

    public static void append(Handle h, Entry entry) {
        h.createUpdate("""
                        INSERT INTO audit_log (at, actor, action, ticket_id, instance_id, detail, before_json, after_json)
                        VALUES (:at, :actor, :action, :ticket, :instance, :detail, :before, :after)""")
                .bind("at", entry.at().atOffset(ZoneOffset.UTC))
                .bind("actor", truncate(entry.actor(), 200))
                .bind("action", truncate(entry.action(), 100))
                .bind("ticket", entry.ticketId())
                .bind("instance", entry.instanceId())
                .bind("detail", SecretScanner.mask(entry.detail()))
                .bind("before", entry.before() == null ? null : SecretScanner.mask(entry.before()))
                .bind("after", entry.after() == null ? null : SecretScanner.mask(entry.after()))
                .execute();
    }

    public List<Entry> forTicket(long ticketId) {
        return database.jdbi().withHandle(h -> h.createQuery("""
                        SELECT at, actor, action, ticket_id, instance_id, detail, before_json, after_json FROM audit_log
                        WHERE ticket_id = :t ORDER BY id""")
                .bind("t", ticketId)
                .map((rs, ctx) -> new Entry(rs.getObject("at", java.time.OffsetDateTime.class).toInstant(),
                        rs.getString("actor"), rs.getString("action"), rs.getLong("ticket_id"),
                        rs.getObject("instance_id") == null ? null : rs.getLong("instance_id"), rs.getString("detail"),
                        rs.getString("before_json"), rs.getString("after_json")))
                .list());
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
