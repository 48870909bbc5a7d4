package dev.supportbot.bot.zendesk;

import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.config.Settings;
import dev.supportbot.bot.outbound.Sleeper;
import dev.supportbot.bot.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Zendesk's API budget, shared through the database by every bot instance on it: at most {@code requestsPerWindow}
 * requests (reads and writes) and {@code updatesPerWindow} ticket writes in any window (a minute in service), and a
 * tenth of each in any tenth of the window, so that waits stay short. Each request is logged with its time; a caller
 * that finds a window full waits until the request that filled it leaves it.
 * A pause (after a 429, or when Zendesk reports little left) holds every instance until it ends.
 */
public final class ApiBudget {
    /** What a request costs: every request counts against the requests limit, a write against the updates limit too. */
    public enum Kind {
        READ, WRITE
    }

    /**
     * Requests count against the window a little longer than it lasts, for the time between taking the budget and
     * reaching Zendesk (which counts arrivals, not grants).
     */
    static final Duration MARGIN = Duration.ofSeconds(1);
    static final String REQUESTS = "requests";
    static final String UPDATES = "updates";

    private final Jdbi jdbi;
    private final int requestsPerWindow;
    private final int updatesPerWindow;
    private final Duration window;
    private final Clock clock;
    private final Sleeper sleeper;

    public ApiBudget(Database database, int requestsPerWindow, int updatesPerWindow, Duration window, Clock clock, Sleeper sleeper) {
        if (requestsPerWindow < 1 || updatesPerWindow < 1) throw new IllegalArgumentException("limits must be positive");
        this.jdbi = database.jdbi();
        this.requestsPerWindow = requestsPerWindow;
        this.updatesPerWindow = updatesPerWindow;
        this.window = window.plus(MARGIN);
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** The limits of the configuration, per minute. */
    public static ApiBudget fromConfig(BotConfig config, Database database, Clock clock, Sleeper sleeper) {
        return new ApiBudget(database, config.get(Settings.ZENDESK_REQUESTS_PER_MINUTE),
                config.get(Settings.ZENDESK_UPDATES_PER_MINUTE), Duration.ofMinutes(1), clock, sleeper);
    }

    /** Takes the budget for one request, waiting as long as the shared limits (and any pause) require. */
    public void acquire(Kind kind) throws InterruptedException {
        List<String> limits = kind == Kind.WRITE ? List.of(REQUESTS, UPDATES) : List.of(REQUESTS);
        for (;;) {
            Duration wait = jdbi.inTransaction(h -> reserve(h, limits));
            if (wait.isZero()) return;
            sleeper.sleep(wait);
        }
    }

    /** Holds every instance's requests for {@code wait} from now (a pause already longer stays). */
    public void pause(Duration wait) {
        OffsetDateTime until = at(clock.instant().plus(wait));
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE zendesk_budget SET paused_until = :until
                        WHERE kind = :kind AND (paused_until IS NULL OR paused_until < :until)""")
                .bind("until", until).bind("kind", REQUESTS).execute());
    }

    /** Requests (or, for {@link Kind#WRITE}, ticket updates) that may still go out in the current window. */
    public long left(Kind kind) {
        String limit = kind == Kind.WRITE ? UPDATES : REQUESTS;
        Instant now = clock.instant();
        long used = jdbi.withHandle(h -> used(h, limit, now));
        return Math.max(0, limitOf(limit) - used);
    }

    public int requestsPerWindow() {
        return requestsPerWindow;
    }

    private Duration reserve(Handle h, List<String> limits) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (String limit : limits) {
            // Locks the limit's row: instances take their turn, so no two see the same free slot.
            OffsetDateTime paused = h.createQuery("SELECT paused_until FROM zendesk_budget WHERE kind = :kind FOR UPDATE")
                    .bind("kind", limit).mapTo(OffsetDateTime.class).findOne().orElse(null);
            if (paused != null && paused.toInstant().isAfter(now)) wait = longer(wait, Duration.between(now, paused.toInstant()));
            wait = longer(wait, untilRoom(h, limit, limitOf(limit), window, now));
            // A tenth of the budget in a tenth of the window: requests are spread out, not spent in one burst that
            // leaves every caller waiting a whole window (longer than an inbox lease).
            wait = longer(wait, untilRoom(h, limit, Math.max(1, limitOf(limit) / 10), window.dividedBy(10), now));
        }
        if (!wait.isZero()) return wait;
        for (String limit : limits) {
            h.createUpdate("INSERT INTO zendesk_budget_grant (kind, granted_at) VALUES (:kind, :at)")
                    .bind("kind", limit).bind("at", at(now)).execute();
            h.createUpdate("DELETE FROM zendesk_budget_grant WHERE kind = :kind AND granted_at <= :before")
                    .bind("kind", limit).bind("before", at(now.minus(window))).execute();
        }
        return Duration.ZERO;
    }

    /** How long until fewer than {@code max} of the limit's requests are in the last {@code span}. */
    private static Duration untilRoom(Handle h, String limit, int max, Duration span, Instant now) {
        long used = used(h, limit, now, span);
        if (used < max) return Duration.ZERO;
        // There is room again when the request that made the span full leaves it.
        Instant freed = h.createQuery("""
                        SELECT granted_at FROM zendesk_budget_grant WHERE kind = :kind AND granted_at > :since
                        ORDER BY granted_at LIMIT 1 OFFSET :skip""")
                .bind("kind", limit).bind("since", at(now.minus(span))).bind("skip", used - max)
                .mapTo(OffsetDateTime.class).one().toInstant().plus(span);
        return Duration.between(now, freed).plusMillis(1);
    }

    private long used(Handle h, String limit, Instant now) {
        return used(h, limit, now, window);
    }

    private static long used(Handle h, String limit, Instant now, Duration span) {
        return h.createQuery("SELECT COUNT(*) FROM zendesk_budget_grant WHERE kind = :kind AND granted_at > :since")
                .bind("kind", limit).bind("since", at(now.minus(span))).mapTo(Long.class).one();
    }

    private int limitOf(String limit) {
        return limit.equals(UPDATES) ? updatesPerWindow : requestsPerWindow;
    }

    private static Duration longer(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
