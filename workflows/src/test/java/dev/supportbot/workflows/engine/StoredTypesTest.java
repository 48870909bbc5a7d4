package dev.supportbot.workflows.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.supportbot.workflows.Workflows;
import java.util.Map;
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

    private final Map<Class<?>, Map<Class<?>, String>> ids = StoredTypes.of(Workflows.ALL).ids();

    @Test
    void every_record_of_every_stored_sealed_type_has_an_id() {
        for (var workflow : Workflows.ALL.all()) {
            assertThat(ids.get(workflow.stateType())).as(workflow.kind()).hasSize(leafCount(workflow.stateType()));
        }
        assertThat(ids.get(Event.class)).hasSize(leafCount(Event.class));
        assertThat(ids.get(Effect.class)).hasSize(leafCount(Effect.class));
        assertThat(ids).containsKey(dev.supportbot.workflows.plan.PortalChange.class);
    }

    @Test
    void events_and_effects_keep_the_ids_they_are_stored_under_today() {
        assertThat(ids.get(Event.class).values()).containsExactlyInAnyOrder("TicketUpdated", "LinkedTicketUpdated",
                "ReminderDue", "AgentCommand", "EffectSucceeded", "EffectFailed", "WorkflowFinished", "ApprovalDecided",
                "RetryRequested");
        assertThat(ids.get(Effect.class).values()).containsExactlyInAnyOrder("PublicComment", "PrivateNote", "AddTags",
                "RemoveTags", "SlackMessage", "ScheduleReminder", "CancelReminders", "OpenSeparateTicket",
                "OpenEscalationIssue", "UpdateLinkedTicket", "SetTicketStatus", "RequestApproval", "UpdateApproval",
                "RunPlanStep", "Continue", "StartWorkflow", "ReplyToCommand");
        assertThat(ids.get(dev.supportbot.workflows.plan.PortalChange.class))
                .containsEntry(dev.supportbot.workflows.plan.PortalChange.DuplicateLicense.class, "duplicate_license");
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

    private static int leafCount(Class<?> root) {
        int count = 0;
        for (Class<?> sub : root.getPermittedSubclasses()) count += sub.isSealed() ? leafCount(sub) : 1;
        return count;
    }
}
