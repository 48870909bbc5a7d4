package dev.supportbot.bot.runs;

import dev.supportbot.bot.engine.Instance;
import dev.supportbot.workflows.engine.Outcome;
import dev.supportbot.workflows.engine.WaitingOn;
import java.time.Instant;
import java.util.Optional;

/**
 * One workflow run as agents read it: its state in words (the workflow's {@link Outcome}), who it waits on, since
 * when it is in that state, and its next reminder.
 */
public record RunView(Instance instance, Outcome outcome, Optional<WaitingOn> waiting, Instant since, Optional<Instant> nextReminder) {

    /** {@code ownership_verification} as people say it. */
    public String kindInWords() {
        return instance.kind().replace('_', ' ');
    }
}
