package dev.supportbot.bot.outbound;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits for a while. Injected so that tests of rate limits and retries move a fake clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps, then checks that the work it waited for is still this thread's ({@link Lease#check()}). */
    Sleeper SYSTEM = duration -> {
        TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        Lease.check();
    };

    void sleep(Duration duration) throws InterruptedException;
}
