package dev.supportbot.workflows.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A wait for someone's answer: two reminders and an expiry, each counted from the question, scheduled as the reminder
 * sequences {@code first}, {@code first + 1} and {@code first + 2} (the expiry).
 */
public record AnswerWait(int first, WorkflowSetting<Duration> reminder1, WorkflowSetting<Duration> reminder2,
                         WorkflowSetting<Duration> expiry) {

    /**
     * The wait of workflow {@code kind} with its settings {@code KIND.reminder_1}, {@code KIND.reminder_2} and
     * {@code KIND.expiry} (environment {@code BOT_KIND_REMINDER_1} and so on): each a default and its meaning.
     */
    public static AnswerWait of(String kind, int first, String reminder1, String meaning1, String reminder2, String meaning2,
                                String expiry, String meaning3) {
        String env = "BOT_" + kind.toUpperCase(java.util.Locale.ROOT) + "_";
        return new AnswerWait(first, WorkflowSetting.duration(kind + ".reminder_1", env + "REMINDER_1", reminder1, meaning1),
                WorkflowSetting.duration(kind + ".reminder_2", env + "REMINDER_2", reminder2, meaning2),
                WorkflowSetting.duration(kind + ".expiry", env + "EXPIRY", expiry, meaning3));
    }

    /**
     * The wait of workflow {@code kind} for {@code who} (e.g. "the requester") to give what they {@code owe} (e.g. "an
     * answer"), with the reminders' delays and the expiry's; the meanings say what they are in the same words for every
     * workflow, e.g. "... when the requester has not answered" ({@code notYet}: "has not answered").
     */
    public static AnswerWait question(String kind, int first, String who, String owe, String notYet, String reminder1,
                                      String reminder2, String expiry) {
        String named = WorkflowSetting.named(kind) + ": ";
        return of(kind, first, reminder1, named + "first reminder to " + who + " who owes " + owe + ", counted from the question",
                reminder2, named + "second reminder, counted from the question",
                expiry, named + "close as expired when " + who + " " + notYet + ", counted from the question");
    }

    /** The same settings for a second wait, scheduled as the sequences {@code first} to {@code first + 2}. */
    public AnswerWait startingAt(int otherFirst) {
        return new AnswerWait(otherFirst, reminder1, reminder2, expiry);
    }

    public List<WorkflowSetting<?>> settings() {
        return List.of(reminder1, reminder2, expiry);
    }

    /** The sequence of the expiry. */
    public int expirySequence() {
        return first + 2;
    }

    /** The delay of reminder {@code sequence} (or of the expiry), counted from the question. */
    public Duration delay(int sequence, Context ctx) {
        int nth = sequence - first + 1;
        return switch (nth) {
            case 1 -> ctx.setting(reminder1);
            case 2 -> ctx.setting(reminder2);
            case 3 -> ctx.setting(expiry);
            default -> throw new IllegalArgumentException("no reminder " + sequence);
        };
    }

    /** Whether reminder (or expiry) {@code sequence} of a question asked at {@code askedAt} is one of this wait's and due now. */
    public boolean due(int sequence, Instant askedAt, Context ctx) {
        if (sequence < first || sequence > expirySequence()) return false;
        return !ctx.now().isBefore(askedAt.plus(delay(sequence, ctx)).minus(ctx.policy().clockSkew()));
    }

    /** The day a question asked at {@code askedAt} closes without an answer, for the reminders' words. */
    public LocalDate closesOn(Instant askedAt, Context ctx) {
        return LocalDate.ofInstant(askedAt.plus(ctx.setting(expiry)), ZoneOffset.UTC);
    }

    /** The reminders and the expiry of a question; a reminder not before the expiry is left out. */
    public List<Effect> reminders(Context ctx) {
        List<Effect> effects = new ArrayList<>();
        Duration expires = ctx.setting(expiry);
        for (int sequence = first; sequence < expirySequence(); sequence++) {
            if (delay(sequence, ctx).compareTo(expires) < 0) effects.add(new Effect.ScheduleReminder(sequence, delay(sequence, ctx)));
        }
        effects.add(new Effect.ScheduleReminder(expirySequence(), expires));
        return effects;
    }
}
