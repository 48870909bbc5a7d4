package dev.supportbot.workflows.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.supportbot.workflows.Workflows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every stored record has its own type id, one per root, and the events and effects keep the ids stored today. */
class StoredTypesTest {
    sealed interface Unnamed {
        @JsonTypeName("Named")
        record Named() implements Unnamed {}

        record Bare() implements Unnamed {}
    }

    sealed interface Doubled {
        @JsonTypeName("Same")
        record First() implements Doubled {}

        @JsonTypeName("Same")
        record Second() implements Doubled {}
    }

    @JsonTypeName("Holder")
    record Holder(Doubled inside) {}

    /** Where a trip is: a part several trips could share. */
    sealed interface Leg {
        @JsonTypeName("Walking")
        record Walk(int steps) implements Leg {}

        @JsonTypeName("Resting")
        record Rest(String where) implements Leg {}
    }

    /** A trip: one record for every leg, stored flat under the leg's id. */
    sealed interface Trip {
        /** Renamed from Planned: its rows keep the id. */
        @JsonTypeName("Planned")
        record Idea(String to) implements Trip {}

        record OnTheWay(long id, @JsonInclude(JsonInclude.Include.NON_NULL) String note, @JsonUnwrapped Leg leg) implements Trip {}
    }

    sealed interface Clash {
        @JsonTypeName("Walking")
        record Other() implements Clash {}

        record Flat(@JsonUnwrapped Leg leg) implements Clash {}
    }

    /** Keeps a field its part stores too: stored flat, one would overwrite the other. */
    sealed interface Overlap {
        record Flat(int steps, @JsonUnwrapped Leg leg) implements Overlap {}
    }

    private final Map<Class<?>, Map<String, Class<?>>> ids = StoredTypes.of(Workflows.ALL).ids();

    @Test
    void every_record_of_every_stored_sealed_type_has_an_id() {
        for (var workflow : Workflows.ALL.all()) {
            assertThat(Set.copyOf(ids.get(workflow.stateType()).values())).as(workflow.kind())
                    .containsExactlyInAnyOrderElementsOf(StoredTypes.leaves(workflow.stateType()));
        }
        assertThat(ids.get(Event.class)).hasSize(StoredTypes.leaves(Event.class).size());
        assertThat(ids.get(Effect.class)).hasSize(StoredTypes.leaves(Effect.class).size());
        assertThat(ids).containsKey(dev.supportbot.workflows.plan.PortalChange.class);
    }

    @Test
    void a_record_that_unwraps_a_sealed_part_is_stored_flat_under_the_part_s_id_and_loads_back() throws Exception {
        ObjectMapper mapper = StoredTypes.reachableFrom(Trip.class).register(new ObjectMapper());
        assertThat(StoredTypes.reachableFrom(Trip.class).ids().get(Trip.class)).containsOnlyKeys("Planned", "Walking", "Resting")
                .containsEntry("Walking", Trip.OnTheWay.class).containsEntry("Resting", Trip.OnTheWay.class);
        List<Trip> trips = List.of(new Trip.Idea("Oslo"), new Trip.OnTheWay(7, null, new Leg.Walk(3)),
                new Trip.OnTheWay(8, "tired", new Leg.Rest("inn")));
        List<String> stored = new ArrayList<>();
        for (Trip trip : trips) stored.add(mapper.writerFor(Trip.class).writeValueAsString(trip));

        assertThat(stored).containsExactly("{\"@type\":\"Planned\",\"to\":\"Oslo\"}",
                "{\"@type\":\"Walking\",\"id\":7,\"steps\":3}",
                "{\"@type\":\"Resting\",\"id\":8,\"note\":\"tired\",\"where\":\"inn\"}");
        for (int i = 0; i < trips.size(); i++) assertThat(mapper.readValue(stored.get(i), Trip.class)).isEqualTo(trips.get(i));
        assertThat(mapper.readValue("{\"@type\":\"Resting\",\"where\":\"inn\"}", Trip.class))
                .isEqualTo(new Trip.OnTheWay(0, null, new Leg.Rest("inn")));
        assertThat(mapper.readValue(stored.get(1), Trip.OnTheWay.class)).isEqualTo(trips.get(1));
    }

    @Test
    void a_record_is_named_by_its_stored_id_not_its_class_and_a_flat_one_by_its_part_s() {
        StoredTypes types = StoredTypes.reachableFrom(Trip.class);
        assertThat(types.idOf(new Trip.Idea("Oslo"))).isEqualTo("Planned");
        assertThat(types.idOf(new Trip.OnTheWay(7, null, new Leg.Walk(3)))).isEqualTo("Walking");
        assertThat(types.idOf(new Trip.OnTheWay(7, null, new Leg.Rest("inn")))).isEqualTo("Resting");
        assertThat(types.idOf(new Leg.Rest("inn"))).isEqualTo("Resting");
        assertThatThrownBy(() -> types.idOf(new Holder(new Doubled.First()))).isInstanceOf(IllegalArgumentException.class);
        assertThat(StoredTypes.of(Workflows.ALL).idOf(new Event.ReminderDue(1))).isEqualTo("ReminderDue");
    }

    @Test
    void a_flat_record_that_keeps_a_field_its_part_stores_too_stops_the_start() {
        assertThatThrownBy(() -> StoredTypes.reachableFrom(Overlap.class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Overlap$Flat").hasMessageContaining("\"steps\"")
                .hasMessageContaining("Leg$Walk");
    }

    @Test
    void a_flat_record_s_id_that_another_record_has_stops_the_start() {
        assertThatThrownBy(() -> StoredTypes.reachableFrom(Clash.class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Other").hasMessageContaining("Flat")
                .hasMessageContaining("\"Walking\"");
    }

    @Test
    void events_and_effects_keep_the_ids_they_are_stored_under_today() {
        assertThat(ids.get(Event.class).keySet()).containsExactlyInAnyOrder("TicketUpdated", "LinkedTicketUpdated",
                "ReminderDue", "AgentCommand", "EffectSucceeded", "EffectFailed", "WorkflowFinished", "ApprovalDecided",
                "RetryRequested");
        assertThat(ids.get(Effect.class).keySet()).containsExactlyInAnyOrder("PublicComment", "PrivateNote", "AddTags",
                "RemoveTags", "SlackMessage", "ScheduleReminder", "CancelReminders", "OpenSeparateTicket",
                "OpenEscalationIssue", "UpdateLinkedTicket", "SetTicketStatus", "RequestApproval", "UpdateApproval",
                "RunPlanStep", "Continue", "StartWorkflow", "ReplyToCommand");
        assertThat(ids.get(dev.supportbot.workflows.plan.PortalChange.class))
                .containsEntry("duplicate_license", dev.supportbot.workflows.plan.PortalChange.DuplicateLicense.class);
    }

    @Test
    void a_record_without_an_id_stops_the_start() {
        assertThatThrownBy(() -> StoredTypes.reachableFrom(Unnamed.class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Bare").hasMessageContaining("@JsonTypeName");
    }

    @Test
    void two_records_with_one_id_stop_the_start_even_when_only_a_record_holds_their_type() {
        assertThatThrownBy(() -> StoredTypes.reachableFrom(Holder.class))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("First").hasMessageContaining("Second")
                .hasMessageContaining("\"Same\"");
    }
}
