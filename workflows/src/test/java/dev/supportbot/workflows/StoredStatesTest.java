package dev.supportbot.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.supportbot.workflows.addcontact.AddContact;
import dev.supportbot.workflows.addcontact.AddContactState;
import dev.supportbot.workflows.approved.Gated;
import dev.supportbot.workflows.approved.Phases;
import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Decision;
import dev.supportbot.workflows.engine.Effect;
import dev.supportbot.workflows.engine.Event;
import dev.supportbot.workflows.engine.Facts;
import dev.supportbot.workflows.engine.StoredTypes;
import dev.supportbot.workflows.engine.Workflow;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The golden fixtures under {@code stored/states/KIND/}: every state of every workflow as the bot stored it when type
 * ids became explicit. They are never regenerated: each must keep loading, whatever the records are renamed to or
 * however the code behind them changes, so that the instances stored before a release resume after it.
 */
class StoredStatesTest {
    private final ObjectMapper mapper = StoredTypes.of(Workflows.ALL).register(new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));

    @Test
    void every_fixture_loads_and_is_stored_again_under_its_type_id() throws IOException {
        for (Path file : fixtures()) {
            Workflow<?> workflow = workflowOf(file);
            String stored = Files.readString(file);
            Object state = mapper.readValue(stored, workflow.stateType());
            String again = mapper.writerFor(workflow.stateType()).writeValueAsString(state);
            assertThat(mapper.readTree(again).get("@type")).as(file.toString()).isEqualTo(mapper.readTree(stored).get("@type"));
            assertThat(mapper.readValue(again, workflow.stateType())).as(file.toString()).isEqualTo(state);
        }
    }

    /**
     * A workflow's one gate state holds the gate's phase ({@code @JsonUnwrapped}) but is stored as its three states were
     * before: flat, under the phase's id.
     */
    @Test
    void the_gate_states_are_stored_again_in_the_shape_they_were_stored_in() throws IOException {
        List<Object> states = storedAgainAsBefore(Set.of("AwaitingApproval", "Executing", "Failed"));
        assertThat(states).hasSize(15).allSatisfy(state -> assertThat(state).isInstanceOf(Gated.InGate.class));
    }

    /** The end states the gate leads to hold its part ({@code @JsonUnwrapped}) too, and are stored as flat as before. */
    @Test
    void the_gate_s_end_states_are_stored_again_in_the_shape_they_were_stored_in() throws IOException {
        assertThat(storedAgainAsBefore(Set.of("Done", "HandedToBilling", "Rejected", "Cancelled"))).hasSize(20);
    }

    /**
     * The fixtures of the five gated workflows stored under {@code ids}, each loaded and written again as the same JSON
     * it was stored as; the states loaded.
     */
    private List<Object> storedAgainAsBefore(Set<String> ids) throws IOException {
        List<Object> states = new ArrayList<>();
        for (Path file : fixtures()) {
            Workflow<?> workflow = workflowOf(file);
            if (!Set.of("add_contact", "change_contact", "typo_fix", "resend_license", "portal_access").contains(workflow.kind())) continue;
            if (!ids.contains(mapper.readTree(file.toFile()).get("@type").asText())) continue;
            String stored = Files.readString(file);
            Object state = mapper.readValue(stored, workflow.stateType());
            String again = mapper.writerFor(workflow.stateType()).writeValueAsString(state);
            assertThat(mapper.readTree(again)).as(file.toString()).isEqualTo(mapper.readTree(stored));
            states.add(state);
        }
        return states;
    }

    @Test
    void every_state_of_every_workflow_has_a_fixture() throws IOException {
        Map<Class<?>, Map<String, Class<?>>> ids = StoredTypes.of(Workflows.ALL).ids();
        Set<String> fixtures = new HashSet<>();
        for (Path file : fixtures()) fixtures.add(workflowOf(file).kind() + "/" + mapper.readTree(file.toFile()).get("@type").asText());
        for (Workflow<?> workflow : Workflows.ALL.all()) {
            for (String id : ids.get(workflow.stateType()).keySet()) assertThat(fixtures).contains(workflow.kind() + "/" + id);
        }
    }

    @Test
    void an_add_contact_plan_stored_while_it_waited_for_approval_still_takes_the_approval_and_runs() throws IOException {
        AddContactState stored = mapper.readValue(fixture("add_contact/AwaitingApproval.json"), AddContactState.class);
        AddContact workflow = new AddContact();
        Context ctx = Context.at(Instant.parse("2026-12-02T10:00:00Z"));
        String hash = mapper.readTree(fixture("add_contact/AwaitingApproval.json")).get("planHash").asText();

        Decision<AddContactState> posted = workflow.decide(stored, new Event.EffectSucceeded("approval",
                Map.of(Effect.RequestApproval.APPROVAL_ID, "7")), Facts.none(), ctx);
        Decision<AddContactState> approved = workflow.decide(posted.state(),
                new Event.ApprovalDecided(7, hash, true, List.of("slack:UAPPROVER1"), null), Facts.none(), ctx);

        assertThat(approved.state()).matches(Phases::isRunning);
        assertThat(approved.effects()).filteredOn(Effect.RunPlanStep.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((Effect.RunPlanStep) e).approvalId()).isEqualTo(7))
                .satisfies(e -> assertThat(((Effect.RunPlanStep) e).step()).isEqualTo(1));
        assertThat(approved.effects()).contains(new Effect.CancelReminders());
    }

    private static Workflow<?> workflowOf(Path file) {
        return Workflows.ALL.forKind(file.getParent().getFileName().toString()).orElseThrow();
    }

    private static String fixture(String name) throws IOException {
        return Files.readString(root().resolve(name));
    }

    private static List<Path> fixtures() throws IOException {
        try (Stream<Path> files = Files.walk(root())) {
            List<Path> found = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            assertThat(found).hasSizeGreaterThan(50);
            return found;
        }
    }

    private static Path root() {
        try {
            return Path.of(StoredStatesTest.class.getResource("/stored/states").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
