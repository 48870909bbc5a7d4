package dev.supportbot.bot.runs;

import dev.supportbot.bot.approvals.Approval;
import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.plugin.LnrCommand;
import dev.supportbot.bot.plugin.SlashCall;
import dev.supportbot.bot.plugin.SlashHandler;
import dev.supportbot.workflows.engine.WaitingOn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /lnr pending}: what waits on a requester, an agent or an approver, across tickets, oldest first: the running
 * instances that wait on someone, and the pending approvals (which stand for the instances waiting on them).
 */
final class PendingCommand implements SlashHandler {
    /** Keeps the answer well inside what Slack shows of one message. */
    static final int LISTED = 50;

    private final Runs runs;

    PendingCommand(Runs runs) {
        this.runs = runs;
    }

    private record Item(Instant since, String line) {}

    @Override
    public String name() {
        return "pending";
    }

    @Override
    public List<LnrCommand> help() {
        return List.of(new LnrCommand("/lnr pending", "what waits on a requester, an agent or an approver, oldest first"));
    }

    @Override
    public Handled handle(SlashCall call) {
        if (!call.args().isEmpty()) return call.usage();
        List<Approval> approvals = runs.pendingApprovals();
        Set<Long> withApproval = approvals.stream().map(Approval::instanceId).collect(Collectors.toSet());
        List<Item> items = new ArrayList<>();
        for (RunView run : runs.running()) {
            if (run.waiting().isEmpty()) continue;
            if (run.waiting().get() == WaitingOn.APPROVER && withApproval.contains(run.instance().id())) continue;
            items.add(new Item(run.since(), "#" + run.instance().ticketId() + " " + run.kindInWords() + ": " + RunText.run(run)));
        }
        for (Approval a : approvals) {
            items.add(new Item(a.createdAt(), "#" + a.ticketId() + " " + RunText.approval(a) + "; waits on "
                    + WaitingOn.APPROVER.words() + " since " + RunText.utc(a.createdAt())));
        }
        if (items.isEmpty()) return call.answer("/lnr pending: nothing waits", "Nothing waits on a requester, an agent or an approver.");
        items.sort(Comparator.comparing(Item::since, Comparator.nullsFirst(Comparator.naturalOrder())));
        StringBuilder out = new StringBuilder("*Waiting on people*, oldest first (times in UTC)");
        items.stream().limit(LISTED).forEach(i -> out.append("\n• ").append(i.line()));
        if (items.size() > LISTED) out.append("\n… and ").append(items.size() - LISTED).append(" more");
        return call.answer("/lnr pending: " + items.size() + " waiting", out.toString());
    }
}
