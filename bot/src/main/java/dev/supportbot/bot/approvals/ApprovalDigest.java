package dev.supportbot.bot.approvals;

import dev.supportbot.bot.inbox.Dispatcher;
import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.inbox.InboxEvent;
import dev.supportbot.bot.slack.SlackBlock;
import dev.supportbot.bot.slack.SlackMessage;
import dev.supportbot.bot.slack.SlackNotifier;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The daily digest of what waits on approvers: every pending approval, oldest first, with its ticket and age, posted
 * to the channel. The scheduler puts one {@link #SOURCE} event a day in the inbox (de-duplicated by the day, so it is
 * stored once however many bot instances fire); a day with nothing pending posts nothing.
 */
final class ApprovalDigest implements Dispatcher {
    static final String SOURCE = "approvals-digest";
    /** A section holds 3000 characters; the rest is summarised. */
    private static final int LISTED = 25;

    private final ApprovalStore store;
    private final SlackNotifier slack;
    private final ApprovalMessage message;
    private final Clock clock;

    ApprovalDigest(ApprovalStore store, SlackNotifier slack, ApprovalMessage message, Clock clock) {
        this.store = store;
        this.slack = slack;
        this.message = message;
        this.clock = clock;
    }

    @Override
    public Handled dispatch(InboxEvent event) {
        List<Approval> pending = store.pending();
        if (pending.isEmpty()) return Handled.noop("approvals digest: nothing waits");
        slack.post(render(pending, clock.instant()));
        return Handled.noop("approvals digest: " + pending.size() + " waiting");
    }

    SlackMessage render(List<Approval> pending, Instant now) {
        List<String> lines = new ArrayList<>();
        for (Approval a : pending.subList(0, Math.min(LISTED, pending.size()))) {
            lines.add("• " + message.ticketLink(a.ticketId()) + " " + ApprovalMessage.cut(a.plan().purpose(), 80)
                    + ": waiting " + ApprovalMessage.age(a.createdAt(), now) + ", " + a.approvers().size() + " of "
                    + a.approversNeeded() + " approvals" + (a.expired(now) ? " (expired, closing)" : ""));
        }
        if (pending.size() > LISTED) lines.add("… and " + (pending.size() - LISTED) + " more");
        String title = pending.size() + (pending.size() == 1 ? " plan waits" : " plans wait") + " for approvers";
        return SlackMessage.blocks(title, List.of(new SlackBlock.Header(title),
                new SlackBlock.Section(String.join("\n", lines))));
    }
}
