package dev.supportbot.bot.scheduler;

import dev.supportbot.bot.store.Database;
import java.util.List;

/** What reminder tests look at: the rows in the inbox, and whether Quartz still holds any trigger. */
final class InboxRows {
    record Row(String source, String dedupKey, String eventType, Long ticketId, String payload) {}

    private InboxRows() {}

    static List<Row> all(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT source, dedup_key, event_type, ticket_id, payload FROM inbox ORDER BY id")
                .map((rs, ctx) -> new Row(rs.getString("source"), rs.getString("dedup_key"), rs.getString("event_type"),
                        rs.getObject("ticket_id", Long.class), rs.getString("payload")))
                .list());
    }

    static int count(Database db) {
        return all(db).size();
    }

    /**
     * No trigger left and no job running: every scheduled reminder has fired (or was cancelled) and finished. A
     * scheduler that stops while holding a trigger leaves an ACQUIRED record behind until cluster recovery removes
     * it; that one runs nothing.
     */
    static boolean schedulerIdle(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT (SELECT COUNT(*) FROM QRTZ_TRIGGERS)
                             + (SELECT COUNT(*) FROM QRTZ_FIRED_TRIGGERS WHERE STATE = 'EXECUTING')""")
                .mapTo(Long.class)
                .one()) == 0;
    }
}
