package dev.supportbot.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.Signing;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar as separate processes: {@code serve} on the embedded default (its own PostgreSQL in {@code ./data} of
 * a working directory), and the {@code inbox} CLI run beside it on the same data, before and after the service is
 * stopped or killed.
 */
class InboxCommandIT {
    private static final Path JAR = Path.of("target", "supportbot.jar").toAbsolutePath();
    private static final String SECRET = "it-zendesk-secret";
    private static final Pattern LISTENING = Pattern.compile("supportbot listening on port (\\d+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Process> started = new ArrayList<>();

    @TempDir
    Path work;

    @AfterEach
    void killEverythingStarted() throws InterruptedException {
        for (Process p : started) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void inbox_commands_work_while_the_service_runs_and_after_it_stops_or_is_killed() throws Exception {
        Process service = serve("serve-1.log");
        int port = portOf("serve-1.log");
        assertThat(postWebhook(port, 1)).isEqualTo(200);
        Await.until("the event to be parked as a dead letter", Duration.ofSeconds(60),
                () -> cli("inbox", "stats").out().contains("dead: 1"));

        Result dead = cli("inbox", "dead");
        assertThat(dead.exit()).isZero();
        Matcher row = Pattern.compile("(?m)^(\\d+)\\s+zendesk\\s+ticket\\.updated\\s+1\\s").matcher(dead.out());
        assertThat(row.find()).as(dead.out()).isTrue();
        Result retry = cli("inbox", "retry", row.group(1));
        assertThat(retry.exit()).as(retry.err()).isZero();
        assertThat(retry.out()).contains("requeued dead letter " + row.group(1));
        // The service picks the requeued event up again (and parks it again: Zendesk still refuses connections).
        Await.until("the requeued event to be dead again", Duration.ofSeconds(60), () -> {
            Result stats = cli("inbox", "stats");
            return stats.out().contains("dead: 1") && stats.out().contains("waiting: 0");
        });
        assertThat(healthz(port)).contains("\"vendor\":\"postgresql\"");

        service.destroy(); // SIGTERM: the bot stops its PostgreSQL server too
        assertThat(service.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(postmasterPid()).as("the server's pid file after a clean stop").doesNotExist();
        assertThat(cli("inbox", "stats").out()).contains("dead: 1"); // through a server of the CLI's own
        assertThat(postmasterPid()).as("the CLI stopped its own server").doesNotExist();

        Process second = serve("serve-2.log");
        portOf("serve-2.log");
        second.destroyForcibly(); // SIGKILL: the bot's PostgreSQL server stays behind
        second.waitFor(30, TimeUnit.SECONDS);
        long leftBehind = Long.parseLong(Files.readAllLines(postmasterPid()).get(0).strip());
        assertThat(ProcessHandle.of(leftBehind).map(ProcessHandle::isAlive)).as("the server outlived its bot").contains(true);
        Result afterKill = cli("inbox", "stats");
        assertThat(afterKill.exit()).as(afterKill.err()).isZero();
        assertThat(afterKill.out()).contains("dead: 1");
        assertThat(ProcessHandle.of(leftBehind).map(ProcessHandle::isAlive).orElse(false)).as("stopped by the CLI").isFalse();

        Process third = serve("serve-3.log");
        int thirdPort = portOf("serve-3.log");
        third.destroyForcibly(); // SIGKILL again: this time the next bot finds the server left behind
        third.waitFor(30, TimeUnit.SECONDS);
        long restarting = System.nanoTime();
        serve("serve-4.log");
        int fourth = portOf("serve-4.log");
        Await.until("healthz after the SIGKILL", Duration.ofSeconds(60), () -> healthz(fourth).contains("\"status\":\"ok\""));
        System.out.printf("restart after SIGKILL: healthy in %d ms (the killed one listened on %d)%n",
                (System.nanoTime() - restarting) / 1_000_000, thirdPort);
        assertThat(Files.readString(work.resolve("serve-4.log"))).contains("left by a bot that did not stop: stopping it");
        assertThat(cli("inbox", "stats").out()).contains("dead: 1");
    }

    @Test
    void a_second_service_on_the_same_data_directory_is_refused_in_one_line() throws Exception {
        Process first = serve("serve-1.log");
        portOf("serve-1.log");
        Result second = run(List.of("serve"), Map.of("BOT_PORT", "0"));
        assertThat(second.exit()).isEqualTo(2);
        assertThat(second.err().lines()).containsExactly("supportbot: the data directory " + work.toRealPath().resolve("data")
                + " is in use by another supportbot (process " + first.pid() + "); stop it first, or give this one another BOT_DATA_DIR");
    }

    @Test
    void inbox_commands_in_a_directory_without_a_database_exit_2_and_create_nothing() throws Exception {
        Result stats = cli("inbox", "stats");
        assertThat(stats.exit()).isEqualTo(2);
        assertThat(stats.err().lines()).containsExactly(
                "supportbot: no database in " + work.toRealPath().resolve("data") + " (nothing was created)");
        try (var files = Files.list(work)) {
            assertThat(files.map(f -> f.getFileName().toString())).allMatch(name -> name.endsWith(".out") || name.endsWith(".err"));
        }
    }

    @Test
    void a_data_directory_of_an_older_version_with_an_h2_file_is_refused_in_one_line() throws Exception {
        Path h2 = Files.writeString(Files.createDirectories(work.resolve("data")).resolve("supportbot.mv.db"), "H2");
        Result serve = run(List.of("serve"), Map.of("BOT_PORT", "0"));
        assertThat(serve.exit()).isEqualTo(2);
        assertThat(serve.err().lines()).singleElement().asString()
                .startsWith("supportbot: " + h2.toRealPath() + " is an H2 database of an older supportbot")
                .contains("move that file out of " + work.toRealPath().resolve("data"));
        try (var files = Files.list(work.resolve("data"))) {
            assertThat(files).containsExactly(h2);
        }
    }

    @Test
    void an_unreachable_database_or_a_port_in_use_is_one_line_on_stderr_and_exit_2() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Result pg = run(List.of("serve"), Map.of("BOT_PORT", "0", "BOT_DB_URL", "jdbc:postgresql://127.0.0.1:" + closed + "/bot"));
        assertThat(pg.exit()).isEqualTo(2);
        assertThat(pg.err().lines()).singleElement().asString().startsWith("supportbot: cannot connect to jdbc:postgresql://127.0.0.1:" + closed);
        assertThat(pg.out()).isEmpty();

        Result h2 = run(List.of("serve"), Map.of("BOT_PORT", "0", "BOT_DB_URL", "jdbc:h2:file:./data/supportbot"));
        assertThat(h2.exit()).isEqualTo(2);
        assertThat(h2.err().lines()).singleElement().asString()
                .startsWith("supportbot: invalid configuration: BOT_DB_URL: 'jdbc:h2:file:./data/supportbot' is not a jdbc:postgresql: URL");

        try (ServerSocket taken = new ServerSocket(0)) {
            Result busy = run(List.of("serve"), Map.of("BOT_PORT", Integer.toString(taken.getLocalPort())));
            assertThat(busy.exit()).isEqualTo(2);
            assertThat(busy.err().lines()).singleElement().asString()
                    .startsWith("supportbot: cannot listen on 0.0.0.0:" + taken.getLocalPort() + ": Port already in use");
            assertThat(busy.out().lines()).noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by"));
        }

        Result empty = run(List.of("serve"), Map.of("BOT_PORT", ""));
        assertThat(empty.exit()).isEqualTo(2);
        assertThat(empty.err().lines()).containsExactly("supportbot: invalid configuration: BOT_PORT: is empty; remove it to use the default (8080)");
    }

    private Path postmasterPid() {
        return work.resolve("data/postgresql/postmaster.pid");
    }

    private Process serve(String log) throws IOException {
        // A Zendesk that refuses every connection: each event fails (a missing ticket would be an outcome, not a failure).
        ProcessBuilder pb = command(List.of("serve"), Map.of(
                "BOT_PORT", "0", "BOT_ZENDESK_WEBHOOK_SECRET", SECRET, "BOT_INBOX_MAX_ATTEMPTS", "1",
                "BOT_INBOX_POLL_INTERVAL", "50ms", "BOT_ZENDESK_URL", "http://127.0.0.1:1/",
                "BOT_ZENDESK_EMAIL", "bot@vendor.example", "BOT_ZENDESK_TOKEN", "it-token", "BOT_ALLOW_SANDBOX_MIX", "true",
                "BOT_CONSOLE_ENABLED", "false"));
        pb.redirectErrorStream(true).redirectOutput(work.resolve(log).toFile());
        Process p = pb.start();
        started.add(p);
        return p;
    }

    private int portOf(String log) {
        int[] port = {0};
        Await.until("the service to listen (" + log + ")", Duration.ofSeconds(90), () -> {
            try {
                Matcher m = LISTENING.matcher(Files.readString(work.resolve(log)));
                if (m.find()) port[0] = Integer.parseInt(m.group(1));
            } catch (IOException e) {
                return false;
            }
            return port[0] != 0;
        });
        return port[0];
    }

    private Result cli(String... args) {
        try {
            return run(List.of(args), Map.of());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Result run(List<String> args, Map<String, String> env) throws Exception {
        ProcessBuilder pb = command(args, env);
        Path out = Files.createTempFile(work, "cli", ".out");
        Path err = Files.createTempFile(work, "cli", ".err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        started.add(p);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished", args).isTrue();
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private ProcessBuilder command(List<String> args, Map<String, String> env) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", JAR.toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("BOT_"));
        pb.environment().putAll(env);
        return pb;
    }

    private int postWebhook(int port, long ticket) throws Exception {
        String body = "{\"ticket_id\":" + ticket + ",\"event\":\"ticket.updated\",\"delivery_id\":\"it-" + ticket + "\"}";
        String ts = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/zendesk"))
                .header("X-Zendesk-Webhook-Signature-Timestamp", ts)
                .header("X-Zendesk-Webhook-Signature", Signing.zendesk(SECRET, ts, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** The status line's code and the body, or "" when nothing answers. */
    private String healthz(int port) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private record Result(int exit, String out, String err) {}
}
