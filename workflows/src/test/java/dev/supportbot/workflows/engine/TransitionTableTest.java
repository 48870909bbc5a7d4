package dev.supportbot.workflows.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransitionTableTest {
    sealed interface Light permits Red, Green {}
    record Red() implements Light {}
    record Green() implements Light {}

    static final Context CTX = Context.at(Instant.parse("2025-01-01T00:00:00Z"));
    static final TransitionTable<Light> TABLE = TransitionTable.<Light>builder()
            .on(Red.class, Event.ReminderDue.class, (s, e) -> List.of(new FactRequest.SubscriptionByName("A-S" + e.sequence())),
                    (s, e, f, c) -> Decision.of(new Green(), new Effect.PublicComment("go")))
            .on(Green.class, Event.AgentCommand.class, (s, e, f, c) -> Decision.of(new Red()))
            .build();

    @Test
    void a_row_gives_its_facts_and_decision() {
        assertThat(TABLE.factsNeeded(new Red(), new Event.ReminderDue(7))).containsExactly(new FactRequest.SubscriptionByName("A-S7"));
        assertThat(TABLE.decide(new Red(), new Event.ReminderDue(7), Facts.none(), CTX))
                .isEqualTo(Decision.of(new Green(), new Effect.PublicComment("go")));
        assertThat(TABLE.factsNeeded(new Green(), new Event.AgentCommand(Command.CANCEL, "a"))).isEmpty();
    }

    @Test
    void a_pair_without_a_row_is_ignored() {
        Decision<Light> d = TABLE.decide(new Green(), new Event.ReminderDue(1), Facts.none(), CTX);
        assertThat(d.changesNothingFrom(new Green())).isTrue();
        assertThat(TABLE.factsNeeded(new Green(), new Event.ReminderDue(1))).isEmpty();
        assertThat(TABLE.handles(Green.class, Event.ReminderDue.class)).isFalse();
    }

    @Test
    void two_rows_for_one_pair_are_refused() {
        assertThatThrownBy(() -> TransitionTable.<Light>builder()
                .on(Red.class, Event.ReminderDue.class, (s, e, f, c) -> Decision.unchanged(s))
                .on(Red.class, Event.ReminderDue.class, (s, e, f, c) -> Decision.unchanged(s)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
