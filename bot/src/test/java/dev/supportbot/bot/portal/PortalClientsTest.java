package dev.supportbot.bot.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.config.BotConfig;
import dev.supportbot.bot.plugin.Context;
import dev.supportbot.bot.testing.TestBots;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mockserver.model.HttpRequest;

/** The bot's client follows BOT_PORTAL_URL and BOT_PORTAL_TOKEN. */
class PortalClientsTest {

    @Test
    void a_real_portal_url_is_called_with_the_configured_token() {
        try (MockPortal portal = new MockPortal()) {
            portal.answer("GET", "/customers/1101", 200, PortalFixtures.CUSTOMER);
            Map<String, String> env = new HashMap<>(TestBots.envWithoutDatabase());
            env.put("BOT_PORTAL_URL", portal.baseUrl() + "/");
            env.put("BOT_PORTAL_TOKEN", "configured-token");
            BotConfig config = TestBots.config(env);

            PortalClients.forBot(new Context(config, null, Clock.systemUTC(), null, new AtomicInteger(), null, () -> {}))
                    .customer(1101);

            HttpRequest sent = portal.onlyRequest();
            assertThat(sent.getPath().getValue()).isEqualTo(MockPortal.API + "/customers/1101");
            assertThat(sent.getFirstHeader("Authorization")).isEqualTo("Bearer configured-token");
        }
    }
}
