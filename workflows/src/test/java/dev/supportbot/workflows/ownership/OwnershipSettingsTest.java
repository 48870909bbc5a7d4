package dev.supportbot.workflows.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportbot.workflows.engine.Context;
import dev.supportbot.workflows.engine.Policy;
import dev.supportbot.workflows.engine.WorkflowSettings;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OwnershipSettingsTest {
    private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

    @Test
    void defaults_are_the_handbook_s_and_keep_their_keys() {
        Context ctx = Context.at(NOW);
        assertThat(OwnershipSettings.reminderDelays(ctx)).containsExactly(Duration.ofDays(2), Duration.ofDays(4));
        assertThat(OwnershipSettings.delayOf(2, ctx)).isEqualTo(Duration.ofDays(4));
        assertThat(OwnershipSettings.delayOf(OwnershipSettings.EXPIRY_SEQUENCE, ctx)).isEqualTo(Duration.ofDays(7));
        assertThatThrownBy(() -> OwnershipSettings.delayOf(4, ctx)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new OwnershipVerification().settings()).extracting(s -> s.key() + "=" + s.env()).containsExactly(
                "ownership.reminder_1=BOT_OV_REMINDER_1", "ownership.reminder_2=BOT_OV_REMINDER_2", "ownership.expiry=BOT_OV_EXPIRY");
    }

    @Test
    void configured_values_reach_the_decision_through_the_context() {
        WorkflowSettings settings = WorkflowSettings.defaults().with(OwnershipSettings.REMINDER_1, Duration.ofHours(12));
        Context ctx = new Context(NOW, Policy.defaults(), settings);
        assertThat(Outcomes.scheduleReminders(ctx)).first().hasToString("ScheduleReminder[sequence=1, after=PT12H]");
    }

    @Test
    void reminders_must_come_in_order_and_before_the_expiry() {
        OwnershipVerification workflow = new OwnershipVerification();
        workflow.checkSettings(WorkflowSettings.defaults());
        assertThatThrownBy(() -> workflow.checkSettings(WorkflowSettings.defaults().with(OwnershipSettings.REMINDER_2, Duration.ofDays(8))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("ownership.reminder_2: must not be longer than ownership.expiry");
        assertThatThrownBy(() -> workflow.checkSettings(WorkflowSettings.defaults().with(OwnershipSettings.REMINDER_1, Duration.ofDays(5))))
                .hasMessage("ownership.reminder_1: must not be longer than ownership.reminder_2");
    }
}
