package dev.supportbot.bot.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server a data directory's {@code postmaster.pid} names. The embedded server outlives a bot killed
 * with SIGKILL; the next bot, holding the data directory's lock (so no other bot uses that server), stops it the way
 * {@code pg_ctl stop -m fast} does: SIGINT, which rolls back open transactions, writes a checkpoint and exits. Only if
 * it does not go does SIGQUIT stop it at once, which is as safe for the data as a power cut: the next start replays
 * the write-ahead log. The pid file itself is never removed here: PostgreSQL alone decides it is stale.
 */
final class LeftBehindServer {
    private static final Duration FAST_SHUTDOWN = Duration.ofSeconds(60);
    private static final Duration IMMEDIATE_SHUTDOWN = Duration.ofSeconds(15);
    private static final Logger log = LoggerFactory.getLogger(LeftBehindServer.class);

    private LeftBehindServer() {}

    /** Stops the server running on {@code postgresDirectory}, if one runs. */
    static void stop(Path postgresDirectory) {
        Optional<ProcessHandle> server = running(postgresDirectory);
        if (server.isEmpty()) return;
        long pid = server.get().pid();
        log.info("a PostgreSQL server (pid {}) still runs on {}, left by a bot that did not stop: stopping it", pid,
                postgresDirectory);
        if (signalAndWait(server.get(), "INT", FAST_SHUTDOWN) || signalAndWait(server.get(), "QUIT", IMMEDIATE_SHUTDOWN)) {
            log.info("the PostgreSQL server left behind (pid {}) stopped", pid);
            return;
        }
        throw new DatabaseUnavailableException("the PostgreSQL server left behind on " + postgresDirectory + " (pid " + pid
                + ") does not stop; stop it, then start the bot again", null);
    }

    /** The port of the server running on {@code postgresDirectory}, once it accepts connections. */
    static Optional<Integer> port(Path postgresDirectory) {
        if (running(postgresDirectory).isEmpty()) return Optional.empty();
        List<String> lines = pidFile(postgresDirectory);
        // postmaster.pid: pid, data directory, start time, port, socket directory, listen address, shared memory, status
        if (lines.size() < 8 || !lines.get(3).strip().matches("\\d{1,5}") || !lines.get(7).strip().equals("ready")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(lines.get(3).strip()));
    }

    /**
     * The live postmaster of that directory. A pid file whose process is gone is stale (PostgreSQL removes it on start);
     * one whose pid now belongs to some other program is refused rather than guessed about.
     */
    private static Optional<ProcessHandle> running(Path postgresDirectory) {
        List<String> lines = pidFile(postgresDirectory);
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d{1,10}")) return Optional.empty();
        long pid = Long.parseLong(lines.get(0).strip());
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) return Optional.empty();
        if (!isPostgresOf(pid, postgresDirectory)) {
            throw new DatabaseUnavailableException(postgresDirectory.resolve("postmaster.pid") + " names process " + pid
                    + ", which runs but is not this directory's PostgreSQL; if no PostgreSQL uses " + postgresDirectory
                    + ", delete that file and start again", null);
        }
        return process;
    }

    private static List<String> pidFile(Path postgresDirectory) {
        try {
            return Files.readAllLines(postgresDirectory.resolve("postmaster.pid"), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new DatabaseUnavailableException("cannot read " + postgresDirectory.resolve("postmaster.pid") + ": "
                    + e.getMessage(), e);
        }
    }

    /** A postmaster is started as {@code .../bin/postgres -D <directory> ...}; its command line stays as it was. */
    private static boolean isPostgresOf(long pid, Path postgresDirectory) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            List<String> args = List.of(new String(raw, StandardCharsets.UTF_8).split("\0"));
            return !args.isEmpty() && Path.of(args.get(0)).getFileName().toString().equals("postgres")
                    && args.contains(postgresDirectory.toString());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean signalAndWait(ProcessHandle server, String signal, Duration wait) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(server.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.waitFor(10, TimeUnit.SECONDS);
            server.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (IOException | ExecutionException e) {
            throw new DatabaseUnavailableException("cannot stop the PostgreSQL server left behind (pid " + server.pid()
                    + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseUnavailableException("interrupted while stopping the PostgreSQL server left behind", e);
        }
    }
}
