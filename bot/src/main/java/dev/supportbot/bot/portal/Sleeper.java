package dev.supportbot.bot.portal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits between attempts. Tests pass one that records the wait instead. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());

    void sleep(Duration duration) throws InterruptedException;
}
