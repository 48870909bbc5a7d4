package dev.supportbot.bot.slack;

import dev.supportbot.bot.store.Database;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The modals the bot opened ({@code views.open}), each for one user (migration V93). Slack signs a
 * {@code view_submission}, but anyone holding the signing secret, or a replayed request, could name any view: a
 * submission counts only for a view the bot opened, from the user it was opened for, and once.
 */
public final class OpenedViews {
    private final Database database;
    private final Clock clock;

    public OpenedViews(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Records a view Slack opened (its id from the {@code views.open} answer) for {@code userId}. */
    public void opened(String viewId, String userId, String callbackId) {
        database.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO slack_view (view_id, user_id, callback_id, opened_at) VALUES (:view, :user, :callback, :at)
                        ON CONFLICT (view_id) DO NOTHING""")
                .bind("view", viewId).bind("user", userId).bind("callback", callbackId)
                .bind("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .execute());
    }

    /** Why a submission of {@code viewId} by {@code userId} is not accepted; empty when it is. */
    public Optional<String> refusal(String viewId, String userId) {
        if (viewId == null || userId == null) return Optional.of("the submission names no view or no user");
        return database.jdbi().withHandle(h -> h.createQuery("SELECT user_id, used_at IS NOT NULL AS used FROM slack_view WHERE view_id = :view")
                .bind("view", viewId)
                .map((rs, ctx) -> rs.getString("user_id").equals(userId)
                        ? (rs.getBoolean("used") ? "this form was already submitted" : "")
                        : "this form was opened for someone else")
                .findOne()
                .or(() -> Optional.of("the bot did not open this form"))
                .filter(reason -> !reason.isEmpty()));
    }

    /**
     * Marks the view used, in the caller's transaction (the one that acts on the submission). False when it was never
     * opened for {@code userId} or was used already: then nothing may act on it.
     */
    public boolean use(Handle h, String viewId, String userId) {
        return h.createUpdate("""
                        UPDATE slack_view SET used_at = :at WHERE view_id = :view AND user_id = :user AND used_at IS NULL""")
                .bind("view", viewId).bind("user", userId)
                .bind("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .execute() == 1;
    }
}
