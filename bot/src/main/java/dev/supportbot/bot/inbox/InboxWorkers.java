package dev.supportbot.bot.inbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import dev.supportbot.bot.outbound.Backoff;
import dev.supportbot.bot.outbound.Lease;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Worker threads that claim due inbox events and hand each to the dispatcher. Idle workers sleep until
 * {@link #wakeUp()} (intake calls it after storing an event) or the poll interval passes, so events stored by
 * another bot instance, and retries that come due, are found too. While an event is held (claimed, run or waiting
 * its turn) its lease is renewed every third of the lease, so a long wait for Zendesk's budget does not hand it to
 * another worker; should the lease be lost all the same, the work stops before its next call out ({@link Lease}).
 */
public final class InboxWorkers implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(InboxWorkers.class);
    private static final int BATCH = 4;

    public record Settings(int threads, int maxAttempts, Backoff backoff, Duration lease, Duration pollInterval) {}

    private final Inbox inbox;
    private final Dispatcher dispatcher;
    private final Settings settings;
    private final Clock clock;
    private final InboxMetrics metrics;
    private final AtomicBoolean running = new AtomicBoolean();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final AtomicInteger idle = new AtomicInteger();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final Map<Long, InboxEvent> held = new ConcurrentHashMap<>();
    private final Set<Long> lost = ConcurrentHashMap.newKeySet();
    private ExecutorService threads;
    private ScheduledExecutorService renewals;

    public InboxWorkers(Inbox inbox, Dispatcher dispatcher, Settings settings, Clock clock, InboxMetrics metrics) {
        this.inbox = inbox;
        this.dispatcher = dispatcher;
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
    }

    public void start() {
        if (!running.compareAndSet(false, true)) return;
        threads = Executors.newFixedThreadPool(settings.threads(), runnable -> {
            Thread t = new Thread(runnable, "inbox-worker");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < settings.threads(); i++) threads.execute(this::loop);
        renewals = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "inbox-lease");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, settings.lease().toMillis() / 3);
        renewals.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    private void renew() {
        try {
            lost.addAll(inbox.renew(List.copyOf(held.values()), settings.lease()));
        } catch (RuntimeException e) {
            log.warn("inbox lease renewal failed: {}", e.getMessage());
        }
    }

    /**
     * One new event needs one worker: wake one idle worker, if any. Busy workers claim again as soon as they finish,
     * so waking them too would only cost every request a lock and every worker an empty claim.
     */
    public void wakeUp() {
        // Set before reading idle; a worker counts itself idle before reading pending: one of them sees the other.
        pending.set(true);
        if (idle.get() == 0) return;
        lock.lock();
        try {
            work.signal();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (running.get()) {
            List<InboxEvent> claimed;
            try {
                claimed = inbox.claim(BATCH, settings.lease());
            } catch (RuntimeException e) {
                log.warn("inbox claim failed: {}", e.getMessage());
                claimed = List.of();
            }
            if (claimed.isEmpty()) {
                idle();
                continue;
            }
            claimed.forEach(event -> held.put(event.id(), event));
            List<InboxEvent> remaining = new ArrayList<>(claimed);
            while (!remaining.isEmpty()) {
                InboxEvent next = remaining.remove(0);
                try {
                    if (!running.get()) releaseQuietly(next);
                    else process(next);
                } finally {
                    held.remove(next.id());
                    lost.remove(next.id());
                }
            }
        }
    }

    private void idle() {
        lock.lock();
        idle.incrementAndGet();
        try {
            if (running.get() && !pending.getAndSet(false)) work.await(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        } finally {
            idle.decrementAndGet();
            lock.unlock();
        }
    }

    private void process(InboxEvent event) {
        long started = System.nanoTime();
        try {
            Handled handled = Lease.holding(() -> !lost.contains(event.id()), () -> dispatcher.dispatch(event));
            inbox.complete(event, handled);
            metrics.processed(event, Duration.ofNanos(System.nanoTime() - started), clock.instant());
        } catch (LostClaimException | Lease.Lost e) {
            log.info("inbox event {} was taken over by another worker; result discarded", event.id());
        } catch (Exception e) {
            failed(event, e);
        }
    }

    private void failed(InboxEvent event, Exception e) {
        boolean later = e instanceof RetryLater;
        boolean dead = !later && event.attempts() >= settings.maxAttempts();
        String reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        Duration delay = later ? ((RetryLater) e).after() : settings.backoff().delayAfter(event.attempts());
        try {
            if (later) inbox.later(event, reason, clock.instant().plus(delay));
            else inbox.fail(event, reason, clock.instant().plus(delay), dead);
        } catch (RuntimeException storeFailure) {
            log.warn("could not record failure of inbox event {}: {}", event.id(), storeFailure.getMessage());
            return;
        }
        if (dead) {
            metrics.deadLettered(event);
            log.error("inbox event {} ({} {}) parked as dead letter after {} attempts: {}", event.id(), event.source(),
                    event.eventType(), event.attempts(), reason);
        } else if (later) {
            log.info("inbox event {} waits: {}", event.id(), reason);
        } else {
            log.warn("inbox event {} failed (attempt {}), will retry: {}", event.id(), event.attempts(), reason);
        }
    }

    private void releaseQuietly(InboxEvent event) {
        try {
            inbox.release(event);
        } catch (RuntimeException e) {
            log.debug("could not release inbox event {}; its lease will expire", event.id());
        }
    }

    /** {@link #close(Duration)} with 30 s to finish. */
    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    /**
     * Stops claiming, lets the events in hand finish within {@code grace}, and gives back (un-leases) the ones not
     * started, so another instance takes them at once. Work still running after {@code grace} is interrupted; its
     * event's lease runs out and another worker takes it over.
     */
    public void close(Duration grace) {
        if (!running.compareAndSet(true, false)) return;
        lock.lock();
        try {
            work.signalAll();
        } finally {
            lock.unlock();
        }
        threads.shutdown();
        renewals.shutdown();
        try {
            if (!threads.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("inbox workers still busy after {}: interrupted; their events are taken over when the lease runs out", grace);
                threads.shutdownNow();
            }
            renewals.shutdownNow();
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
