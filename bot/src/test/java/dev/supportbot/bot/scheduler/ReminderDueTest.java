package dev.supportbot.bot.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.bot.inbox.NewInboxEvent;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;

class ReminderDueTest {
    private final ReminderDue due =
            new ReminderDue(new ReminderKey(7, 2), 4242, Instant.parse("2026-11-24T10:00:00.123456Z"));

    @Test
    void the_inbox_event_carries_ids_only_and_a_key_of_the_requested_due_time() {
        NewInboxEvent event = due.inboxEvent();
        assertThat(event.source()).isEqualTo("reminder");
        assertThat(event.eventType()).isEqualTo("reminder_due");
        assertThat(event.ticketId()).isEqualTo(4242L);
        assertThat(event.payload()).isEqualTo("{\"instance_id\":7,\"sequence\":2,\"ticket_id\":4242}");
        assertThat(event.dedupKey())
                .isEqualTo("reminder:7:2:" + Instant.parse("2026-11-24T10:00:00.123Z").toEpochMilli());
    }

    @Test
    void the_trigger_carries_the_reminder_and_fires_now_on_misfire() {
        Trigger trigger = due.trigger(due.triggerKey(), Instant.parse("2026-11-24T10:05:00Z"));
        assertThat(ReminderDue.from(trigger.getJobDataMap())).isEqualTo(due);
        assertThat(trigger.getJobKey()).isEqualTo(due.jobKey());
        assertThat(trigger.getMisfireInstruction()).isEqualTo(SimpleTrigger.MISFIRE_INSTRUCTION_FIRE_NOW);
    }
}
