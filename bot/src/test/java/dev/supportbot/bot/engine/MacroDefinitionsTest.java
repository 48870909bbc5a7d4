package dev.supportbot.bot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.supportbot.workflows.Workflows;
import dev.supportbot.workflows.engine.Workflow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The macros in macros/ add exactly the tags the workflows listen to, and the trigger sends what intake reads. */
class MacroDefinitionsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path MACROS = Path.of("..", "macros");

    @Test
    void every_macro_tag_is_a_start_or_command_tag_of_a_workflow_and_every_such_tag_has_a_macro() throws Exception {
        Set<String> known = new HashSet<>();
        for (Workflow<?> w : Workflows.ALL.all()) {
            known.add(w.startTag());
            known.addAll(w.commandTags().keySet());
        }
        Set<String> added = new HashSet<>();
        try (Stream<Path> files = Files.list(MACROS.resolve("active"))) {
            for (Path file : files.toList()) {
                JsonNode macro = YAML.readTree(file.toFile());
                assertThat(macro.path("title").asText()).as(file.toString()).contains("::");
                for (JsonNode action : macro.path("actions")) {
                    if (action.path("field").asText().equals("current_tags")) added.add(action.path("value").asText());
                }
            }
        }
        assertThat(added).isEqualTo(known);
    }

    @Test
    void the_trigger_sends_the_ticket_id_the_event_and_a_delivery_id() throws Exception {
        JsonNode trigger = YAML.readTree(MACROS.resolve("triggers/supportbot-ticket-updated.yaml").toFile());
        String body = trigger.path("actions").get(0).path("value").get(1).asText();
        JsonNode json = new ObjectMapper().readTree(body);
        assertThat(List.of(json.fieldNames().next(), "event", "delivery_id")).allMatch(json::has);
        assertThat(json.path("ticket_id").asText()).isEqualTo("{{ticket.id}}");
        assertThat(json.path("delivery_id").asText()).contains("{{ticket.id}}").contains("{{ticket.updated_at_with_timestamp}}");
    }

    @Test
    void the_trigger_fires_when_a_ticket_is_created_as_well_as_when_it_changes() throws Exception {
        JsonNode conditions = YAML.readTree(MACROS.resolve("triggers/supportbot-ticket-updated.yaml").toFile()).path("conditions");
        List<String> anyUpdateType = new java.util.ArrayList<>();
        for (JsonNode c : conditions.path("any")) {
            if (c.path("field").asText().equals("update_type") && c.path("operator").asText().equals("is")) {
                anyUpdateType.add(c.path("value").asText());
            }
        }
        assertThat(anyUpdateType).containsExactlyInAnyOrder("Create", "Change");
        assertThat(conditions.path("all")).noneMatch(c -> c.path("field").asText().equals("update_type"));
    }
}
