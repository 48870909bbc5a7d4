package dev.supportbot.bot.shadow;

import dev.supportbot.bot.store.Database;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The shadow decisions agents can rate, and their ratings (migration V91). A decision is recorded before its post
 * goes to Slack, under its effect step's key, so a retried step finds the same decision; a rating is one row per
 * agent and decision, so a second click changes it and a redelivered click changes nothing.
 */
public final class ShadowLedger {
    private final Database database;

    public ShadowLedger(Database database) {
        this.database = database;
    }

    /** A decision that would have acted: {@code actions} changes it would have made outside the bot. */
    public record Decision(String key, long instanceId, long ticketId, int actions, Instant decidedAt) {}

    /** The decision's id: the one already stored under its key, or a new one. */
    public long record(Decision d) {
        return database.jdbi().inTransaction(h -> {
            h.createUpdate("""
                            INSERT INTO shadow_decision (decision_key, instance_id, ticket_id, workflow, actions, decided_at)
                            SELECT :key, id, :ticket, kind, :actions, :at FROM workflow_instance WHERE id = :instance
                            ON CONFLICT (decision_key) DO NOTHING""")
                    .bind("key", d.key())
                    .bind("instance", d.instanceId())
                    .bind("ticket", d.ticketId())
                    .bind("actions", d.actions())
                    .bind("at", OffsetDateTime.ofInstant(d.decidedAt(), ZoneOffset.UTC))
                    .execute();
            return h.createQuery("SELECT id FROM shadow_decision WHERE decision_key = :key").bind("key", d.key())
                    .mapTo(Long.class).findOne()
                    .orElseThrow(() -> new IllegalStateException("no workflow run " + d.instanceId() + " for a shadow decision"));
        });
    }

    /** The ticket a stored decision is about; empty when there is no such decision. */
    public Optional<Long> ticketOf(long decisionId) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT ticket_id FROM shadow_decision WHERE id = :id")
                .bind("id", decisionId).mapTo(Long.class).findOne());
    }

    /** The agent's rating of the decision, in the caller's transaction: a new one, or their earlier one changed. */
    public static void rate(Handle h, long decisionId, String slackUserId, boolean right, Instant at) {
        h.createUpdate("""
                        INSERT INTO shadow_rating (decision_id, slack_user_id, rated_right, rated_at)
                        VALUES (:decision, :user, :right, :at)
                        ON CONFLICT (decision_id, slack_user_id) DO UPDATE SET rated_right = :right, rated_at = :at""")
                .bind("decision", decisionId)
                .bind("user", slackUserId)
                .bind("right", right)
                .bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .execute();
    }
}
