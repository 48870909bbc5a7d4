package dev.supportbot.bot.runs;

import dev.supportbot.bot.approvals.Approval;
import dev.supportbot.workflows.engine.Dates;
import java.time.Instant;

/** How runs and approvals read in the answers: plain text, times in UTC saying so. */
public final class RunText {
    private RunText() {}

    public static String utc(Instant at) {
        return Dates.utcMinute(at);
    }

    /** E.g. "awaiting proof; waits on the requester since 1 December 2026, 17:50 UTC; next reminder 3 December 2026, 17:50 UTC". */
    public static String run(RunView run) {
        StringBuilder out = new StringBuilder(run.outcome().result());
        if (run.waiting().isPresent()) {
            out.append("; waits on ").append(run.waiting().get().words());
            if (run.since() != null) out.append(" since ").append(utc(run.since()));
        } else if (run.since() != null) {
            out.append(run.instance().finished() ? " on " : " since ").append(utc(run.since()));
        }
        run.nextReminder().ifPresent(at -> out.append("; next reminder ").append(utc(at)));
        return out.toString();
    }

    /** E.g. "approval 3, duplicate license #1605 ...: 0 of 1 approvals, asked 1 December 2026, 17:50 UTC, expires ...". */
    public static String approval(Approval approval) {
        String purpose = approval.plan().purpose();
        if (purpose.length() > 120) purpose = purpose.substring(0, 119) + "…";
        return "approval " + approval.id() + " (" + purpose + "): " + approval.approvers().size() + " of "
                + approval.approversNeeded() + " approvals, asked " + utc(approval.createdAt()) + ", expires "
                + utc(approval.expiresAt());
    }
}
