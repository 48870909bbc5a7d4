package dev.supportbot.bot.zendesk;

import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.config.Settings;
import dev.supportbot.bot.outbound.Lease;
import dev.supportbot.bot.outbound.Sleeper;
import dev.supportbot.bot.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zendesk's API budget, shared through the database by every bot instance on it: at most {@code requestsPerWindow}
 * requests (reads and writes) and {@code updatesPerWindow} ticket writes in any window (a minute in service), and a
 * tenth of each in any tenth of the window, so that requests are spread out and waits stay short. Requests are
 * counted per slot (a sixtieth of the window); a caller that finds a limit reached waits until enough slots have
 * left the window. A pause (after a 429, or when Zendesk reports little left) holds every instance until it ends.
 */
public final class ApiBudget {
    private static final Logger log = LoggerFactory.getLogger(ApiBudget.class);
    /** What a request costs: every request counts against the requests limit, a write against the updates limit too. */
    public enum Kind {
        READ, WRITE
    }

    static final int SLOTS_PER_WINDOW = 60;
    /**
     * Any window touches at most one slot more than it lasts; one slot more again (a second in service) is margin for
     * the time between taking the budget and reaching Zendesk, which counts arrivals.
     */
    static final int SLOTS_COUNTED = SLOTS_PER_WINDOW + 2;
    static final int SHORT_SLOTS = SLOTS_PER_WINDOW / 10;
    static final String REQUESTS = "requests";
    static final String UPDATES = "updates";

    private final Jdbi jdbi;
    private final int requestsPerWindow;
    private final int updatesPerWindow;
    private final long slotMillis;
    private final Clock clock;
    private final Sleeper sleeper;

