package dev.supportbot.bot.approvals;

import dev.supportbot.bot.slack.SlackBlock;
import dev.supportbot.bot.slack.SlackButton;
import dev.supportbot.bot.slack.SlackMessage;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.engine.Dates;
import dev.supportbot.workflows.engine.Effect.UpdateApproval.Phase;
import dev.supportbot.workflows.plan.Evidence;
import dev.supportbot.workflows.plan.Plan;
import dev.supportbot.workflows.plan.Preview;
import dev.supportbot.workflows.plan.Snapshot;
import java.time.Duration;
import java.time.Instant;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Block Kit message of an approval: what the plan is for, its ticket, its requester (by name), who started it, the evidence, every step
 * with the Sold To, Bill To and members the preview predicts after it, how many approvals it needs and has, and the
 * buttons that apply: Approve / Reject while it waits, "retry from step k" after a failure.
 */
final class ApprovalMessage {
    static final String APPROVE = "approve";
    static final String REJECT = "reject";
    static final String RETRY = "retry";

    private static final int HEADER_MAX = 150;
    private static final int SECTION_MAX = 2900;

    private final String zendeskUrl;

    ApprovalMessage(String zendeskUrl) {
        this.zendeskUrl = zendeskUrl == null ? "" : zendeskUrl.replaceAll("/+$", "");
    }

    /** How the approval stands: {@code phase} null for the first post; {@code lines} as the workflow gave them. */
    record Status(Phase phase, List<String> lines, Integer retryFromStep) {
        static final Status POSTED = new Status(null, List.of(), null);

        Status {
            lines = List.copyOf(lines);
        }
    }

    SlackMessage render(Approval approval, Status status, boolean approversConfigured) {
        Plan plan = approval.plan();
        List<SlackBlock> blocks = new ArrayList<>();
        blocks.add(new SlackBlock.Header(cut(heading(approval, status.phase()) + ": " + plan.purpose(), HEADER_MAX)));
        blocks.add(new SlackBlock.Fields(List.of(
                "*Ticket*\n" + ticketLink(approval.ticketId()),
                "*Requester*\n" + (approval.requesterName() == null ? "unknown" : approval.requesterName()),
                "*Started by*\n" + initiator(approval),
                "*Approvals*\n" + approval.approvers().size() + " of " + approval.approversNeeded(),
                "*Expires*\n" + Dates.utcMinute(approval.expiresAt()))));
        if (!plan.evidence().isEmpty()) {
            blocks.add(new SlackBlock.Section(cut("*Evidence*\n" + plan.evidence().stream()
                    .map(ApprovalMessage::evidence).collect(Collectors.joining("\n")), SECTION_MAX)));
        }
        blocks.add(new SlackBlock.Section("*Steps*, each with what the back end should look like after it:"));
        Preview preview = plan.preview();
        for (Preview.Step step : preview.steps()) blocks.add(new SlackBlock.Section(cut(step(plan, step), SECTION_MAX)));
        if (!approversConfigured && approval.state() == ApprovalState.PENDING) {
            blocks.add(new SlackBlock.Section(":no_entry: No approver is configured, so nobody can approve this plan: it waits."));
        }
        if (!status.lines().isEmpty()) {
            blocks.add(new SlackBlock.Section(cut("*Status*\n" + String.join("\n", status.lines()), SECTION_MAX)));
        }
        decision(approval).ifPresent(blocks::add);
        blocks.add(new SlackBlock.Context("Approval " + approval.id() + " · bound to plan " + approval.planHash().substring(0, 12)));
        return new SlackMessage(heading(approval, status.phase()) + " on ticket " + approval.ticketId() + ": " + plan.purpose(),
                blocks, buttons(approval, status), key(approval));
    }

    /** The block id of the message's buttons: how a retry finds the message posted for the approval. */
    static String key(Approval approval) {
        return "supportbot-approval-" + approval.id();
    }

