package dev.supportbot.bot.approvals;

import dev.supportbot.bot.slack.SlackMessageRef;
import dev.supportbot.bot.store.Database;
import dev.supportbot.bot.store.UniqueViolation;
import dev.supportbot.workflows.plan.Plan;
import dev.supportbot.workflows.plan.PlanJson;
import dev.supportbot.workflows.redaction.SecretScanner;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Approvals and their votes in the bot's database (migration V70). Reads stand alone; every change of state is one
 * conditional UPDATE on the approval's id, state and version, made in the caller's transaction (the one that
 * completes the click), so that of two clicks, or two bot instances, only one can change an approval.
 */
public final class ApprovalStore {
    private static final String COLUMNS = """
            id, instance_id, ticket_id, request_key, plan_json, plan_hash, approvers_needed, initiator, initiator_slack_id,
            requester_name, state, rejected_by, reject_reason, channel, message_ts, created_at, expires_at, decided_at, version""";

    private final Database database;

    public ApprovalStore(Database database) {
        this.database = database;
    }

    /** What a {@code RequestApproval} effect asks for; {@code requestKey} is its effect step's key. */
    public record NewApproval(long instanceId, long ticketId, String requestKey, Plan plan, int approversNeeded,
                              String initiator, String initiatorSlackId, String requesterName, Instant createdAt,
                              Duration ttl) {}

    /** Inserts the approval, or returns the one already stored under its request key (a retried effect). */
    public Approval create(NewApproval a) {
        Optional<Approval> existing = byRequestKey(a.requestKey());
        if (existing.isPresent()) return existing.get();
        try {
            database.jdbi().useTransaction(h -> h.createUpdate("""
                            INSERT INTO approval (instance_id, ticket_id, request_key, plan_json, plan_hash, approvers_needed,
                                initiator, initiator_slack_id, requester_name, state, created_at, expires_at, version)
                            VALUES (:instance, :ticket, :key, :plan, :hash, :needed, :initiator, :initiatorSlack, :requester,
                                'PENDING', :created, :expires, 0)""")
                    .bind("instance", a.instanceId())
                    .bind("ticket", a.ticketId())
                    .bind("key", a.requestKey())
                    .bind("plan", PlanJson.write(a.plan()))
                    .bind("hash", PlanJson.hash(a.plan()))
                    .bind("needed", a.approversNeeded())
                    .bind("initiator", a.initiator())
                    .bind("initiatorSlack", a.initiatorSlackId())
                    .bind("requester", a.requesterName() == null ? null : ApprovalMessage.cut(SecretScanner.mask(a.requesterName()), 200))
                    .bind("created", utc(a.createdAt()))
                    .bind("expires", utc(a.createdAt().plus(a.ttl())))
                    .execute());
        } catch (RuntimeException e) {
            if (!UniqueViolation.isCause(e)) throw e;
        }
        return byRequestKey(a.requestKey()).orElseThrow(() -> new IllegalStateException("approval " + a.requestKey() + " vanished"));
    }

    public Optional<Approval> byId(long id) {
        return database.jdbi().withHandle(h -> byId(h, id));
    }

