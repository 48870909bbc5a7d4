package dev.supportbot.bot.helpdesk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The Slack stand-in's tables: users and the approvers' group, messages and ephemerals, interactions, views. */
final class SlackStore {
    record User(String id, String name, String realName, String email) {}

    /** A message in a channel, or an ephemeral answer shown to {@code userId} only. */
    record Message(long id, String kind, String channel, String ts, String userId, String text, String blocks,
                   Instant postedAt, Instant editedAt) {}

    /** A click or submission sent to the bot, with the response URL id and trigger id it carried. */
    record Interaction(long id, String kind, String userId, String channel, String messageTs, String responseUrlId,
                       String triggerId, int answers, Instant sentAt) {}

    record View(String id, String triggerId, String userId, String json) {}

    private final Jdbi jdbi;
    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong(System.nanoTime() % 1_000_000);

    SlackStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    boolean isEmpty(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM sandbox_slack_user").mapTo(Long.class).one() == 0;
    }

    void seed(Handle h, List<HelpdeskPeople.Person> people) {
        for (HelpdeskPeople.Person p : people) {
            if (p.slackId() == null) continue;
            h.createUpdate("INSERT INTO sandbox_slack_user (id, name, real_name, email) VALUES (:id, :name, :real, :email)")
                    .bind("id", p.slackId()).bind("name", p.email().substring(0, p.email().indexOf('@')))
                    .bind("real", p.name()).bind("email", p.email().toLowerCase(Locale.ROOT)).execute();
            if (p.role() == HelpdeskPeople.Role.APPROVER) {
                h.createUpdate("INSERT INTO sandbox_slack_usergroup_member (usergroup, user_id) VALUES (:g, :u)")
                        .bind("g", HelpdeskPeople.APPROVERS_GROUP).bind("u", p.slackId()).execute();
            }
        }
    }

    Optional<User> user(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM sandbox_slack_user WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> user(rs)).findOne());
    }

    Optional<User> userByEmail(String email) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM sandbox_slack_user WHERE email = :e")
                .bind("e", email.trim().toLowerCase(Locale.ROOT)).map((rs, ctx) -> user(rs)).findOne());
    }

    /** The members of a user group; empty when there is no such group. */
    List<String> usergroup(String group) {
        return jdbi.withHandle(h -> h.createQuery("SELECT user_id FROM sandbox_slack_usergroup_member WHERE usergroup = :g ORDER BY user_id")
                .bind("g", group).mapTo(String.class).list());
    }

    Message post(String kind, String channel, String userId, String text, String blocks) {
        Instant now = clock.instant();
        String ts = now.getEpochSecond() + "." + String.format("%06d", sequence.incrementAndGet() % 1_000_000);
        long id = jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO sandbox_slack_message (kind, channel, ts, user_id, text, blocks, posted_at)
                        VALUES (:kind, :channel, :ts, :user, :text, :blocks, :now)""")
                .bind("kind", kind).bind("channel", channel).bind("ts", ts).bind("user", userId).bind("text", text)
                .bind("blocks", blocks).bind("now", at(now))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new Message(id, kind, channel, ts, userId, text, blocks, now, null);
    }

    /** Replaces a channel message's text and blocks; false when there is no such message. */
    boolean update(String channel, String ts, String text, String blocks) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE sandbox_slack_message SET text = :text, blocks = :blocks, edited_at = :now
                        WHERE channel = :channel AND ts = :ts AND kind = 'message'""")
                .bind("text", text).bind("blocks", blocks).bind("now", at(clock.instant()))
                .bind("channel", channel).bind("ts", ts).execute()) == 1;
    }

    Optional<Message> message(String channel, String ts) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM sandbox_slack_message WHERE channel = :c AND ts = :ts")
                .bind("c", channel).bind("ts", ts).map((rs, ctx) -> message(rs)).findOne());
    }

    /** A channel's messages and ephemerals, newest first. */
    List<Message> messages(String channel, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM sandbox_slack_message WHERE channel = :c ORDER BY id DESC LIMIT :n")
                .bind("c", channel).bind("n", limit).map((rs, ctx) -> message(rs)).list());
    }

    Interaction recordInteraction(String kind, String userId, String channel, String messageTs, String responseUrlId,
                                  String triggerId) {
        Instant now = clock.instant();
        long id = jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO sandbox_slack_interaction (kind, user_id, channel, message_ts, response_url_id, trigger_id,
                                                               answers, sent_at)
                        VALUES (:kind, :user, :channel, :ts, :url, :trigger, 0, :now)""")
                .bind("kind", kind).bind("user", userId).bind("channel", channel).bind("ts", messageTs)
                .bind("url", responseUrlId).bind("trigger", triggerId).bind("now", at(now))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new Interaction(id, kind, userId, channel, messageTs, responseUrlId, triggerId, 0, now);
    }

    void botAnswered(long interactionId, int status) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE sandbox_slack_interaction SET bot_status = :s WHERE id = :id")
                .bind("s", status).bind("id", interactionId).execute());
    }

    Optional<Interaction> interactionByResponseUrl(String id) {
        return interaction("response_url_id", id);
    }

    Optional<Interaction> interactionByTrigger(String triggerId) {
        return interaction("trigger_id", triggerId);
    }

    /** Counts one use of a response URL; false once it has been used {@code max} times. */
    boolean useResponseUrl(long interactionId, int max) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE sandbox_slack_interaction SET answers = answers + 1 WHERE id = :id AND answers < :max")
                .bind("id", interactionId).bind("max", max).execute()) == 1;
    }

    void openView(String id, String triggerId, String userId, String json) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO sandbox_slack_view (id, trigger_id, user_id, view_json, opened_at)
                        VALUES (:id, :trigger, :user, :json, :now)""")
                .bind("id", id).bind("trigger", triggerId).bind("user", userId).bind("json", json)
                .bind("now", at(clock.instant())).execute());
    }

    /** A modal closes (submitted or cancelled): it is no longer shown; false when it was not open. */
    boolean closeView(String id) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM sandbox_slack_view WHERE id = :id").bind("id", id).execute()) == 1;
    }

    Optional<View> view(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM sandbox_slack_view WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> new View(rs.getString("id"), rs.getString("trigger_id"), rs.getString("user_id"),
                        rs.getString("view_json"))).findOne());
    }

    private Optional<Interaction> interaction(String column, String value) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM sandbox_slack_interaction WHERE " + column + " = :v")
                .bind("v", value)
                .map((rs, ctx) -> new Interaction(rs.getLong("id"), rs.getString("kind"), rs.getString("user_id"),
                        rs.getString("channel"), rs.getString("message_ts"), rs.getString("response_url_id"),
                        rs.getString("trigger_id"), rs.getInt("answers"), rs.getObject("sent_at", OffsetDateTime.class).toInstant()))
                .findOne());
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getString("id"), rs.getString("name"), rs.getString("real_name"), rs.getString("email"));
    }

    private static Message message(ResultSet rs) throws SQLException {
        OffsetDateTime edited = rs.getObject("edited_at", OffsetDateTime.class);
        return new Message(rs.getLong("id"), rs.getString("kind"), rs.getString("channel"), rs.getString("ts"),
                rs.getString("user_id"), rs.getString("text"), rs.getString("blocks"),
                rs.getObject("posted_at", OffsetDateTime.class).toInstant(), edited == null ? null : edited.toInstant());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
