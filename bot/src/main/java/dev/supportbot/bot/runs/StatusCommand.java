package dev.supportbot.bot.runs;

import dev.supportbot.bot.approvals.Approval;
import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.plugin.LnrCommand;
import dev.supportbot.bot.plugin.SlashCall;
import dev.supportbot.bot.plugin.SlashHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /lnr status TICKET}: every workflow run on the ticket, grouped by kind, newest first, with its approval. */
final class StatusCommand implements SlashHandler {
    private final Runs runs;

    StatusCommand(Runs runs) {
        this.runs = runs;
    }

    @Override
    public String name() {
        return "status";
    }

    @Override
    public List<LnrCommand> help() {
        return List.of(new LnrCommand("/lnr status TICKET",
                "every workflow run on a ticket: its state, who it waits on and since when, its next reminder, a pending approval"));
    }

    @Override
    public Handled handle(SlashCall call) {
        if (call.args().size() != 1 || !SlashCall.isTicket(call.args().get(0))) return call.usage();
        long ticket = Long.parseLong(call.args().get(0));
        Map<String, List<RunView>> byKind = new LinkedHashMap<>();
        for (RunView run : runs.onTicket(ticket)) byKind.computeIfAbsent(run.instance().kind(), k -> new ArrayList<>()).add(run);
        if (byKind.isEmpty()) return call.answer("/lnr status " + ticket + ": no runs", "Ticket " + ticket + " has no workflow runs.");
        List<Approval> approvals = runs.pendingApprovals().stream().filter(a -> a.ticketId() == ticket).toList();
        StringBuilder out = new StringBuilder("*Ticket " + ticket + "* (times in UTC)");
        byKind.forEach((kind, list) -> {
            for (RunView run : list) {
                out.append("\n• ").append(run.kindInWords()).append(run.instance().finished() ? " (finished): " : " (running): ")
                        .append(RunText.run(run));
                approvals.stream().filter(a -> a.instanceId() == run.instance().id())
                        .forEach(a -> out.append("\n    pending ").append(RunText.approval(a)));
            }
        });
        return call.answer("/lnr status " + ticket + ": " + byKind.values().stream().mapToInt(List::size).sum() + " runs", out.toString());
    }
}
