package dev.supportbot.bot.engine;

import dev.supportbot.workflows.engine.Effect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The one private note a decision becomes in shadow mode: "supportbot would: ..." with each change it would have made,
 * in words for an agent, then the texts it would have sent and the workflow's own notes.
 */
final class ShadowNote {
    static final String START = "supportbot would: ";
    /** A simulated ticket or approval number ({@link ShadowResults#FIRST_ID} and above), as a workflow's text may quote it. */
    private static final Pattern SIMULATED_NUMBER = Pattern.compile("#?\\b9\\d{17}\\b");
    static final String STOPS_AT_APPROVAL = "This run stops here: in shadow mode no plan is approved, so nothing after the approval happens.";

    private ShadowNote() {}

    /** The note for a decision's effects, or null when none of them is noted. */
    static String of(List<Effect> effects) {
        String note = compose(effects);
        return note == null ? null : SIMULATED_NUMBER.matcher(note).replaceAll("(simulated: not created in shadow mode)");
    }

    private static String compose(List<Effect> effects) {
        List<String> actions = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean waitsForApproval = false;
        for (Effect effect : effects) {
            if (effect instanceof Effect.PrivateNote note) {
                notes.add(note.body());
                continue;
            }
            if (InShadow.of(effect) != InShadow.DESCRIBE) continue;
            actions.add(action(effect));
            text(effect).ifPresent(texts::add);
            waitsForApproval |= effect instanceof Effect.RequestApproval;
        }
        if (actions.isEmpty()) return notes.isEmpty() ? null : String.join("\n\n", notes);
        List<String> parts = new ArrayList<>();
        parts.add(START + String.join("; ", actions) + ".");
        if (waitsForApproval) parts.add(STOPS_AT_APPROVAL);
        parts.addAll(texts);
        parts.addAll(notes);
        parts.add("(Shadow mode: nothing was changed.)");
        return String.join("\n\n", parts);
    }

    private static String action(Effect effect) {
        if (effect instanceof Effect.PublicComment) return "reply to the requester (text below)";
        if (effect instanceof Effect.AddTags t) return "tag the ticket " + tags(t.tags());
        if (effect instanceof Effect.RemoveTags t) return "remove the tag" + (t.tags().size() == 1 ? " " : "s ") + tags(t.tags());
        if (effect instanceof Effect.SetTicketStatus s) return "set the ticket's status to " + s.status().toLowerCase(Locale.ROOT);
        if (effect instanceof Effect.OpenSeparateTicket t) {
            return "open a separate ticket to " + recipient(t) + ", subject \"" + t.subject() + "\" (text below)";
        }
        if (effect instanceof Effect.OpenEscalationIssue i) return "open an escalation issue \"" + i.title() + "\"";
        if (effect instanceof Effect.UpdateLinkedTicket u) return linkedTicket(u);
        if (effect instanceof Effect.RequestApproval a) {
            int steps = a.plan().changes().size();
            return "ask the approvers in Slack to approve a plan to " + a.plan().purpose() + " (" + steps
                    + (steps == 1 ? " step" : " steps") + ", posted to Slack for information only)";
        }
        if (effect instanceof Effect.UpdateApproval u) return "mark the plan's approval message in Slack as " + phase(u.phase());
        if (effect instanceof Effect.RunPlanStep s) return "carry out step " + s.step() + " of the approved plan in the portal";
        throw new IllegalArgumentException("not described in shadow mode: " + SealedTypes.name(effect.getClass()));
    }

    private static Optional<String> text(Effect effect) {
        if (effect instanceof Effect.PublicComment c) return Optional.of("Reply to the requester:\n" + c.body());
        if (effect instanceof Effect.OpenSeparateTicket t) {
            // The recipient's address never goes on the requester's ticket, not even in a note.
            String body = t.recipientEmail() == null ? t.body() : Pattern.compile(Pattern.quote(t.recipientEmail()),
                    Pattern.CASE_INSENSITIVE).matcher(t.body()).replaceAll("their address");
            return Optional.of("Separate ticket to " + recipient(t) + ":\n" + body);
        }
        if (effect instanceof Effect.UpdateLinkedTicket u && u.publicComment() != null) {
            return Optional.of("Reply on the separate ticket:\n" + u.publicComment());
        }
        return Optional.empty();
    }

    private static String recipient(Effect.OpenSeparateTicket t) {
        return t.recipientName() == null || t.recipientName().isBlank() ? "the Sold To contact" : t.recipientName();
    }

    private static String linkedTicket(Effect.UpdateLinkedTicket u) {
        String which = ShadowResults.isSimulated(u.ticketId()) ? "the separate ticket it would have opened"
                : "the separate ticket #" + u.ticketId();
        List<String> what = new ArrayList<>();
        if (u.publicComment() != null) what.add("reply on " + which + " (text below)");
        if (u.status() != null) what.add("set the status of " + which + " to " + u.status().toLowerCase(Locale.ROOT));
        return what.isEmpty() ? "leave " + which + " as it is" : String.join("; ", what);
    }

    private static String tags(Set<String> tags) {
        return String.join(", ", new TreeSet<>(tags));
    }

    private static String phase(Effect.UpdateApproval.Phase phase) {
        return switch (phase) {
            case WAITING -> "waiting";
            case EXECUTING -> "approved and running";
            case DONE -> "done";
            case FAILED -> "failed";
            case REJECTED -> "rejected";
            case EXPIRED -> "expired";
            case CANCELLED -> "cancelled";
        };
    }
}
