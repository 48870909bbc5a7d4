package dev.supportbot.workflows.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransitionTableTest {
    sealed interface Light permits Red, Green, Blinking {}
    record Red() implements Light {}
    record Green() implements Light {}
    /** A light with phases: rows for one phase of it, and rows for all of them. */
    record Blinking(Object phase) implements Light, TransitionTable.Phased {}
    record Fast() {}
    record Slow() {}

    static final Context CTX = Context.at(Instant.parse("2025-01-01T00:00:00Z"));
    static final TransitionTable<Light> TABLE = TransitionTable.<Light>builder()
            .on(Red.class, Event.ReminderDue.class, (s, e) -> List.of(new FactRequest.SubscriptionByName("A-S" + e.sequence())),
                    (s, e, f, c) -> Decision.of(new Green(), new Effect.PublicComment("go")))
            .on(Green.class, Event.AgentCommand.class, (s, e, f, c) -> Decision.of(new Red()))
            .on(Blinking.class, Fast.class, Event.ReminderDue.class, (s, e, f, c) -> Decision.of(new Blinking(new Slow())))
            .on(Blinking.class, Event.ReminderDue.class, (s, e, f, c) -> Decision.of(new Red()))
            .on(Blinking.class, Slow.class, Event.AgentCommand.class, (s, e, f, c) -> Decision.of(new Green()))
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
        assertThat(TABLE.handles(new Green(), Event.ReminderDue.class)).isFalse();
        assertThat(TABLE.handles(new Green(), Event.AgentCommand.class)).isTrue();
    }

    @Test
    void a_phased_state_takes_the_row_of_its_phase_first_then_the_row_for_every_phase() {
        assertThat(TABLE.decide(new Blinking(new Fast()), new Event.ReminderDue(1), Facts.none(), CTX).state()).isEqualTo(new Blinking(new Slow()));
        assertThat(TABLE.decide(new Blinking(new Slow()), new Event.ReminderDue(1), Facts.none(), CTX).state()).isEqualTo(new Red());
        assertThat(TABLE.decide(new Blinking(new Slow()), new Event.AgentCommand(Command.CANCEL, "a"), Facts.none(), CTX).state())
                .isEqualTo(new Green());
        Decision<Light> none = TABLE.decide(new Blinking(new Fast()), new Event.AgentCommand(Command.CANCEL, "a"), Facts.none(), CTX);
        assertThat(none.changesNothingFrom(new Blinking(new Fast()))).isTrue();
        assertThat(TABLE.handles(new Blinking(new Fast()), Event.AgentCommand.class)).isFalse();
        assertThat(TABLE.handles(new Blinking(new Slow()), Event.AgentCommand.class)).isTrue();
    }

    @Test
    void a_row_for_a_phase_needs_a_state_with_phases() {
        assertThatThrownBy(() -> TransitionTable.<Light>builder().on(Red.class, Fast.class, Event.ReminderDue.class, (s, e, f, c) -> Decision.unchanged(s)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Red has no phases");
    }

    @Test
    void two_rows_for_one_pair_are_refused() {
        assertThatThrownBy(() -> TransitionTable.<Light>builder()
                .on(Red.class, Event.ReminderDue.class, (s, e, f, c) -> Decision.unchanged(s))
                .on(Red.class, Event.ReminderDue.class, (s, e, f, c) -> Decision.unchanged(s)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
