package dev.supportbot.bot.console;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ticket's audit entries as the lines of a story, in words: what each workflow decided and did, who approved or
 * rejected a plan and why, each step the plan changed in the portal. Entries that tell nothing new (a decision that
 * changed no state and did nothing, an effect delivered) have no line: they stay in the raw record.
 */
final class TimelineStory {
    private TimelineStory() {}

    /** The engine's decision detail: {@code kind vN: From -> To on Event (n effects)[; effects: A, B]}. */
    private static final Pattern DECISION = Pattern.compile(
            "(\\w+) v\\d+: (\\w+) -> (\\w+) on (\\w+) \\((\\d+) effects\\)(?:; effects: (.*))?");
    private static final Pattern APPROVAL = Pattern.compile("approval (\\d+)(?: of plan \\w+)?[:,] ?(.*)", Pattern.DOTALL);
    private static final Pattern SLACK_ACTOR = Pattern.compile("slack:\\S+(?: (.+))?");

    private static final Map<String, String> EVENTS = Map.ofEntries(
            Map.entry("TicketUpdated", "the ticket changed"),
            Map.entry("LinkedTicketUpdated", "the linked ticket changed"),
            Map.entry("ReminderDue", "a reminder came due"),
            Map.entry("AgentCommand", "an agent gave a command"),
            Map.entry("EffectSucceeded", "a step it took was done"),
            Map.entry("EffectFailed", "a step it took failed"),
            Map.entry("WorkflowFinished", "a workflow it waited for finished"),
            Map.entry("ApprovalDecided", "the approvers decided"),
            Map.entry("RetryRequested", "an approver asked to retry"));

    /** What an effect is in words; null: internal, not worth a word. */
    private static final Map<String, String> EFFECTS = Map.ofEntries(
            Map.entry("PublicComment", "replied publicly"),
            Map.entry("PrivateNote", "wrote a private note"),
            Map.entry("AddTags", "changed the tags"),
            Map.entry("RemoveTags", "changed the tags"),
            Map.entry("SlackMessage", "posted in Slack"),
            Map.entry("ScheduleReminder", "set a reminder"),
            Map.entry("CancelReminders", "cancelled its reminders"),
            Map.entry("OpenSeparateTicket", "opened a separate ticket"),
            Map.entry("OpenEscalationIssue", "opened an escalation issue"),
            Map.entry("UpdateLinkedTicket", "updated the linked ticket"),
            Map.entry("SetTicketStatus", "set the ticket's status"),
            Map.entry("RequestApproval", "asked the approvers in Slack"),
            Map.entry("UpdateApproval", "updated the approval message"),
            Map.entry("RunPlanStep", "ran a step of the plan"),
            Map.entry("StartWorkflow", "started another workflow"),
            Map.entry("ReplyToCommand", "answered the command"));

    /** The line for an inbox event the bot gave up on. */
    static String deadLetter(String source, int attempts, String error) {
        return "An event from " + source + " could not be handled after " + attempts + " attempts (a dead letter: retry it from the"
                + " overview)" + (error == null || error.isBlank() ? "." : ": " + error);
    }

    /** The line for one audit entry, or empty when it adds nothing to the story. */
    static Optional<String> line(String action, String actor, String detail) {
        return sentence(action, actor, detail == null ? "" : detail).map(TimelineStory::capitalised);
    }

    private static Optional<String> sentence(String action, String actor, String text) {
        return switch (action) {
            case "decision" -> decision(text);
            case "effect" -> Optional.empty();
            case "approval requested" -> approval(text).map(a -> "The plan went to the approvers in Slack (approval " + a[0] + ").");
            case "approval approved", "approval vote" -> approval(text).map(a -> person(actor) + " approved the plan (approval " + a[0]
                    + (a[1].isEmpty() ? "" : ", " + a[1]) + ").");
            case "approval rejected" -> approval(text).map(a -> person(actor) + " rejected the plan (approval " + a[0] + ")"
                    + (a[1].isEmpty() ? "." : ": " + a[1].replaceFirst("^reason: ", "") + "."));
            case "approval retry" -> approval(text).map(a -> person(actor) + " asked to retry the plan (approval " + a[0] + ") "
                    + a[1] + ".");
            case "plan step" -> approval(text).map(a -> capitalised(a[1].replaceFirst("^(step \\d+): ", "$1 of the plan, done in the portal: "))
                    + ".");
            case "redaction" -> Optional.of("The bot redacted a secret from the ticket.");
            default -> Optional.of(capitalised(action) + " by " + person(actor) + (text.isEmpty() ? "" : ": " + text) + ".");
        };
    }

    /** E.g. "Ownership verification: the ticket changed; now verified. The bot replied publicly and changed the tags." */
    private static Optional<String> decision(String detail) {
        Matcher m = DECISION.matcher(detail);
        if (!m.matches()) return Optional.of(detail);
        boolean moved = !m.group(2).equals(m.group(3));
        Set<String> done = new LinkedHashSet<>();
        if (m.group(6) != null) {
            for (String effect : m.group(6).split(",\\s*")) {
                String words = EFFECTS.get(effect.trim());
                if (words != null) done.add(words);
            }
        }
        if (!moved && done.isEmpty()) return Optional.empty();
        StringBuilder out = new StringBuilder(capitalised(m.group(1).replace('_', ' ')))
                .append(": ").append(EVENTS.getOrDefault(m.group(4), words(m.group(4))));
        out.append(moved ? "; now " + words(m.group(3)) + "." : ".");
        if (!done.isEmpty()) out.append(" The bot ").append(joined(new ArrayList<>(done))).append('.');
        return Optional.of(out.toString());
    }

    /** {approval id, the rest}. */
    private static Optional<String[]> approval(String detail) {
        Matcher m = APPROVAL.matcher(detail);
        return m.matches() ? Optional.of(new String[] {m.group(1), m.group(2).trim()}) : Optional.of(new String[] {"?", detail});
    }

    /** An actor as the audit names them, as a person reads it: a name, never an id. */
    static String person(String actor) {
        if (actor == null || actor.isBlank()) return "someone";
        if (actor.equals("supportbot")) return "the bot";
        Matcher slack = SLACK_ACTOR.matcher(actor);
        if (slack.matches()) return slack.group(1) == null || slack.group(1).isBlank() ? "a Slack user" : slack.group(1);
        if (actor.startsWith("email:")) return actor.substring("email:".length());
        if (actor.startsWith("zendesk:")) return "Zendesk";
        return actor;
    }

    /** {@code AwaitingProof} as "awaiting proof". */
    static String words(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String joined(List<String> parts) {
        if (parts.size() == 1) return parts.get(0);
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
