package dev.supportbot.bot.scheduler;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.supportbot.bot.inbox.NewInboxEvent;
import dev.supportbot.bot.json.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.quartz.JobDataMap;
import org.quartz.JobKey;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * A scheduled reminder as Quartz stores it (job data of strings, since the job store keeps properties rather than
 * serialized Java objects) and as the inbox receives it once due.
 */
record ReminderDue(ReminderKey key, long ticketId, Instant dueAt) {
    static final String SOURCE = "reminder";
    static final String EVENT_TYPE = "reminder_due";

    private static final String INSTANCE_ID = "instance_id";
    private static final String SEQUENCE = "sequence";
    private static final String TICKET_ID = "ticket_id";
    private static final String DUE_AT = "due_at_millis";

    ReminderDue {
        // Quartz keeps milliseconds: the de-duplication key must survive the round trip through its tables.
        dueAt = dueAt.truncatedTo(ChronoUnit.MILLIS);
    }

    static ReminderDue from(JobDataMap data) {
        return new ReminderDue(
                new ReminderKey(Long.parseLong(data.getString(INSTANCE_ID)), Integer.parseInt(data.getString(SEQUENCE))),
                Long.parseLong(data.getString(TICKET_ID)),
                Instant.ofEpochMilli(Long.parseLong(data.getString(DUE_AT))));
    }

    static String group(long instanceId) {
        return "instance-" + instanceId;
    }

    JobKey jobKey() {
        return new JobKey("sequence-" + key.sequence(), group(key.instanceId()));
    }

    TriggerKey triggerKey() {
        return new TriggerKey(jobKey().getName(), jobKey().getGroup());
    }

    /**
     * A one-shot trigger for this reminder's job, firing at {@code fireAt}. If the bot is down then, it fires once as
     * soon as a bot instance is back.
     */
    Trigger trigger(TriggerKey identity, Instant fireAt) {
        return TriggerBuilder.newTrigger()
                .withIdentity(identity)
                .forJob(jobKey())
                .usingJobData(jobData())
                .startAt(Date.from(fireAt))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
    }

    /**
     * The inbox event. Its de-duplication key holds the requested due time rather than Quartz's fire time, which a
     * misfire or a recovery moves: every firing of one scheduled reminder is stored once.
     */
    NewInboxEvent inboxEvent() {
        String dedupKey = "reminder:" + key.instanceId() + ":" + key.sequence() + ":" + dueAt.toEpochMilli();
        return new NewInboxEvent(SOURCE, dedupKey, EVENT_TYPE, ticketId, payload());
    }

    private JobDataMap jobData() {
        JobDataMap data = new JobDataMap();
        data.put(INSTANCE_ID, Long.toString(key.instanceId()));
        data.put(SEQUENCE, Integer.toString(key.sequence()));
        data.put(TICKET_ID, Long.toString(ticketId));
        data.put(DUE_AT, Long.toString(dueAt.toEpochMilli()));
        return data;
    }

    private String payload() {
        try {
            return Json.MAPPER.writeValueAsString(Json.MAPPER.createObjectNode()
                    .put(INSTANCE_ID, key.instanceId())
                    .put(SEQUENCE, key.sequence())
                    .put(TICKET_ID, ticketId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
