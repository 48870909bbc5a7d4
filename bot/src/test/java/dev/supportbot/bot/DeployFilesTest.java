package dev.supportbot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.supportbot.bot.config.BackEnds;
import dev.supportbot.bot.config.Setting;
import dev.supportbot.bot.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The files in {@code deploy/} (no Docker engine or cluster runs here: the test reads them): every BOT_* variable they
 * name is a setting, secrets only ever come from a Secret or the operator's environment, the image runs the README's
 * command as a non-root user with a health check, and the grace periods outlast the bot's own stop.
 */
class DeployFilesTest {
    private static final Path DEPLOY = Path.of("..", "deploy");
    private static final Pattern VARIABLE = Pattern.compile("\\bBOT_[A-Z0-9_]+\\b");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static String read(String file) throws IOException {
        return Files.readString(DEPLOY.resolve(file));
    }

    private static List<JsonNode> kubernetes() throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(read("kubernetes/supportbot.yaml"))) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(docs::add);
        }
        return docs;
    }

    private static JsonNode kind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> d.path("kind").asText().equals(kind)).findFirst().orElseThrow(() -> new AssertionError("no " + kind));
    }

    private static Set<String> secrets() {
        return Settings.ALL.stream().filter(Setting::secret).map(Setting::env).collect(Collectors.toSet());
    }

    @Test
    void every_variable_named_in_deploy_is_a_setting() throws IOException {
        Set<String> settings = Settings.ALL.stream().map(Setting::env).collect(Collectors.toSet());
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Matcher m = VARIABLE.matcher(Files.readString(file));
                while (m.find()) named.add(m.group());
            }
        }
        assertThat(named).isNotEmpty().allSatisfy(v -> assertThat(settings).as("settings").contains(v));
    }

    @Test
    void the_image_runs_the_readmes_command_as_a_non_root_user_with_a_health_check_and_a_data_volume() throws IOException {
        String dockerfile = read("Dockerfile");
        assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:17-jre\\b");
        Matcher user = Pattern.compile("(?m)^USER (\\S+)").matcher(dockerfile);
        assertThat(user.find()).isTrue();
        assertThat(user.group(1)).doesNotStartWith("root").doesNotStartWith("0:").isNotEqualTo("0");
        assertThat(dockerfile).containsPattern("(?m)^HEALTHCHECK .*\\n?.*GET /healthz");
        // The bot's data directory defaults to ./data: the working directory's data/ is the volume.
        assertThat(dockerfile).containsPattern("(?m)^WORKDIR /app$").containsPattern("(?m)^VOLUME \\[\"/app/data\"\\]$");

        String entrypoint = jsonArray(dockerfile, "ENTRYPOINT").replace("/app/supportbot.jar", "bot/target/supportbot.jar");
        String command = entrypoint + " " + jsonArray(dockerfile, "CMD");
        assertThat(Files.readString(Path.of("..", "README.md"))).as("README.md runs the image's command").contains(command);
    }

    private static String jsonArray(String dockerfile, String instruction) throws IOException {
        Matcher m = Pattern.compile("(?m)^" + instruction + " (\\[.*])$").matcher(dockerfile);
        assertThat(m.find()).as(instruction).isTrue();
        List<String> words = new ArrayList<>();
        new ObjectMapper().readTree(m.group(1)).forEach(w -> words.add(w.asText()));
        return String.join(" ", words);
    }

    @Test
    void kubernetes_runs_two_probed_replicas_with_a_disruption_budget_and_takes_every_secret_from_a_secret() throws IOException {
        List<JsonNode> docs = kubernetes();
        JsonNode deployment = kind(docs, "Deployment");
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        JsonNode container = pod.path("containers").get(0);
        assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(2);
        assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/healthz");
        assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/healthz");
        assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
        Map<String, String> values = new java.util.HashMap<>();
        container.path("env").forEach(e -> values.put(e.path("name").asText(), e.path("value").asText(null)));
        assertThat(pod.path("terminationGracePeriodSeconds").asLong()).as("the pod's grace period, above the bot's drain")
                .isGreaterThan(drain(values.get(Settings.SHUTDOWN_GRACE.env())).toSeconds());
        assertThat(kind(docs, "Service").path("spec").path("selector").path("app").asText()).isEqualTo("supportbot");
        assertThat(kind(docs, "PodDisruptionBudget").path("spec").path("minAvailable").asInt()).isEqualTo(1);

        Map<String, JsonNode> env = new java.util.HashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e));
        for (String secret : secrets()) {
            if (!env.containsKey(secret)) continue;
            assertThat(env.get(secret).has("value")).as(secret + " written as a value").isFalse();
            assertThat(env.get(secret).path("valueFrom").path("secretKeyRef").path("key").asText()).isEqualTo(secret);
        }
        // What production refuses to start without is all there.
        assertThat(env.keySet()).containsAll(productionNeeds());
    }

    @Test
    void compose_runs_two_instances_on_one_postgresql_with_secrets_from_the_operators_environment() throws IOException {
        String text = read("compose.yaml");
        // SnakeYAML resolves the shared block (<<: *supportbot) as compose does.
        JsonNode services = YAML.valueToTree(new org.yaml.snakeyaml.Yaml().load(text)).path("services");
        assertThat(services.path("postgres").path("image").asText()).startsWith("postgres:");
        List<String> bots = new ArrayList<>();
        services.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("supportbot")) bots.add(name);
        });
        assertThat(bots).hasSize(2);
        for (String bot : bots) {
            JsonNode env = services.path(bot).path("environment");
            assertThat(env.path("BOT_DB_URL").asText()).isEqualTo("jdbc:postgresql://postgres:5432/supportbot");
            for (String secret : secrets()) {
                if (env.has(secret)) assertThat(env.path(secret).asText()).as(secret).matches("\\$\\{" + secret + ":[?-]}");
            }
            assertThat(Arrays.asList(iterable(env))).containsAll(productionNeeds());
            assertThat(services.path(bot).path("stop_grace_period").asText()).matches("\\d+s")
                    .satisfies(g -> assertThat(Long.parseLong(g.replace("s", ""))).as("stop_grace_period, above the bot's drain")
                            .isGreaterThan(drain(env.path(Settings.SHUTDOWN_GRACE.env()).asText(null)).toSeconds()));
        }
    }

    /** The drain a deploy file sets ({@code BOT_SHUTDOWN_GRACE}), else the default. */
    private static java.time.Duration drain(String set) {
        return Settings.SHUTDOWN_GRACE.parser().apply(set == null ? Settings.SHUTDOWN_GRACE.defaultText() : set);
    }

    private static String[] iterable(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names.toArray(String[]::new);
    }

    /** Every credential a production start checks for, with the real URLs that make it production. */
    private static List<String> productionNeeds() {
        List<String> needs = new ArrayList<>();
        for (BackEnds.BackEnd b : BackEnds.BackEnd.values()) {
            needs.add(b.url().env());
            b.credentials().forEach(c -> needs.add(c.env()));
        }
        needs.add(Settings.CONSOLE_TOKEN.env());
        return needs;
    }
}
