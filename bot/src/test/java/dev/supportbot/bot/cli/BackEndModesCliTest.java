package dev.supportbot.bot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code config check} and {@code serve} refuse a half-set configuration (some back ends real, some the sandbox) and a
 * production one without its credentials, one line per setting to fix. {@code serve} is pointed at a database that
 * does not answer: a configuration it accepted would end in "cannot connect" instead.
 */
class BackEndModesCliTest {
    private static final String ZENDESK = "BOT_ZENDESK_URL";
    private static final String SLACK = "BOT_SLACK_API_URL";
    private static final String PORTAL = "BOT_PORTAL_URL";
    private static final Map<String, String> REAL_URLS = Map.of(ZENDESK, "https://example.zendesk.com",
            SLACK, "https://slack.com/api/", PORTAL, "https://portal.example.com/api/v1");
    private static final Map<String, String> CREDENTIALS = Map.of(
            "BOT_ZENDESK_WEBHOOK_SECRET", "whsec", "BOT_ZENDESK_EMAIL", "bot@vendor.example", "BOT_ZENDESK_TOKEN", "zdtok",
            "BOT_SLACK_SIGNING_SECRET", "slsec", "BOT_SLACK_BOT_TOKEN", "xoxb-1", "BOT_PORTAL_TOKEN", "ptok",
            "BOT_CONSOLE_TOKEN", "ctok");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        out.reset();
        err.reset();
        Map<String, String> withDatabase = new HashMap<>(env);
        withDatabase.put("BOT_DB_URL", "jdbc:postgresql://127.0.0.1:1/nowhere");
        Terminal terminal = new Terminal(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), withDatabase::get);
        return new Cli().run(args, terminal);
    }

    private List<String> errLines() {
        return err.toString(StandardCharsets.UTF_8).lines().toList();
    }

    static Stream<Arguments> halfSet() {
        return Stream.of(
                Arguments.of(List.of(ZENDESK), List.of(SLACK, PORTAL)),
                Arguments.of(List.of(SLACK), List.of(ZENDESK, PORTAL)),
                Arguments.of(List.of(PORTAL), List.of(ZENDESK, SLACK)),
                Arguments.of(List.of(ZENDESK, SLACK), List.of(PORTAL)),
                Arguments.of(List.of(ZENDESK, PORTAL), List.of(SLACK)),
                Arguments.of(List.of(SLACK, PORTAL), List.of(ZENDESK)));
    }

    private static Map<String, String> realOnly(List<String> real) {
        Map<String, String> env = new HashMap<>(CREDENTIALS);
        real.forEach(url -> env.put(url, REAL_URLS.get(url)));
        return env;
    }

    @ParameterizedTest(name = "real: {0}")
    @MethodSource("halfSet")
    void a_half_set_configuration_is_refused_by_config_check_and_serve_naming_each_sandbox_setting(List<String> real,
            List<String> sandbox) {
        Map<String, String> env = realOnly(real);
        for (String command : List.of("config check", "serve")) {
            assertThat(run(env, command.split(" "))).as(command).isEqualTo(Cli.USAGE);
            assertThat(errLines()).as(command).hasSize(sandbox.size()).allSatisfy(line -> assertThat(line)
                    .startsWith("supportbot: invalid configuration: ").contains("BOT_ALLOW_SANDBOX_MIX=true"));
            for (int i = 0; i < sandbox.size(); i++) {
                assertThat(errLines().get(i)).as(command).contains(sandbox.get(i) + " is still the sandbox")
                        .contains("while " + String.join(" and ", real) + (real.size() == 1 ? " is real" : " are real"));
            }
            assertThat(out.toString(StandardCharsets.UTF_8)).as(command).doesNotContain("valid");
        }
    }

    @Test
    void only_the_zendesk_url_set_is_refused_as_the_issue_found_it() {
        assertThat(run(Map.of(ZENDESK, "https://example.zendesk.com"), "config", "check")).isEqualTo(Cli.USAGE);
        assertThat(errLines()).contains(
                "supportbot: invalid configuration: BOT_SLACK_API_URL is still the sandbox Slack while BOT_ZENDESK_URL is real: "
                        + "set it to the real Slack Web API URL, or set BOT_ALLOW_SANDBOX_MIX=true to run a mix on purpose",
                "supportbot: invalid configuration: BOT_PORTAL_URL is still the sandbox portal while BOT_ZENDESK_URL is real: "
                        + "set it to the real portal API URL, or set BOT_ALLOW_SANDBOX_MIX=true to run a mix on purpose",
                "supportbot: invalid configuration: BOT_ZENDESK_WEBHOOK_SECRET is not set: Zendesk is real (BOT_ZENDESK_URL)");
    }

    @ParameterizedTest(name = "real: {0}")
    @MethodSource("halfSet")
    void an_allowed_mix_is_valid_and_says_which_back_ends_are_real(List<String> real, List<String> sandbox) {
        Map<String, String> env = realOnly(real);
        env.put("BOT_ALLOW_SANDBOX_MIX", "true");
        assertThat(run(env, "config", "check")).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("configuration is valid (mixed mode: ")
                .contains("  BOT_ALLOW_SANDBOX_MIX        true");

        assertThat(run(env, "serve")).isEqualTo(Cli.USAGE);
        assertThat(errLines()).singleElement().asString().startsWith("supportbot: cannot connect to jdbc:postgresql://127.0.0.1:1/");
    }

    @Test
    void an_allowed_mix_still_needs_the_credentials_of_its_real_back_ends() {
        Map<String, String> env = new HashMap<>(Map.of(ZENDESK, REAL_URLS.get(ZENDESK), "BOT_ALLOW_SANDBOX_MIX", "true",
                "BOT_CONSOLE_ENABLED", "false"));
        assertThat(run(env, "config", "check")).isEqualTo(Cli.USAGE);
        assertThat(errLines()).containsExactly(
                "supportbot: invalid configuration: BOT_ZENDESK_WEBHOOK_SECRET is not set: Zendesk is real (BOT_ZENDESK_URL)",
                "supportbot: invalid configuration: BOT_ZENDESK_EMAIL is not set: Zendesk is real (BOT_ZENDESK_URL)",
                "supportbot: invalid configuration: BOT_ZENDESK_TOKEN is not set: Zendesk is real (BOT_ZENDESK_URL)");
    }

    @Test
    void production_without_credentials_is_refused_naming_each_one() {
        Map<String, String> env = new HashMap<>(REAL_URLS);
        for (String command : List.of("config check", "serve")) {
            assertThat(run(env, command.split(" "))).as(command).isEqualTo(Cli.USAGE);
            assertThat(errLines()).as(command).extracting(line -> line.replaceFirst("supportbot: invalid configuration: (\\S+) is not set.*", "$1"))
                    .containsExactly("BOT_ZENDESK_WEBHOOK_SECRET", "BOT_ZENDESK_EMAIL", "BOT_ZENDESK_TOKEN",
                            "BOT_SLACK_SIGNING_SECRET", "BOT_SLACK_BOT_TOKEN", "BOT_PORTAL_TOKEN", "BOT_CONSOLE_TOKEN");
        }
    }

    @Test
    void production_with_every_credential_is_valid_and_the_console_token_is_not_needed_when_the_console_is_off() {
        Map<String, String> env = new HashMap<>(REAL_URLS);
        env.putAll(CREDENTIALS);
        assertThat(run(env, "config", "check")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("configuration is valid (production mode: ");

        env.remove("BOT_CONSOLE_TOKEN");
        assertThat(run(env, "config", "check")).isEqualTo(Cli.USAGE);
        assertThat(errLines()).singleElement().asString().contains("BOT_CONSOLE_TOKEN is not set").contains("BOT_CONSOLE_ENABLED=false");
        env.put("BOT_CONSOLE_ENABLED", "false");
        assertThat(run(env, "config", "check")).isZero();
    }

    @Test
    void sandbox_mode_needs_nothing() {
        assertThat(run(Map.of(), "config", "check")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("configuration is valid (sandbox mode: ");
    }

    @Test
    void a_secret_value_never_reaches_the_output_of_a_refusal() {
        Map<String, String> env = realOnly(List.of(SLACK));
        run(env, "config", "check");
        assertThat(err.toString(StandardCharsets.UTF_8) + out.toString(StandardCharsets.UTF_8))
                .doesNotContain("xoxb-1").doesNotContain("slsec").doesNotContain("ptok");
    }
}