    public ApiBudget(Database database, int requestsPerWindow, int updatesPerWindow, Duration window, Clock clock, Sleeper sleeper) {
        if (requestsPerWindow < 1 || updatesPerWindow < 1) throw new IllegalArgumentException("limits must be positive");
        if (window.toMillis() < SLOTS_PER_WINDOW) throw new IllegalArgumentException("window too short: " + window);
        this.jdbi = database.jdbi();
        this.requestsPerWindow = requestsPerWindow;
        this.updatesPerWindow = updatesPerWindow;
        this.slotMillis = window.toMillis() / SLOTS_PER_WINDOW;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** The limits of the configuration, per minute. */
    public static ApiBudget fromConfig(BotConfig config, Database database, Clock clock, Sleeper sleeper) {
        return new ApiBudget(database, config.get(Settings.ZENDESK_REQUESTS_PER_MINUTE),
                config.get(Settings.ZENDESK_UPDATES_PER_MINUTE), Duration.ofMinutes(1), clock, sleeper);
    }

    /** One request's share of the budget: the limits it counts against and the slot it is counted in. */
    public record Taken(List<String> limits, long slot) {}

    /**
     * Takes the budget for one request, waiting as long as the shared limits (and any pause) require. Hand what it
     * returns to {@link #settle} once the answer is in. Throws {@link Lease.Lost} instead, without taking any budget,
     * when the inbox lease of the work it is for is gone, before the first try or after a wait.
     */
    public Taken acquire(Kind kind) throws InterruptedException {
        List<String> limits = kind == Kind.WRITE ? List.of(REQUESTS, UPDATES) : List.of(REQUESTS);
        for (;;) {
            Lease.check();
            long slot = slot(clock.instant());
            Duration wait = jdbi.inTransaction(h -> reserve(h, limits, slot));
            if (wait.isZero()) return new Taken(limits, slot);
            sleeper.sleep(wait);
        }
    }

    /**
     * Counts a request that has been answered in the slot of its answer instead of the slot it was sent in. Zendesk
     * counts a request when it arrives, which is somewhere between the two: a request slowed on its way (a busy
     * machine, a slow network) would otherwise leave the window early in our count while Zendesk still counts it, and
     * the next requests would go over Zendesk's limit.
     */
    public void settle(Taken taken) {
        long now = slot(clock.instant());
        if (now <= taken.slot()) return;
        try {
            jdbi.useTransaction(h -> {
                for (String limit : taken.limits()) {
                    h.createUpdate("UPDATE zendesk_budget_use SET used = used - 1 WHERE kind = :kind AND slot = :slot AND used > 0")
                            .bind("kind", limit).bind("slot", taken.slot()).execute();
                    count(h, limit, now);
                }
            });
        } catch (RuntimeException e) {
            // The request went out and was answered; it stays counted where it was taken.
            log.warn("could not move a Zendesk request's count to the slot of its answer: {}", e.getMessage());
        }
    }

    /** Holds every instance's requests for {@code wait} from now (a pause already longer stays). */
    public void pause(Duration wait) {
        OffsetDateTime until = clock.instant().plus(wait).atOffset(ZoneOffset.UTC);
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE zendesk_budget SET paused_until = :until
                        WHERE kind = :kind AND (paused_until IS NULL OR paused_until < :until)""")
                .bind("until", until).bind("kind", REQUESTS).execute());
    }

    /** Requests (or, for {@link Kind#WRITE}, ticket updates) that may still go out in the current window. */
    public long left(Kind kind) {
        String limit = kind == Kind.WRITE ? UPDATES : REQUESTS;
        long slot = slot(clock.instant());
        long used = jdbi.withHandle(h -> use(h, limit, slot)).values().stream().mapToLong(Integer::longValue).sum();
        return Math.max(0, limitOf(limit) - used);
    }

    public int requestsPerWindow() {
        return requestsPerWindow;
    }

    private Duration reserve(Handle h, List<String> limits, long slot) {
        Instant now = clock.instant();
        long waitMillis = 0;
        for (String limit : limits) {
            // Locks the limit's row: instances take their turn, so no two see the same room.
            OffsetDateTime paused = h.createQuery("SELECT paused_until FROM zendesk_budget WHERE kind = :kind FOR UPDATE")
                    .bind("kind", limit).mapTo(OffsetDateTime.class).findOne().orElse(null);
            if (paused != null && paused.toInstant().isAfter(now)) {
                waitMillis = Math.max(waitMillis, Duration.between(now, paused.toInstant()).toMillis() + 1);
            }
            Map<Long, Integer> use = use(h, limit, slot);
            waitMillis = Math.max(waitMillis, untilRoom(use, slot, SLOTS_COUNTED, limitOf(limit), now));
            waitMillis = Math.max(waitMillis, untilRoom(use, slot, SHORT_SLOTS, Math.max(1, limitOf(limit) / 10), now));
        }
        if (waitMillis > 0) return Duration.ofMillis(waitMillis);
        for (String limit : limits) {
            count(h, limit, slot);
            h.createUpdate("DELETE FROM zendesk_budget_use WHERE kind = :kind AND slot <= :old")
                    .bind("kind", limit).bind("old", slot - SLOTS_COUNTED).execute();
        }
        return Duration.ZERO;
    }

    /** Counts one request in {@code slot}; safe beside other instances counting in the same slot without the lock. */
    private static void count(Handle h, String limit, long slot) {
        h.createUpdate("""
                        INSERT INTO zendesk_budget_use (kind, slot, used) VALUES (:kind, :slot, 1)
                        ON CONFLICT (kind, slot) DO UPDATE SET used = zendesk_budget_use.used + 1""")
                .bind("kind", limit).bind("slot", slot).execute();
    }

    /**
     * Milliseconds until fewer than {@code max} requests are in the last {@code slots} slots: until the oldest slots
     * holding the excess have left them.
     */
    private long untilRoom(Map<Long, Integer> use, long slot, int slots, int max, Instant now) {
        long first = slot - slots + 1;
        long used = use.entrySet().stream().filter(e -> e.getKey() >= first).mapToLong(Map.Entry::getValue).sum();
        if (used < max) return 0;
        long excess = used - max + 1;
        for (Map.Entry<Long, Integer> e : use.entrySet()) {
            if (e.getKey() < first) continue;
            excess -= e.getValue();
            if (excess <= 0) return Math.max(1, (e.getKey() + slots) * slotMillis - now.toEpochMilli());
        }
        throw new IllegalStateException("unreachable: the slots hold the excess");
    }

    /** The counts of the slots still in the longest window, oldest first. */
    private static Map<Long, Integer> use(Handle h, String limit, long slot) {
        Map<Long, Integer> use = new TreeMap<>();
        h.createQuery("SELECT slot, used FROM zendesk_budget_use WHERE kind = :kind AND slot > :old")
                .bind("kind", limit).bind("old", slot - SLOTS_COUNTED)
                .map((rs, ctx) -> Map.entry(rs.getLong("slot"), rs.getInt("used"))).forEach(e -> use.put(e.getKey(), e.getValue()));
        return use;
    }

    private long slot(Instant instant) {
        return Math.floorDiv(instant.toEpochMilli(), slotMillis);
    }

    private int limitOf(String limit) {
        return limit.equals(UPDATES) ? updatesPerWindow : requestsPerWindow;
    }
}
