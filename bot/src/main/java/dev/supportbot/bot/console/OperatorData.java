package dev.supportbot.bot.console;

import dev.supportbot.bot.approvals.Approval;
import dev.supportbot.bot.inbox.DeadLetter;
import dev.supportbot.bot.inbox.Inbox;
import dev.supportbot.bot.json.Json;
import dev.supportbot.bot.metrics.Metrics;
import dev.supportbot.bot.runs.RunText;
import dev.supportbot.bot.runs.RunView;
import dev.supportbot.bot.runs.Runs;
import dev.supportbot.bot.shadow.ShadowReport;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * What the operator view shows, read from the bot's own tables and metrics: runs by state, pending approvals, dead
 * letters, the inbox and Zendesk-budget figures, a ticket's timeline, and what shadow mode would have done. Inbox
 * payloads are never read.
 */
final class OperatorData {
    static final int DEAD_LISTED = 200;
    private static final int TIMELINE_ROWS = 500;

    private final Jdbi jdbi;
    private final Runs runs;
    private final Inbox inbox;
    private final Metrics metrics;
    private final ShadowReport shadow;

    OperatorData(Jdbi jdbi, Runs runs, Inbox inbox, Metrics metrics) {
        this.jdbi = jdbi;
        this.shadow = new ShadowReport(jdbi);
        this.runs = runs;
        this.inbox = inbox;
        this.metrics = metrics;
    }

    /** Running workflows grouped by workflow and state, each with what it waits for and since when. */
    List<Map<String, Object>> runsByState() {
        Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
        runs.running().stream()
                .sorted(Comparator.comparing((RunView r) -> r.instance().kind()).thenComparing(r -> r.outcome().result())
                        .thenComparing(r -> r.since() == null ? Instant.MIN : r.since()))
                .forEach(r -> groups.computeIfAbsent(r.kindInWords() + ": " + r.outcome().result(), k -> new ArrayList<>()).add(run(r)));
        List<Map<String, Object>> out = new ArrayList<>();
        groups.forEach((state, rows) -> out.add(Map.of("state", state, "count", rows.size(), "runs", rows)));
        return out;
    }

    List<Map<String, Object>> runsOn(long ticketId) {
        return runs.onTicket(ticketId).stream().map(this::run).toList();
    }

    List<Map<String, Object>> pendingApprovals() {
        return runs.pendingApprovals().stream().map(OperatorData::approval).toList();
    }

    List<Map<String, Object>> deadLetters() {
        return inbox.deadLetters(DEAD_LISTED).stream().map(OperatorData::dead).toList();
    }

    /** The figures: inbox waiting and dead from the tables, Zendesk requests and budget from the metrics. */
    List<Map<String, Object>> figures() {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(figure("inbox: events waiting", Long.toString(inbox.depth())));
        out.add(figure("inbox: dead letters", Long.toString(inbox.deadCount())));
        metrics.scrape().lines()
                .filter(l -> l.startsWith("supportbot_zendesk_") || l.startsWith("supportbot_inbox_dead_lettered"))
                .forEach(l -> {
                    int space = l.lastIndexOf(' ');
                    if (space > 0) out.add(figure(l.substring(0, space), l.substring(space + 1)));
                });
        return out;
    }

    boolean retryDead(long id) {
        return inbox.retryDead(id);
    }

    /** A ticket's timeline: the story in words, and the raw record behind it. */
    record Timeline(List<Map<String, Object>> story, List<Map<String, Object>> raw) {}

