package dev.supportbot.bot.shadow;

import dev.supportbot.workflows.engine.Dates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * What shadow mode did, per workflow, as {@code supportbot shadow report} and the console's shadow page show it: the
 * runs that would have acted, the changes they would have made, and how the agents rated those decisions (each
 * agent's rating of a decision counts once).
 */
public final class ShadowReport {
    private final Jdbi jdbi;

    public ShadowReport(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One workflow's figures. */
    public record Row(String workflow, long runs, long wouldBeActions, long ratedRight, long rated) {
        /** e.g. "75%", or "not rated yet". */
        public String shareRight() {
            return rated == 0 ? "not rated yet" : Math.round(100.0 * ratedRight / rated) + "%";
        }
    }

    /** The figures of the decisions made since {@code since} (all of them when empty), by workflow name. */
    public List<Row> rows(Optional<LocalDate> since) {
        Instant from = since.map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant()).orElse(Instant.EPOCH);
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT d.workflow, COUNT(DISTINCT d.instance_id) AS runs, SUM(d.actions) AS actions,
                               COALESCE(SUM(r.rated_right), 0) AS rated_right, COALESCE(SUM(r.rated), 0) AS rated
                        FROM shadow_decision d
                        LEFT JOIN (SELECT decision_id, COUNT(*) FILTER (WHERE rated_right) AS rated_right, COUNT(*) AS rated
                                   FROM shadow_rating GROUP BY decision_id) r ON r.decision_id = d.id
                        WHERE d.decided_at >= :from
                        GROUP BY d.workflow ORDER BY d.workflow""")
                .bind("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .map((rs, ctx) -> new Row(rs.getString("workflow").replace('_', ' '), rs.getLong("runs"), rs.getLong("actions"),
                        rs.getLong("rated_right"), rs.getLong("rated")))
                .list());
    }

    /** A {@code --since} date (e.g. 2026-12-01, a day in UTC). */
    public static LocalDate since(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date such as 2026-12-01");
        }
    }

    /** "since 1 December 2026 (UTC)", or "since shadow mode was first used". */
    public static String period(Optional<LocalDate> since) {
        return since.map(d -> "since " + Dates.utcDay(d)).orElse("since shadow mode was first used");
    }
}
