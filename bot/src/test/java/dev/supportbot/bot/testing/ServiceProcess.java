package dev.supportbot.bot.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's shaded jar ({@code target/supportbot.jar}, built in the package phase) running in a child JVM with the
 * given {@code BOT_*} environment only, its output in a file. For tests that kill the real process.
 */
public final class ServiceProcess implements AutoCloseable {
    private static final Path JAR = Path.of("target", "supportbot.jar").toAbsolutePath();
    private static final Pattern LISTENING = Pattern.compile("supportbot listening on port (\\d+)");
    private static final Pattern DEPTH = Pattern.compile("(?m)^supportbot_inbox_depth(?:\\{[^}]*\\})? ([0-9.eE+]+)$");

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * The environment of a service on the embedded default (its own PostgreSQL in {@code dataDir}), with a free port,
     * the test secrets and short inbox timings.
     */
    public static Map<String, String> embeddedEnv(Path dataDir) {
        Map<String, String> env = new HashMap<>();
        env.put("BOT_PORT", "0");
        env.put("BOT_DATA_DIR", dataDir.toAbsolutePath().toString());
        env.put("BOT_ZENDESK_WEBHOOK_SECRET", TestBots.ZENDESK_SECRET);
        env.put("BOT_SLACK_SIGNING_SECRET", TestBots.SLACK_SECRET);
        env.put("BOT_INBOX_POLL_INTERVAL", "50ms");
        env.put("BOT_INBOX_RETRY_BASE", "20ms");
        env.put("BOT_INBOX_RETRY_MAX", "200ms");
        env.put("BOT_INBOX_LEASE", "5s");
        env.put("BOT_ZENDESK_UPDATES_PER_MINUTE", "1000");
        env.put("BOT_ZENDESK_REQUESTS_PER_MINUTE", "2500");
        return env;
    }

    /** Starts {@code serve} and waits until it listens (120 s at most: a first start creates the database). */
    public static ServiceProcess start(Map<String, String> env, Path log) throws IOException {
        assertThat(JAR).as("the shaded jar (built in the package phase)").exists();
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar", JAR.toString(), "serve")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("BOT_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        int[] port = {0};
        try {
            Await.until("the child service to listen", Duration.ofSeconds(120), () -> {
                if (!process.isAlive()) throw new AssertionError("the child service exited: " + tail(log));
                Matcher m = LISTENING.matcher(read(log));
                if (!m.find()) return false;
                port[0] = Integer.parseInt(m.group(1));
                return true;
            });
        } catch (AssertionError | RuntimeException e) {
            threadDump(process, log);
            process.destroyForcibly();
            throw e;
        }
        return new ServiceProcess(process, port[0], log);
    }

    /** Appends the threads of a child that did not come up to its log, to show where it waits. */
    private static void threadDump(Process process, Path log) {
        if (!process.isAlive()) return;
        try {
            new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(process.pid()),
                    "Thread.print").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no dump: the failure says enough
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** What the process wrote so far. */
    public String output() {
        return read(log);
    }

    /** SIGKILL: the JVM gets no chance to flush or close anything. */
    public void sigkill() throws Exception {
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor(30, TimeUnit.SECONDS)).as("kill -9 returned").isTrue();
        assertThat(kill.exitValue()).as("kill -9 exit code").isZero();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the child died").isTrue();
        assertThat(process.exitValue()).as("exit status of a SIGKILLed JVM (128 + 9)").isEqualTo(137);
    }

    public void stopGracefully() throws Exception {
        sigterm();
    }

    /** SIGTERM, as an orchestrator stops a container: waits for the process to exit and returns its exit status. */
    public int sigterm() throws Exception {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw new AssertionError("the child did not stop on SIGTERM: " + tail(log));
        }
        return process.exitValue();
    }

    /** {@code supportbot_inbox_depth} from {@code /metrics}; -1 when the service does not answer. */
    public long inboxDepth() {
        try {
            String metrics = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/metrics")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = DEPTH.matcher(metrics);
            return m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Kills the process if it still runs (for {@code finally}); waits for it to go. */
    @Override
    public void close() {
        if (!process.isAlive()) return;
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    public static String tail(Path log) {
        String text = read(log);
        return text.length() <= 3000 ? text : text.substring(text.length() - 3000);
    }
}
