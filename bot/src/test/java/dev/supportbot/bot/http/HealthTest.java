package dev.supportbot.bot.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.store.Vendor;
import dev.supportbot.bot.testing.TestBots;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HealthTest {
    @ParameterizedTest
    @EnumSource(Vendor.class)
    void healthz_is_503_when_the_database_is_unreachable_and_the_server_keeps_answering(Vendor vendor) throws Exception {
        SupportBot bot = SupportBot.builder(TestBots.config(TestBots.env(vendor))).host("127.0.0.1").start();
        HttpClient http = HttpClient.newHttpClient();
        URI health = URI.create("http://127.0.0.1:" + bot.port() + "/healthz");
        try {
            HttpResponse<String> up = http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.body()).contains("\"status\":\"up\"");

            bot.database().close(); // the database goes away under the running server
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
