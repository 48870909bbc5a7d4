package dev.supportbot.bot.engine;

import dev.supportbot.workflows.engine.Effect;
import java.time.Clock;
import java.util.List;

/** Scheduling and cancelling an instance's reminders (rescheduling one replaces it, so retries are harmless). */
final class ReminderHandlers {
    private ReminderHandlers() {}

    static List<EffectHandler<?>> all(ReminderPort reminders, Clock clock) {
        return List.of(new Schedule(reminders, clock), new Cancel(reminders));
    }

    private record Schedule(ReminderPort reminders, Clock clock) implements EffectHandler<Effect.ScheduleReminder> {
        @Override
        public Class<Effect.ScheduleReminder> type() {
            return Effect.ScheduleReminder.class;
        }

        @Override
        public Ran run(EffectStep step, Effect.ScheduleReminder effect, boolean retry) {
            reminders.schedule(instanceOf(step), effect.sequence(), step.ticketId(), clock.instant().plus(effect.after()));
            return Ran.done();
        }
    }

    private record Cancel(ReminderPort reminders) implements EffectHandler<Effect.CancelReminders> {
        @Override
        public Class<Effect.CancelReminders> type() {
            return Effect.CancelReminders.class;
        }

        @Override
        public Ran run(EffectStep step, Effect.CancelReminders effect, boolean retry) {
            reminders.cancelAll(instanceOf(step));
            return Ran.done();
        }
    }

    private static long instanceOf(EffectStep step) {
        if (step.instanceId() == null) throw new IllegalStateException("a reminder needs a workflow instance");
        return step.instanceId();
    }
}