    static Optional<Approval> byId(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM approval WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> row(rs)).findOne().map(a -> withVotes(h, a));
    }

    public Optional<Approval> byRequestKey(String key) {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM approval WHERE request_key = :key")
                .bind("key", key).map((rs, ctx) -> row(rs)).findOne().map(a -> withVotes(h, a)));
    }

    /** Approvals still waiting for approvers, oldest first. */
    public List<Approval> pending() {
        return database.jdbi().withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM approval WHERE state = 'PENDING' ORDER BY created_at, id")
                .map((rs, ctx) -> row(rs)).list().stream().map(a -> withVotes(h, a)).toList());
    }

    /** Where the approval's Slack message is. Not a change of state: no version check. */
    public void posted(long id, SlackMessageRef message) {
        database.jdbi().useHandle(h -> h.createUpdate("UPDATE approval SET channel = :channel, message_ts = :ts WHERE id = :id")
                .bind("channel", message.channel()).bind("ts", message.ts()).bind("id", id).execute());
    }

    /**
     * Records {@code slackUserId}'s approval of {@code read} (the approval as read before): APPROVED once enough
     * different people approved, else still PENDING with one more vote. Empty, and nothing written, when the
     * approval is no longer PENDING at {@code read}'s version.
     */
    static Optional<ApprovalState> approve(Handle h, Approval read, String slackUserId, Instant now) {
        ApprovalState next = read.approvers().size() + 1 >= read.approversNeeded() ? ApprovalState.APPROVED : ApprovalState.PENDING;
        int changed = h.createUpdate("""
                        UPDATE approval SET state = :next, decided_at = :decided, version = version + 1
                        WHERE id = :id AND state = 'PENDING' AND version = :version""")
                .bind("next", next.name())
                .bindByType("decided", next == ApprovalState.APPROVED ? utc(now) : null, OffsetDateTime.class)
                .bind("id", read.id())
                .bind("version", read.version())
                .execute();
        if (changed == 0) return Optional.empty();
        h.createUpdate("INSERT INTO approval_vote (approval_id, slack_user_id, voted_at) VALUES (:id, :user, :at)")
                .bind("id", read.id()).bind("user", slackUserId).bind("at", utc(now)).execute();
        return Optional.of(next);
    }

    /**
     * Ends a PENDING approval as {@code to} (REJECTED by {@code by} with its reason, EXPIRED, CANCELLED). False,
     * and nothing written, when it is no longer PENDING at {@code read}'s version.
     */
    static boolean close(Handle h, Approval read, ApprovalState to, String by, String reason, Instant now) {
        return h.createUpdate("""
                        UPDATE approval SET state = :to, rejected_by = :by, reject_reason = :reason, decided_at = :decided,
                        version = version + 1
                        WHERE id = :id AND state = 'PENDING' AND version = :version""")
                .bind("to", to.name())
                .bind("by", by)
                .bind("reason", reason)
                .bind("decided", utc(now))
                .bind("id", read.id())
                .bind("version", read.version())
                .execute() == 1;
    }

    /** Moves {@code read} on by one version in its state (a retry asked for); false when it changed meanwhile. */
    static boolean touch(Handle h, Approval read) {
        return h.createUpdate("UPDATE approval SET version = version + 1 WHERE id = :id AND state = :state AND version = :version")
                .bind("id", read.id()).bind("state", read.state().name()).bind("version", read.version())
                .execute() == 1;
    }

    /** {@link #close} in a transaction of its own. */
    public boolean close(Approval read, ApprovalState to, Instant now) {
        return database.jdbi().inTransaction(h -> close(h, read, to, null, null, now));
    }

    private static Approval withVotes(Handle h, Approval a) {
        List<String> votes = h.createQuery("SELECT slack_user_id FROM approval_vote WHERE approval_id = :id ORDER BY voted_at, slack_user_id")
                .bind("id", a.id()).mapTo(String.class).list();
        return new Approval(a.id(), a.instanceId(), a.ticketId(), a.requestKey(), a.planJson(), a.planHash(),
                a.approversNeeded(), a.initiator(), a.initiatorSlackId(), a.requesterName(), a.state(), a.rejectedBy(), a.rejectReason(), a.channel(),
                a.messageTs(), a.createdAt(), a.expiresAt(), a.decidedAt(), a.version(), votes);
    }

    private static Approval row(ResultSet rs) throws SQLException {
        return new Approval(rs.getLong("id"), rs.getLong("instance_id"), rs.getLong("ticket_id"), rs.getString("request_key"),
                rs.getString("plan_json"), rs.getString("plan_hash"), rs.getInt("approvers_needed"), rs.getString("initiator"),
                rs.getString("initiator_slack_id"), rs.getString("requester_name"), ApprovalState.valueOf(rs.getString("state")),
                rs.getString("rejected_by"), rs.getString("reject_reason"),
                rs.getString("channel"), rs.getString("message_ts"), instant(rs, "created_at"), instant(rs, "expires_at"),
                instant(rs, "decided_at"), rs.getLong("version"), List.of());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
