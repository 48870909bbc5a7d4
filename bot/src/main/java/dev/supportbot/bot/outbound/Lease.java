package dev.supportbot.bot.outbound;

import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

/**
 * Whether the work of the current thread is still its own. An inbox worker holds a lease on the event it runs; if the
 * lease is lost (it ran out and another worker took the event over), no call may go out for that event any more. A
 * wait before a call can be long (the Zendesk budget, a {@code Retry-After}), so {@link Sleeper#SYSTEM} checks the
 * lease after every wait and throws {@link Lost} rather than let the call go out.
 */
public final class Lease {
    private static final ThreadLocal<BooleanSupplier> HELD = new ThreadLocal<>();

    private Lease() {}

    /** Runs {@code work} on this thread under a lease that {@code held} reports on. */
    public static <T> T holding(BooleanSupplier held, Callable<T> work) throws Exception {
        BooleanSupplier outer = HELD.get();
        HELD.set(held);
        try {
            return work.call();
        } finally {
            if (outer == null) HELD.remove();
            else HELD.set(outer);
        }
    }

    /** Throws {@link Lost} when the current thread works under a lease that is gone; nothing otherwise. */
    public static void check() {
        BooleanSupplier held = HELD.get();
        if (held != null && !held.getAsBoolean()) throw new Lost();
    }

    /** The lease of the work in hand is gone: the work stops before it calls out. */
    public static final class Lost extends RuntimeException {
        Lost() {
            super("the lease on this work was lost while waiting; another worker has it");
        }
    }
}
