package dev.supportbot.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportbot.bot.LicenseCommands;
import dev.supportbot.bot.Plugins;
import dev.supportbot.bot.SupportBot;
import dev.supportbot.bot.TicketCommands;
import dev.supportbot.bot.commands.CommandsPlugin;
import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.console.ConsolePlugin;
import dev.supportbot.bot.engine.EnginePlugin;
import dev.supportbot.bot.helpdesk.SandboxHelpdeskPlugin;
import dev.supportbot.bot.portal.CustomerUpdate;
import dev.supportbot.bot.portal.IdempotencyKey;
import dev.supportbot.bot.testing.TestBots;
import dev.supportbot.bot.testing.TestDatabases;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the sandbox portal is plugged into the bot: when it runs, its token, and seeding only an empty database. */
class SandboxPortalPluginTest {

    @Test
    void the_production_plugins_include_the_sandbox_only_for_the_sandbox_portal_url() {
        Map<String, String> env = new HashMap<>(TestBots.env());
        List<Class<?>> byDefault = runningPlugins(TestBots.config(env));
        env.put("BOT_PORTAL_URL", "https://portal.example.com/api/v1");
        List<Class<?>> forARealPortal = runningPlugins(TestBots.config(TestBots.mixOnPurpose(env)));

        assertThat(byDefault).containsExactly(SandboxPortalPlugin.class, SandboxHelpdeskPlugin.class, EnginePlugin.class,
                LicenseCommands.class, TicketCommands.class, ConsolePlugin.class, CommandsPlugin.class);
        assertThat(forARealPortal).as("the mix runs without the console").containsExactly(SandboxHelpdeskPlugin.class,
                EnginePlugin.class, LicenseCommands.class, TicketCommands.class, CommandsPlugin.class);
    }

    private static List<Class<?>> runningPlugins(BotConfig config) {
        try (SupportBot bot = SupportBot.builder(config).host("127.0.0.1").plugins(Plugins.standard(config)).start()) {
            return bot.plugins().stream().<Class<?>>map(Object::getClass).toList();
        }
    }

    @Test
    void with_a_token_configured_the_sandbox_requires_it_and_the_bots_client_sends_it() {
        try (SandboxBot sandbox = SandboxBot.start(TestDatabases.freshUrl(),
                Map.of("BOT_PORTAL_TOKEN", "sandbox-token-31"))) {
            HttpResponse<String> anonymous = sandbox.send("GET", "/customers/1101", null);
            HttpResponse<String> wrong = sandbox.send("GET", "/customers/1101", null, "Authorization", "Bearer guess");

            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Bearer");
            assertThat(anonymous.body()).contains("\"status\":401");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(sandbox.client.customer(1101).email()).isEqualTo("pat@acme.example");
        }
    }

    @Test
    void without_a_token_configured_the_sandbox_accepts_any_request() {
        try (SandboxBot sandbox = SandboxBot.start()) {
            assertThat(sandbox.send("GET", "/customers/1101", null).statusCode()).isEqualTo(200);
            assertThat(sandbox.send("GET", "/customers/1101", null, "Authorization", "Bearer anything").statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void a_restarted_bot_keeps_the_sandbox_data_and_does_not_seed_it_again() {
        String db = TestDatabases.freshUrl();
        long customers;
        try (SandboxBot first = SandboxBot.start(db, Map.of())) {
            first.client.updateCustomer(1102, CustomerUpdate.save().withName("Samantha", "Rivera"), IdempotencyKey.of("rename"));
            customers = first.count("sandbox_customer");
        }

        try (SandboxBot second = SandboxBot.start(db, Map.of())) {
            assertThat(second.client.customer(1102).firstName()).isEqualTo("Samantha");
            assertThat(second.count("sandbox_customer")).isEqualTo(customers);
        }
    }

    @Test
    void a_missing_seed_file_stops_the_start_with_its_name() {
        Map<String, String> env = new HashMap<>(TestBots.env());
        env.put("BOT_PORTAL_SANDBOX_SEED", "no/such/seed.yaml");

        assertThatThrownBy(() -> SandboxBot.start(env.get("BOT_DB_URL"), env))
                .hasMessageContaining("no/such/seed.yaml");
    }
}
