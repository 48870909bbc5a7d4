package dev.supportbot.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code BOT_MODE}: live unless set to shadow; anything else stops start-up naming the setting. */
class ActionModeTest {
    private static BotConfig resolve(Map<String, String> env) {
        return new ConfigLoader(env::get).resolve(Map.of());
    }

    @Test
    void the_bot_is_live_unless_told_shadow() {
        assertThat(resolve(Map.of()).get(Settings.MODE)).isEqualTo(ActionMode.LIVE);
        assertThat(resolve(Map.of("BOT_MODE", " Shadow ")).get(Settings.MODE)).isEqualTo(ActionMode.SHADOW);
    }

    @Test
    void any_other_mode_is_refused_naming_the_setting() {
        assertThatThrownBy(() -> resolve(Map.of("BOT_MODE", "dry-run"))).isInstanceOf(ConfigException.class)
                .hasMessage("BOT_MODE: 'dry-run' is neither live nor shadow");
    }
}