    /**
     * Everything the bot recorded about a ticket, oldest first: the raw record (inbox events, audit entries, approvals)
     * and the story told from it ({@link TimelineStory}), one line per thing that happened.
     */
    Timeline timeline(long ticketId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Map<String, Object>> story = new ArrayList<>();
        jdbi.useHandle(h -> {
            h.createQuery("""
                            SELECT id, source, event_type, status, attempts, outcome, last_error, received_at
                            FROM inbox WHERE ticket_id = :t ORDER BY id DESC LIMIT :n""")
                    .bind("t", ticketId).bind("n", TIMELINE_ROWS)
                    .map((rs, ctx) -> {
                        Map<String, Object> row = entry(rs.getObject("received_at", OffsetDateTime.class).toInstant(),
                                "inbox " + rs.getString("source"),
                                rs.getString("event_type") + " (" + rs.getString("status") + ", " + rs.getInt("attempts") + " attempts)");
                        String outcome = rs.getString("outcome");
                        String error = rs.getString("last_error");
                        row.put("detail", outcome != null ? outcome : error != null ? "last error: " + error : "");
                        if ("dead".equals(rs.getString("status"))) {
                            story.add(line(row, TimelineStory.deadLetter(rs.getString("source"), rs.getInt("attempts"), error)));
                        }
                        return row;
                    }).forEach(rows::add);
            h.createQuery("""
                            SELECT at, actor, action, detail, before_json, after_json FROM audit_log
                            WHERE ticket_id = :t ORDER BY id DESC LIMIT :n""")
                    .bind("t", ticketId).bind("n", TIMELINE_ROWS)
                    .map((rs, ctx) -> {
                        Map<String, Object> row = entry(rs.getObject("at", OffsetDateTime.class).toInstant(), "audit",
                                rs.getString("action") + " by " + rs.getString("actor"));
                        TimelineStory.line(rs.getString("action"), rs.getString("actor"), rs.getString("detail"))
                                .ifPresent(words -> story.add(line(row, words)));
                        row.put("detail", text(rs.getString("detail")));
                        if (rs.getString("before_json") != null) row.put("before", pretty(rs.getString("before_json")));
                        if (rs.getString("after_json") != null) row.put("after", pretty(rs.getString("after_json")));
                        return row;
                    }).forEach(rows::add);
            h.createQuery("""
                            SELECT id, state, approvers_needed, initiator, created_at, expires_at, decided_at, rejected_by,
                                   reject_reason FROM approval WHERE ticket_id = :t ORDER BY id""")
                    .bind("t", ticketId)
                    .map((rs, ctx) -> {
                        Map<String, Object> row = entry(rs.getObject("created_at", OffsetDateTime.class).toInstant(), "approval",
                                "approval " + rs.getLong("id") + ": " + rs.getString("state"));
                        OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
                        row.put("detail", "needs " + rs.getInt("approvers_needed") + ", started by " + rs.getString("initiator")
                                + ", expires " + RunText.utc(rs.getObject("expires_at", OffsetDateTime.class).toInstant())
                                + (decided == null ? "" : ", decided " + RunText.utc(decided.toInstant()))
                                + (rs.getString("rejected_by") == null ? "" : ", rejected by " + rs.getString("rejected_by")
                                        + ": " + text(rs.getString("reject_reason"))));
                        return row;
                    }).forEach(rows::add);
        });
        Comparator<Map<String, Object>> oldestFirst = Comparator.comparing(r -> (Instant) r.get("instant"));
        rows.sort(oldestFirst);
        story.sort(oldestFirst);
        return new Timeline(story, rows);
    }

    private static Map<String, Object> line(Map<String, Object> source, String words) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("instant", source.get("instant"));
        row.put("at", source.get("at"));
        row.put("what", words);
        return row;
    }

    private Map<String, Object> run(RunView r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ticket", r.instance().ticketId());
        row.put("workflow", r.kindInWords());
        row.put("running", !r.instance().finished());
        row.put("state", r.outcome().result());
        row.put("waitsOn", r.waiting().map(w -> w.words()).orElse(""));
        row.put("since", r.since() == null ? "" : RunText.utc(r.since()));
        row.put("reminder", r.nextReminder().map(RunText::utc).orElse(""));
        return row;
    }

    private static Map<String, Object> approval(Approval a) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", a.id());
        row.put("ticket", a.ticketId());
        row.put("text", RunText.approval(a));
        return row;
    }

    private static Map<String, Object> dead(DeadLetter d) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", d.id());
        row.put("source", d.source());
        row.put("event", d.eventType());
        row.put("ticket", d.ticketId());
        row.put("attempts", d.attempts());
        row.put("received", RunText.utc(d.receivedAt()));
        row.put("error", text(d.lastError()));
        return row;
    }

    private static Map<String, Object> figure(String name, String value) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", name);
        row.put("value", value);
        return row;
    }

    private static Map<String, Object> entry(Instant at, String kind, String what) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("instant", at);
        row.put("at", RunText.utc(at));
        row.put("kind", kind);
        row.put("what", what);
        return row;
    }

    /** Snapshots are one-line JSON; indented they can be read. */
    private static String pretty(String json) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(Json.MAPPER.readTree(json));
        } catch (java.io.IOException e) {
            return json;
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    /** Shadow mode's figures per workflow, since the day given (all when empty). */
    List<Map<String, Object>> shadowReport(Optional<LocalDate> since) {
        return shadow.rows(since).stream().<Map<String, Object>>map(r -> Map.of("workflow", r.workflow(), "runs", r.runs(),
                "wouldBeActions", r.wouldBeActions(), "ratedRight", r.ratedRight(), "rated", r.rated(), "shareRight", r.shareRight())).toList();
    }
}
