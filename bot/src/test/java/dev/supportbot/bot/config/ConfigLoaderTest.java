package dev.supportbot.bot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private static ConfigLoader loader(Map<String, String> env) {
        return new ConfigLoader(env::get);
    }

    private Path file(String yaml) throws Exception {
        Path f = dir.resolve("bot.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void built_in_defaults_are_the_embedded_ones() {
        BotConfig config = loader(Map.of()).resolve(Map.of());
        assertThat(config.get(Settings.PORT)).isEqualTo(8080);
        assertThat(config.get(Settings.DB_URL)).as("no URL: the bot's own PostgreSQL").isNull();
        assertThat(config.get(Settings.DATA_DIR)).isEqualTo("./data");
        assertThat(config.get(Settings.PORTAL_URL)).isEqualTo("sandbox");
        assertThat(config.get(Settings.INBOX_RETRY_BASE)).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.get(Settings.ZENDESK_WEBHOOK_SECRET)).isNull();
    }

    @Test
    void the_file_overrides_defaults_and_the_environment_overrides_the_file() throws Exception {
        Path f = file("server:\n  port: 9000\ninbox:\n  workers: 3\napprovals:\n  approvers: [U1, U2]\n");
        BotConfig config = loader(Map.of("BOT_PORT", "9100", "BOT_SLACK_SIGNING_SECRET", "shh")).load(f);
        assertThat(config.get(Settings.PORT)).isEqualTo(9100);
        assertThat(config.get(Settings.INBOX_WORKERS)).isEqualTo(3);
        assertThat(config.get(Settings.APPROVERS)).containsExactly("U1", "U2");
        assertThat(config.get(Settings.SLACK_SIGNING_SECRET)).isEqualTo("shh");
    }

    @Test
    void an_unknown_key_in_the_file_is_named() throws Exception {
        Path f = file("server:\n  prot: 9000\n");
        assertThatThrownBy(() -> loader(Map.of()).load(f))
                .isInstanceOf(ConfigException.class)
                .hasMessage("server.prot: unknown configuration key");
    }

    @Test
    void a_secret_in_the_file_is_refused_because_secrets_come_from_the_environment() throws Exception {
        Path f = file("zendesk:\n  webhook_secret: oops\n");
        assertThatThrownBy(() -> loader(Map.of()).load(f)).hasMessage("zendesk.webhook_secret: unknown configuration key");
    }

    @Test
    void bad_values_are_named_with_the_key_they_came_from() {
        assertThatThrownBy(() -> loader(Map.of("BOT_PORT", "70000")).resolve(Map.of()))
                .hasMessage("BOT_PORT: 70000 is out of range 0..65535");
        assertThatThrownBy(() -> loader(Map.of("BOT_PORT", "http")).resolve(Map.of()))
                .hasMessage("BOT_PORT: 'http' is not a whole number");
        assertThatThrownBy(() -> loader(Map.of("BOT_ZENDESK_URL", "ftp://zendesk")).resolve(Map.of()))
                .hasMessage("BOT_ZENDESK_URL: 'ftp://zendesk' is not an http(s) URL");
        assertThatThrownBy(() -> loader(Map.of("BOT_DB_URL", "jdbc:mysql://x")).resolve(Map.of()))
                .hasMessageStartingWith("BOT_DB_URL: ");
        assertThatThrownBy(() -> loader(Map.of()).resolve(Map.of("inbox.lease", "forever")))
                .hasMessageStartingWith("inbox.lease: 'forever' is not a duration");
    }

    @Test
    void portal_url_is_sandbox_or_an_http_url() {
        assertThat(loader(Map.of("BOT_PORTAL_URL", "https://portal.example/api/")).resolve(Map.of()).get(Settings.PORTAL_URL))
                .isEqualTo("https://portal.example/api");
        assertThatThrownBy(() -> loader(Map.of("BOT_PORTAL_URL", "sandbx")).resolve(Map.of()))
                .hasMessageStartingWith("BOT_PORTAL_URL: ");
    }

    @Test
    void a_missing_or_broken_file_is_a_clear_error() throws Exception {
        assertThatThrownBy(() -> loader(Map.of()).load(dir.resolve("nope.yaml"))).hasMessageEndingWith("not found");
        Path broken = file("server: [port: 1\n");
        assertThatThrownBy(() -> loader(Map.of()).load(broken)).hasMessageContaining("not valid YAML");
    }

    @Test
    void secrets_never_show_in_the_printed_configuration() {
        BotConfig config = loader(Map.of("BOT_ZENDESK_TOKEN", "tok-123456", "BOT_DB_PASSWORD", "pw-987")).resolve(Map.of());
        assertThat(config.toString()).doesNotContain("tok-123456").doesNotContain("pw-987").contains("BOT_ZENDESK_TOKEN=<set>");
    }

    @Test
    void the_shipped_bot_yaml_is_valid_and_matches_the_defaults() {
        BotConfig shipped = loader(Map.of()).load(Path.of("..", "config", "bot.yaml"));
        BotConfig defaults = loader(Map.of()).resolve(Map.of());
        for (Setting<?> s : List.copyOf(Settings.ALL)) {
            assertThat((Object) shipped.get(s)).as(s.name()).isEqualTo(defaults.get(s));
        }
    }

    @Test
    void an_unset_list_is_empty_never_null() {
        BotConfig config = loader(Map.of("BOT_SLACK_AGENTS", " ")).resolve(Map.of());
        for (Setting<?> s : Settings.ALL) {
            if (s.whenUnset() != null) assertThat((Object) config.get(s)).as(s.name()).isNotNull();
        }
        assertThat(config.get(Settings.SLACK_AGENTS)).isEmpty();
        assertThat(config.get(Settings.APPROVERS)).isEmpty();
    }

    @Test
    void every_duration_has_a_range_and_zero_or_negative_is_refused_where_it_makes_no_sense() {
        assertThatThrownBy(() -> loader(Map.of("BOT_INBOX_LEASE", "-5s")).resolve(Map.of()))
                .isInstanceOf(ConfigException.class).hasMessage("BOT_INBOX_LEASE: '-5s' is out of range 1s..1d");
        assertThatThrownBy(() -> loader(Map.of()).resolve(Map.of("inbox.poll_interval", "0ms")))
                .hasMessage("inbox.poll_interval: '0ms' is out of range 1ms..1m");
        for (String env : List.of("BOT_PORTAL_TIMEOUT", "BOT_PORTAL_RETRY_BASE", "BOT_PORTAL_RETRY_MAX", "BOT_INBOX_RETRY_BASE",
                "BOT_INBOX_RETRY_MAX", "BOT_INBOX_LEASE", "BOT_INBOX_POLL_INTERVAL", "BOT_SCHEDULER_CLUSTER_CHECKIN",
                "BOT_OV_REMINDER_1", "BOT_OV_REMINDER_2", "BOT_OV_EXPIRY")) {
            assertThatThrownBy(() -> loader(Map.of(env, "0s")).resolve(Map.of())).as(env).hasMessageStartingWith(env + ": '0s' is out of range");
            assertThatThrownBy(() -> loader(Map.of(env, "-1m")).resolve(Map.of())).as(env).hasMessageStartingWith(env + ": '-1m' is out of range");
        }
        // Zero is meaningful for these two: no caching, never wait out a Retry-After.
        assertThat(loader(Map.of("BOT_PORTAL_CACHE_TTL", "0s", "BOT_PORTAL_RETRY_AFTER_MAX", "0s")).resolve(Map.of())
                .get(Settings.PORTAL_CACHE_TTL)).isZero();
        assertThatThrownBy(() -> loader(Map.of("BOT_PORTAL_CACHE_TTL", "-1s")).resolve(Map.of()))
                .hasMessage("BOT_PORTAL_CACHE_TTL: '-1s' is out of range 0s..1d");
    }

    @Test
    void durations_that_build_on_each_other_must_be_in_order() {
        assertThatThrownBy(() -> loader(Map.of("BOT_INBOX_RETRY_BASE", "20m")).resolve(Map.of()))
                .hasMessage("inbox.retry_base: must not be longer than inbox.retry_max");
        assertThatThrownBy(() -> loader(Map.of("BOT_OV_REMINDER_2", "8d")).resolve(Map.of()))
                .hasMessage("ownership.reminder_2: must not be longer than ownership.expiry");
    }

    @Test
    void an_empty_value_for_a_setting_with_a_default_is_an_error_naming_the_key() {
        assertThatThrownBy(() -> loader(Map.of("BOT_PORT", "")).resolve(Map.of()))
                .isInstanceOf(ConfigException.class).hasMessage("BOT_PORT: is empty; remove it to use the default (8080)");
        assertThatThrownBy(() -> loader(Map.of("BOT_DATA_DIR", " ")).resolve(Map.of())).hasMessageStartingWith("BOT_DATA_DIR: is empty");
        assertThatThrownBy(() -> loader(Map.of("BOT_INBOX_LEASE", "")).resolve(Map.of())).hasMessageStartingWith("BOT_INBOX_LEASE: is empty");
        assertThatThrownBy(() -> loader(Map.of()).resolve(Map.of("server.port", ""))).hasMessageStartingWith("server.port: is empty");
        // Settings without a default may be empty: that means unset.
        BotConfig config = loader(Map.of("BOT_TRACKER_URL", "", "BOT_ZENDESK_TOKEN", "", "BOT_SLACK_AGENTS", "")).resolve(Map.of());
        assertThat(config.get(Settings.TRACKER_URL)).isNull();
        assertThat(config.get(Settings.ZENDESK_TOKEN)).isNull();
    }

    @Test
    void the_approvals_digest_runs_at_a_utc_time_of_day_or_not_at_all() {
        assertThat(loader(Map.of()).resolve(Map.of()).get(Settings.APPROVALS_DIGEST_AT)).isEqualTo(java.time.LocalTime.of(9, 0));
        assertThat(loader(Map.of("BOT_APPROVALS_DIGEST_AT", "7:30")).resolve(Map.of()).get(Settings.APPROVALS_DIGEST_AT))
                .isEqualTo(java.time.LocalTime.of(7, 30));
        assertThat(loader(Map.of("BOT_APPROVALS_DIGEST_AT", "off")).resolve(Map.of()).get(Settings.APPROVALS_DIGEST_AT)).isNull();
        assertThatThrownBy(() -> loader(Map.of("BOT_APPROVALS_DIGEST_AT", "25:00")).resolve(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("BOT_APPROVALS_DIGEST_AT").hasMessageContaining("not a time of day (HH:MM) or off");
    }
}
