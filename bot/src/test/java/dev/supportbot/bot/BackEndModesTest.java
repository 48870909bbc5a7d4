package dev.supportbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.json.Json;
import dev.supportbot.bot.plugin.Context;
import dev.supportbot.bot.portal.PortalClients;
import dev.supportbot.bot.testing.TestBots;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the mode changes at the wire: outside sandbox mode the sandbox portal and the sandbox Slack's console endpoints
 * answer only with BOT_PORTAL_TOKEN; a mix shows on /healthz and the console banner; the console can be switched off;
 * /metrics can ask for a token or move to its own port. A mix here has a real Zendesk URL that is never called.
 */
class BackEndModesTest {
    private static final String PORTAL_PATH = "/sandbox/portal/api/v1/customers/1101";
    private final HttpClient http = HttpClient.newHttpClient();

    private static Map<String, String> mixed() {
        Map<String, String> env = new HashMap<>(TestBots.env());
        env.put("BOT_ZENDESK_URL", "http://127.0.0.1:9");
        env.put("BOT_ZENDESK_EMAIL", "bot@vendor.example");
        env.put("BOT_ZENDESK_TOKEN", "zd-token");
        env.put("BOT_ALLOW_SANDBOX_MIX", "true");
        env.put("BOT_CONSOLE_TOKEN", "console-token-7");
        return env;
    }

    private static SupportBot start(Map<String, String> env) {
        BotConfig config = TestBots.config(env);
        return SupportBot.builder(config).plugins(Plugins.standard(config)).start();
    }

    private HttpResponse<String> get(int port, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (headers.length > 0) request.headers(headers);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(int port, String path, String json, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json");
        if (headers.length > 0) request.headers(headers);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void outside_sandbox_mode_the_sandbox_portal_answers_only_with_the_portal_token() throws Exception {
        Map<String, String> env = mixed();
        env.put("BOT_PORTAL_TOKEN", "portal-token-5");
        try (SupportBot bot = start(env)) {
            HttpResponse<String> anonymous = get(bot.port(), PORTAL_PATH);
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(Json.MAPPER.readTree(anonymous.body()).path("status").asInt()).isEqualTo(401);
            assertThat(get(bot.port(), PORTAL_PATH, "Authorization", "Bearer guess").statusCode()).isEqualTo(401);
            assertThat(get(bot.port(), PORTAL_PATH, "Authorization", "Bearer portal-token-5").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void outside_sandbox_mode_a_sandbox_portal_without_a_token_configured_answers_only_the_bot_itself() throws Exception {
        BotConfig config = TestBots.config(mixed());
        List<Context> captured = new ArrayList<>();
        try (SupportBot bot = SupportBot.builder(config).plugins(Plugins.standard(config)).plugins(context -> {
            captured.add(context);
            return List.of();
        }).start()) {
            assertThat(PortalClients.forBot(captured.get(0)).customer(1101).email()).isEqualTo("pat@acme.example");
            assertThat(get(bot.port(), PORTAL_PATH).statusCode()).isEqualTo(401);
            assertThat(get(bot.port(), PORTAL_PATH, "Authorization", "Bearer null").statusCode()).isEqualTo(401);
            assertThat(get(bot.port(), PORTAL_PATH, "Authorization", "Bearer ").statusCode()).isEqualTo(401);
        }
    }

    @Test
    void in_sandbox_mode_the_sandbox_portal_answers_anyone() throws Exception {
        try (SupportBot bot = start(TestBots.env())) {
            assertThat(get(bot.port(), PORTAL_PATH).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void outside_sandbox_mode_the_sandbox_slack_clicks_and_submits_only_with_the_portal_token() throws Exception {
        Map<String, String> env = mixed();
        env.put("BOT_PORTAL_TOKEN", "portal-token-5");
        String click = "{\"channel\":\"C0SBSUPPORT\",\"ts\":\"1.1\",\"action_id\":\"approve\",\"user\":\"U0SBALEX\"}";
        try (SupportBot bot = start(env)) {
            HttpResponse<String> anonymous = post(bot.port(), "/sandbox/slack/clicks", click);
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.body()).contains("BOT_PORTAL_TOKEN");
            assertThat(post(bot.port(), "/sandbox/slack/submissions", "{}").statusCode()).isEqualTo(401);
            // With the token the request gets as far as the stand-in: there is no such message.
            assertThat(post(bot.port(), "/sandbox/slack/clicks", click, "Authorization", "Bearer portal-token-5").statusCode())
                    .isEqualTo(404);
        }
    }

    @Test
    void healthz_and_the_console_banner_show_an_allowed_mix() throws Exception {
        try (SupportBot bot = start(mixed())) {
            JsonNode health = Json.MAPPER.readTree(get(bot.port(), "/healthz").body());
            assertThat(health.path("mode").asText()).isEqualTo("mixed");
            assertThat(health.path("sandbox_mix_allowed").asBoolean()).isTrue();
            assertThat(health.path("back_ends").asText()).isEqualTo("Zendesk real; Slack and the portal the sandbox");
            assertThat(health.path("actions").asText()).isEqualTo("live");

            HttpResponse<String> console = get(bot.port(), "/", "Authorization", "Bearer console-token-7");
            assertThat(console.statusCode()).isEqualTo(200);
            assertThat(console.body()).contains("a mix of real and sandbox back ends (Zendesk real; Slack and the portal the sandbox)")
                    .doesNotContain("production console").doesNotContain("shadow mode");
        }
        try (SupportBot bot = start(TestBots.env())) {
            JsonNode health = Json.MAPPER.readTree(get(bot.port(), "/healthz").body());
            assertThat(health.path("mode").asText()).isEqualTo("sandbox");
            assertThat(health.has("sandbox_mix_allowed")).isFalse();
        }
    }

    @Test
    void a_console_switched_off_does_not_exist_even_with_its_token() throws Exception {
        Map<String, String> env = mixed();
        env.put("BOT_CONSOLE_ENABLED", "false");
        try (SupportBot bot = start(env)) {
            assertThat(get(bot.port(), "/", "Authorization", "Bearer console-token-7").statusCode()).isEqualTo(404);
            assertThat(get(bot.port(), "/login").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void metrics_behind_a_token() throws Exception {
        Map<String, String> env = new HashMap<>(TestBots.env());
        env.put("BOT_METRICS_TOKEN", "metrics-token-3");
        try (SupportBot bot = start(env)) {
            HttpResponse<String> anonymous = get(bot.port(), "/metrics");
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.body()).doesNotContain("supportbot_");
            HttpResponse<String> scraped = get(bot.port(), "/metrics", "Authorization", "Bearer metrics-token-3");
            assertThat(scraped.statusCode()).isEqualTo(200);
            assertThat(scraped.body()).contains("supportbot_inbox");
        }
    }

    @Test
    void metrics_on_their_own_port_only() throws Exception {
        int metricsPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            metricsPort = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> env = new HashMap<>(TestBots.env());
        env.put("BOT_METRICS_PORT", Integer.toString(metricsPort));
        try (SupportBot bot = start(env)) {
            assertThat(get(bot.port(), "/metrics").statusCode()).isEqualTo(404);
            assertThat(get(metricsPort, "/healthz").statusCode()).isEqualTo(404);
            HttpResponse<String> scraped = get(metricsPort, "/metrics");
            assertThat(scraped.statusCode()).isEqualTo(200);
            assertThat(scraped.body()).contains("supportbot_inbox");
        }
    }
}
