package dev.supportbot.workflows.ownership;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a reply to an approval request. The rule: only the new text counts (quoted mail below the reply is cut
 * off); a refusal word ("deny", "reject", "do not approve", ...) wins over everything; otherwise "approve" /
 * "approved" / "I approve" means approval; anything else is unclear and left to a human.
 */
public final class ApprovalReplies {

    enum Reply { APPROVE, DENY, UNCLEAR }

    private static final Pattern QUOTE_START = Pattern.compile(
            "(?m)^\\s*>|^\\s*On .{0,200}wrote:\\s*$|^-{2,}\\s*Original Message|^##- .*reply above this line|^From: ",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DENY = Pattern.compile(
            "\\b(deny|denied|reject|rejected|disapprove[sd]?|decline[sd]?)\\b"
                    + "|\\b(do not|don't|dont|not|never|cannot|can't|won't)\\s+(approve|approved|authori[sz]e)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern APPROVE = Pattern.compile("\\b(approve|approved|approves)\\b", Pattern.CASE_INSENSITIVE);

    private ApprovalReplies() {}

    static Reply read(String body) {
        String reply = ownText(body);
        if (DENY.matcher(reply).find()) return Reply.DENY;
        if (APPROVE.matcher(reply).find()) return Reply.APPROVE;
        return Reply.UNCLEAR;
    }

    /** The reply's own text, without the quoted message it answers. */
    public static String ownText(String body) {
        return ownTextAsWritten(body).toLowerCase(Locale.ROOT);
    }

    /** The reply's own text as its author wrote it (case kept), without the quoted message it answers. */
    static String ownTextAsWritten(String body) {
        if (body == null) return "";
        var m = QUOTE_START.matcher(body);
        return m.find() ? body.substring(0, m.start()) : body;
    }
}
