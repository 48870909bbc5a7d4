package dev.supportbot.bot.sandbox;

import dev.supportbot.bot.store.UniqueViolation;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Applies each change at most once per {@code Idempotency-Key}: the change and its remembered answer commit in one
 * transaction, and a repeat gets that answer without running the change again. A change that fails is not
 * remembered: it changed nothing.
 */
final class IdempotencyStore {
    private final Jdbi jdbi;
    private final Clock clock;

    IdempotencyStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** The HTTP answer of a change: its status and JSON body (null for none). */
    record Reply(int status, String body) {}

    private record Stored(String fingerprint, Reply reply) {}

    /** {@code fingerprint} identifies the request (method, path, body), so a key reused for another one is refused. */
    Reply execute(String key, String fingerprint, Function<Handle, Reply> change) {
        try {
            return jdbi.inTransaction(h -> {
                Optional<Stored> earlier = find(h, key);
                if (earlier.isPresent()) return replay(earlier.get(), fingerprint);
                // Claim the key before changing anything: a concurrent request with the same key waits here until this
                // transaction ends, then fails on the key and replays this answer instead of running the change again.
                h.createUpdate("""
                                INSERT INTO sandbox_idempotency (idem_key, fingerprint, status, created_at)
                                VALUES (:key, :fingerprint, 0, :now)""")
                        .bind("key", key)
                        .bind("fingerprint", fingerprint)
                        .bind("now", clock.instant().atOffset(ZoneOffset.UTC))
                        .execute();
                Reply reply = change.apply(h);
                h.createUpdate("UPDATE sandbox_idempotency SET status = :status, body = :body WHERE idem_key = :key")
                        .bind("key", key)
                        .bind("status", reply.status())
                        .bind("body", reply.body())
                        .execute();
                return reply;
            });
        } catch (RuntimeException e) {
            if (!UniqueViolation.isCause(e)) throw e;
            Optional<Stored> winner = jdbi.withHandle(h -> find(h, key));
            if (winner.isEmpty()) throw e;
            return replay(winner.get(), fingerprint);
        }
    }

    private static Reply replay(Stored stored, String fingerprint) {
        if (!stored.fingerprint().equals(fingerprint)) {
            throw SandboxProblem.rejected("this Idempotency-Key was already used for a different request");
        }
        return stored.reply();
    }

    private static Optional<Stored> find(Handle h, String key) {
        return h.createQuery("SELECT fingerprint, status, body FROM sandbox_idempotency WHERE idem_key = :key")
                .bind("key", key)
                .map((rs, ctx) -> new Stored(rs.getString("fingerprint"), new Reply(rs.getInt("status"), rs.getString("body"))))
                .findOne();
    }
}
