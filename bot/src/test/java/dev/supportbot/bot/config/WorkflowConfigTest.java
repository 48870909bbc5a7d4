package dev.supportbot.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportbot.workflows.Workflows;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Policy;
import dev.supportbot.workflows.engine.WorkflowSetting;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registered workflows' settings are the bot's: listed, read from file and environment, checked, handed on. */
class WorkflowConfigTest {

    private static ConfigLoader loader(Map<String, String> env) {
        return new ConfigLoader(env::get);
    }

    @SuppressWarnings("unchecked")
    private static WorkflowSetting<Duration> ownership(String key) {
        return (WorkflowSetting<Duration>) Workflows.ALL.all().stream().flatMap(w -> w.settings().stream())
                .filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }

    private static Duration configured(BotConfig config, String key) {
        return new Context(Instant.EPOCH, Policy.defaults(), WorkflowConfig.values(config)).setting(ownership(key));
    }

    @Test
    void every_workflow_setting_is_a_bot_setting_with_its_key_and_environment_variable() {
        List<String> declared = Workflows.ALL.all().stream().flatMap(w -> w.settings().stream()).map(WorkflowSetting::key).toList();
        assertThat(declared).contains("ownership.reminder_1", "ownership.reminder_2", "ownership.expiry");
        assertThat(Settings.ALL).extracting(Setting::key).containsAll(declared);
        assertThat(Settings.ALL).filteredOn(s -> "ownership.reminder_1".equals(s.key())).singleElement()
                .satisfies(s -> assertThat(s.env()).isEqualTo("BOT_OV_REMINDER_1"));
    }

    @Test
    void values_come_from_the_environment_then_the_file_then_the_default_and_reach_every_decision() {
        BotConfig config = loader(Map.of("BOT_OV_REMINDER_1", "36h")).resolve(Map.of("ownership.expiry", "10d"));

        assertThat(configured(config, "ownership.reminder_1")).isEqualTo(Duration.ofHours(36));
        assertThat(configured(config, "ownership.reminder_2")).isEqualTo(Duration.ofDays(4));
        assertThat(configured(config, "ownership.expiry")).isEqualTo(Duration.ofDays(10));
    }

    @Test
    void a_value_out_of_range_or_a_misfit_the_workflow_refuses_is_a_configuration_error() {
        assertThatThrownBy(() -> loader(Map.of("BOT_OV_EXPIRY", "400d")).resolve(Map.of()))
                .isInstanceOf(ConfigException.class).hasMessage("BOT_OV_EXPIRY: '400d' is out of range 1m..365d");
        assertThatThrownBy(() -> loader(Map.of()).resolve(Map.of("ownership.reminder_1", "5d")))
                .isInstanceOf(ConfigException.class).hasMessage("ownership.reminder_1: must not be longer than ownership.reminder_2");
    }
}
