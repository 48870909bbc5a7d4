package dev.supportbot.bot.inbox;

import java.time.Clock;
import java.time.Duration;
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
 * another bot instance, and retries that come due, are found too. A worker claims one event at a time, the one it
 * runs next: what it has not started stays free for other workers and instances. While an event runs its lease is
 * renewed every third of the lease, so a long wait for Zendesk's budget does not hand it to another worker. The work
 * stops before its next call out ({@link Lease}) once the lease may be gone: another worker took the event over, or
 * no claim or renewal has been confirmed for a whole lease (renewals failing or stalled), after which another worker
 * may take it over at any moment.
 */
public final class InboxWorkers implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(InboxWorkers.class);

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
    /** The events the workers run, by claim token: a later claim of the same event is another holding. */
    private final Map<String, InboxEvent> held = new ConcurrentHashMap<>();
    /**
     * For each claim held, when (by {@link System#nanoTime()}) the claim or renewal that last set its lease started:
     * the database set the lease's end from a moment after that, so the lease lasts at least a lease from it. Absent
     * once the lease is known lost.
     */
    private final Map<String, Long> leaseFrom = new ConcurrentHashMap<>();
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
        List<InboxEvent> renewing = List.copyOf(held.values());
        long started = System.nanoTime();
        Set<Long> lost;
        try {
            lost = inbox.renew(renewing, settings.lease());
        } catch (RuntimeException e) {
            log.warn("inbox lease renewal failed: {}", e.getMessage());
            return;
        }
        for (InboxEvent event : renewing) {
            if (lost.contains(event.id())) leaseFrom.remove(event.claimToken());
            else leaseFrom.computeIfPresent(event.claimToken(), (token, from) -> Math.max(from, started));
        }
    }

    /** Whether this worker surely still holds the event's lease. */
    private boolean holds(InboxEvent event) {
        Long from = leaseFrom.get(event.claimToken());
        return from != null && System.nanoTime() - from < settings.lease().toNanos();
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
            long claimStarted = System.nanoTime();
            List<InboxEvent> claimed;
            try {
                claimed = inbox.claim(1, settings.lease());
            } catch (RuntimeException e) {
                log.warn("inbox claim failed: {}", e.getMessage());
                claimed = List.of();
            }
            if (claimed.isEmpty()) {
                idle();
                continue;
            }
            InboxEvent next = claimed.get(0);
            leaseFrom.put(next.claimToken(), claimStarted);
            held.put(next.claimToken(), next);
            try {
                if (!running.get()) releaseQuietly(next);
                else process(next);
            } finally {
                held.remove(next.claimToken());
                leaseFrom.remove(next.claimToken());
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
            Handled handled = Lease.holding(() -> holds(event), () -> dispatcher.dispatch(event));
            inbox.complete(event, handled);
            metrics.processed(event, Duration.ofNanos(System.nanoTime() - started), clock.instant());
        } catch (LostClaimException | Lease.Lost e) {
            log.info("inbox event {} lost its lease (taken over, or not renewed in time); another worker runs it", event.id());
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
            if (later) inbox.later(event, reason, delay);
            else inbox.fail(event, reason, delay, dead);
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

    /** Whether the workers still claim events (false once {@link #close} has begun). */
    boolean claiming() {
        return running.get();
    }

    /** {@link #close(Duration)} with 30 s to finish. */
    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    /**
     * Stops claiming, lets the events in hand finish within {@code grace}, and gives back (un-leases) one claimed
     * just as the stop came, so another instance takes it at once. Work still running after {@code grace} is interrupted; its
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
