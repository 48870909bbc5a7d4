package dev.supportbot.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.SupportBot;
import com.zaxxer.hikari.HikariDataSource;
import dev.supportbot.bot.testing.Await;
import dev.supportbot.bot.testing.TestBots;
import dev.supportbot.bot.testing.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthz_is_503_with_the_reason_when_the_database_refuses_writes() throws Exception {
        SupportBot bot = start(TestDatabases.freshUrl());
        try {
            assertThat(healthz(bot).statusCode()).isEqualTo(200);
            // Read-only from the next session on: the pool's connections are replaced as they come back.
            bot.database().jdbi().useHandle(h -> h.execute("ALTER DATABASE "
                    + h.createQuery("SELECT current_database()").mapTo(String.class).one() + " SET default_transaction_read_only = on"));
            ((HikariDataSource) bot.database().dataSource()).getHikariPoolMXBean().softEvictConnections();
            Await.until("healthz to report the refused write", Duration.ofSeconds(10), () -> healthz(bot).statusCode() == 503);
            HttpResponse<String> down = healthz(bot);
            assertThat(down.body()).contains("\"status\":\"unavailable\"").contains("\"status\":\"down\"")
                    .containsPattern("\"reason\":\"[^\"]*read[ -]only");
        } finally {
            bot.close();
        }
    }

    @Test
    void a_flood_of_healthz_probes_writes_to_the_database_about_once_a_second() throws Exception {
        SupportBot bot = start(TestDatabases.freshUrl());
        try {
            long started = System.nanoTime();
            for (int i = 0; i < 200; i++) assertThat(healthz(bot).statusCode()).isEqualTo(200);
            double seconds = (System.nanoTime() - started) / 1e9;
            long writes = bot.database().jdbi().withHandle(h -> h.createQuery("SELECT checks FROM health_check").mapTo(Long.class).one());
            assertThat(writes).as("writes during %.1f s of probing", seconds).isBetween(1L, (long) Math.ceil(seconds) + 1);
        } finally {
            bot.close();
        }
    }

    private static SupportBot start(String url) {
        Map<String, String> env = TestBots.env(url);
        return SupportBot.builder(TestBots.config(env)).host("127.0.0.1").start();
    }

    private HttpResponse<String> healthz(SupportBot bot) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + "/healthz")).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
    @Test
    void healthz_is_503_when_the_database_is_unreachable_and_the_server_keeps_answering() throws Exception {
        SupportBot bot = SupportBot.builder(TestBots.config(TestBots.env())).host("127.0.0.1").start();
        URI health = URI.create("http://127.0.0.1:" + bot.port() + "/healthz");
        try {
            HttpResponse<String> up = http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.body()).contains("\"status\":\"up\"");

            bot.database().close(); // the database goes away under the running server
            Await.until("healthz to notice (its last check is reused for a second)", Duration.ofSeconds(10),
                    () -> healthz(bot).statusCode() == 503);
            HttpResponse<String> down = http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("\"status\":\"down\"").contains("\"unavailable\"");
            HttpResponse<String> webhook = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + "/webhooks/zendesk"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(webhook.statusCode()).isEqualTo(401);
        } finally {
            bot.close();
        }
    }
}
