package dev.supportbot.bot.engine;

import dev.supportbot.bot.slack.SlackBlock;
import dev.supportbot.bot.slack.SlackMessage;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.plan.Plan;
import dev.supportbot.workflows.plan.Preview;
import dev.supportbot.workflows.plan.Snapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan in shadow mode, posted to Slack for information: its ticket, evidence and every step with the Sold To, Bill
 * To and members the preview predicts after it; no Approve or Reject, since nobody approves a shadow plan (agents rate
 * it: {@link ShadowRatingPost}).
 */
final class ShadowPlanPost {
    private static final int HEADER_MAX = 150;
    private static final int SECTION_MAX = 2900;

    private ShadowPlanPost() {}

    static SlackMessage render(Plan plan, String ticketUrl) {
        long ticket = plan.ticketId();
        List<SlackBlock> blocks = new ArrayList<>();
        blocks.add(new SlackBlock.Header(cut("Shadow plan: " + plan.purpose(), HEADER_MAX)));
        blocks.add(new SlackBlock.Fields(List.of("*Ticket*\n<" + ticketUrl + "|#" + ticket + ">",
                "*Mode*\nshadow: for information, nothing will be changed")));
        if (!plan.evidence().isEmpty()) {
            blocks.add(new SlackBlock.Section(cut("*Evidence*\n" + String.join("\n",
                    plan.evidence().stream().map(e -> "• " + e.kind() + ": " + e.summary()).toList()), SECTION_MAX)));
        }
        blocks.add(new SlackBlock.Section("*Steps* it would ask approvers to approve, each with what the back end should look like after it:"));
        for (Preview.Step step : plan.preview().steps()) blocks.add(new SlackBlock.Section(cut(step(plan, step), SECTION_MAX)));
        blocks.add(new SlackBlock.Context(ShadowNote.STOPS_AT_APPROVAL));
        return SlackMessage.blocks("Shadow plan on ticket #" + ticket + ": " + plan.purpose() + "\n" + ticketUrl, blocks);
    }

    private static String step(Plan plan, Preview.Step step) {
        StringBuilder text = new StringBuilder("*").append(step.number()).append(".* ").append(step.description());
        if (step.refusal() != null) return text.append("\n:warning: the back end is predicted to refuse this: ").append(step.refusal()).toString();
        Snapshot after = step.after();
        long account = plan.goal().billingAccountId();
        after.accounts().stream().filter(a -> a.billingAccountId() == account).findFirst().ifPresent(a -> text
                .append("\n→ Sold To ").append(contact(a.soldTo()))
                .append(" · Bill To ").append(contact(a.billTo()))
                .append(" · members: ").append(after.membersOf(account).isEmpty() ? "none" : String.join(", ", after.membersOf(account))));
        return text.toString();
    }

    private static String contact(Contact c) {
        return c == null ? "none" : c.fullName() + " <" + c.email() + ">";
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