    String ticketLink(long ticketId) {
        return zendeskUrl.isEmpty() ? "#" + ticketId : "<" + zendeskUrl + "/agent/tickets/" + ticketId + "|#" + ticketId + ">";
    }

    private static String heading(Approval approval, Phase phase) {
        if (phase == null || phase == Phase.WAITING) {
            return switch (approval.state()) {
                case PENDING -> "Approval needed";
                case APPROVED -> "Approved";
                case REJECTED -> "Rejected";
                case EXPIRED -> "Expired";
                case CANCELLED -> "Cancelled";
            };
        }
        return switch (phase) {
            case EXECUTING -> "Approved, running";
            case DONE -> "Done";
            case FAILED -> "Failed";
            case REJECTED -> "Rejected";
            case EXPIRED -> "Expired";
            case CANCELLED -> "Cancelled";
            case WAITING -> "Approval needed";
        };
    }

    private static String initiator(Approval approval) {
        if (approval.initiatorSlackId() != null) return "<@" + approval.initiatorSlackId() + ">";
        if (approval.initiator().startsWith("email:")) return "a Zendesk agent (macro)";
        return approval.initiator().equals("supportbot") ? "supportbot" : "someone without a Slack account";
    }

    private static String evidence(Evidence e) {
        return "• " + e.kind() + ": " + e.summary();
    }

    private static String step(Plan plan, Preview.Step step) {
        StringBuilder text = new StringBuilder("*").append(step.number()).append(".* ").append(step.description());
        if (step.refusal() != null) {
            text.append("\n:warning: the back end is predicted to refuse this: ").append(step.refusal());
            return text.toString();
        }
        Snapshot after = step.after();
        long account = plan.goal().billingAccountId();
        after.accounts().stream().filter(a -> a.billingAccountId() == account).findFirst().ifPresent(a -> text
                .append("\n→ Sold To ").append(contact(a.soldTo()))
                .append(" · Bill To ").append(contact(a.billTo()))
                .append(" · members: ").append(members(after.membersOf(account))));
        return text.toString();
    }

    private static String contact(Contact c) {
        return c == null ? "none" : c.fullName() + " <" + c.email() + ">";
    }

    private static String members(List<String> emails) {
        return emails.isEmpty() ? "none" : String.join(", ", emails);
    }

    private static Optional<SlackBlock> decision(Approval approval) {
        if (approval.state() == ApprovalState.REJECTED) {
            String by = approval.rejectedBy() == null ? "" : " by <@" + approval.rejectedBy() + ">";
            return Optional.of(new SlackBlock.Context(cut("Rejected" + by + ": " + approval.rejectReason(), SECTION_MAX)));
        }
        if (approval.approvers().isEmpty()) return Optional.empty();
        String by = approval.approvers().stream().map(u -> "<@" + u + ">").collect(Collectors.joining(", "));
        String at = approval.decidedAt() == null ? "" : " (" + Dates.utcMinute(approval.decidedAt()) + ")";
        return Optional.of(new SlackBlock.Context("Approved by " + by + at));
    }

    private static List<SlackButton> buttons(Approval approval, Status status) {
        List<SlackButton> buttons = new ArrayList<>();
        boolean waiting = approval.state() == ApprovalState.PENDING && (status.phase() == null || status.phase() == Phase.WAITING);
        if (waiting) {
            String id = Long.toString(approval.id());
            buttons.add(new SlackButton(APPROVE, "Approve", id, SlackButton.Style.PRIMARY));
            buttons.add(new SlackButton(REJECT, "Reject", id, SlackButton.Style.DANGER));
        }
        if (status.retryFromStep() != null && approval.state() == ApprovalState.APPROVED) {
            buttons.add(SlackButton.of(RETRY, "Retry from step " + status.retryFromStep(),
                    approval.id() + ":" + status.retryFromStep()));
        }
        return buttons;
    }

    static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    static String age(Instant from, Instant now) {
        long hours = Duration.between(from, now).toHours();
        return hours < 48 ? hours + " h" : hours / 24 + " days";
    }
}
