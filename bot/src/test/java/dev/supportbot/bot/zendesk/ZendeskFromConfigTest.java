package dev.supportbot.bot.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.config.ConfigLoader;
import dev.supportbot.bot.outbound.OutboundException;
import dev.supportbot.bot.outbound.OutboundException.Failure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZendeskFromConfigTest {

    static Zendesk fromConfig(BotConfig config) {
        try (dev.supportbot.bot.store.Database db = dev.supportbot.bot.testing.TestDatabases.open()) {
            return Zendesk.fromConfig(config, ApiBudget.fromConfig(config, db, java.time.Clock.systemUTC(),
                    dev.supportbot.bot.outbound.Sleeper.SYSTEM), dev.supportbot.bot.outbound.Sleeper.SYSTEM, ZendeskMeter.NONE);
        }
    }

    static BotConfig config(Map<String, String> env) {
        return new ConfigLoader(env::get).resolve(Map.of());
    }

    @Test
    void without_credentials_every_call_fails_naming_the_missing_settings() {
        try (Zendesk zendesk = fromConfig(config(Map.of("BOT_ZENDESK_URL", "https://acme.zendesk.com")))) {
            assertThatThrownBy(() -> zendesk.addTags(42, List.of("x"))).isInstanceOfSatisfying(OutboundException.class, e -> {
                assertThat(e.failure()).isEqualTo(Failure.NOT_CONFIGURED);
                assertThat(e.retryable()).isFalse();
                assertThat(e.getMessage()).isEqualTo("Zendesk is not configured: set BOT_ZENDESK_EMAIL, BOT_ZENDESK_TOKEN");
            });
        }
    }

    @Test
    void with_url_email_and_token_it_is_the_client_adapter_and_its_token_is_never_printed() {
        try (Zendesk zendesk = fromConfig(config(Map.of("BOT_ZENDESK_URL", "https://acme.zendesk.com",
                "BOT_ZENDESK_EMAIL", "bot@vendor.example", "BOT_ZENDESK_TOKEN", "very-secret")))) {
            assertThat(zendesk).isInstanceOf(ZendeskAdapter.class);
        }
        assertThat(new ZendeskAccount("https://acme.zendesk.com/", "bot@vendor.example", "very-secret"))
                .hasToString("ZendeskAccount[url=https://acme.zendesk.com, email=bot@vendor.example, token=<set>]");
    }

    @Test
    void the_update_rate_defaults_to_80_a_minute_and_the_request_rate_to_160() {
        assertThat(config(Map.of()).get(dev.supportbot.bot.config.Settings.ZENDESK_UPDATES_PER_MINUTE)).isEqualTo(80);
        assertThat(config(Map.of()).get(dev.supportbot.bot.config.Settings.ZENDESK_REQUESTS_PER_MINUTE)).isEqualTo(160);
    }
}
