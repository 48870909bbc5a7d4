package dev.supportbot.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** config/slack-app-manifest.yaml points Slack at the route and command the bot serves, with the scopes it uses. */
class SlackAppManifestTest {
    private static final Path MANIFEST = Path.of("..", "config", "slack-app-manifest.yaml");
    private static final String URL = "https://SUPPORTBOT_HOST" + SlackRoutes.PATH;

    private static JsonNode manifest() throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(MANIFEST.toFile());
    }

    @Test
    void the_slash_command_and_interactivity_go_to_the_slack_route_of_the_bot() throws Exception {
        JsonNode manifest = manifest();
        JsonNode commands = manifest.path("features").path("slash_commands");
        assertThat(commands).hasSize(1);
        assertThat(commands.get(0).path("command").asText()).isEqualTo(SlackCommands.SLASH);
        assertThat(commands.get(0).path("url").asText()).isEqualTo(URL);
        assertThat(commands.get(0).path("usage_hint").asText()).contains("ov <confirm-contract|escalate|reject|cancel> TICKET");
        assertThat(manifest.path("settings").path("interactivity").path("is_enabled").asBoolean()).isTrue();
        assertThat(manifest.path("settings").path("interactivity").path("request_url").asText()).isEqualTo(URL);
        assertThat(manifest.path("settings").path("socket_mode_enabled").asBoolean()).isFalse();
    }

    @Test
    void the_bot_scopes_are_those_of_the_methods_it_calls() throws Exception {
        List<String> scopes = new ArrayList<>();
        manifest().path("oauth_config").path("scopes").path("bot").forEach(s -> scopes.add(s.asText()));
        // chat.postMessage and chat.update (SlackApiNotifier); the /lnr slash command; users.lookupByEmail (userIdByEmail,
        // which needs both users scopes); usergroups.users.list (userGroupMembers); conversations.history (findByKey) in a
        // public or private channel. views.open needs no scope.
        assertThat(scopes).containsExactlyInAnyOrder("chat:write", "commands", "users:read", "users:read.email", "usergroups:read",
                "channels:history", "groups:history");
    }
}
