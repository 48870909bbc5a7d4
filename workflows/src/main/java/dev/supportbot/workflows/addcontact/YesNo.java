package dev.supportbot.workflows.addcontact;

import dev.supportbot.workflows.ownership.ApprovalReplies;
import java.util.regex.Pattern;

/**
 * Reads the requester's answer to a yes/no question, plainly: only the reply's own text counts (quoted mail cut
 * off); a yes word without a no word is yes, and the reverse no; anything else (both, neither) is unclear.
 */
final class YesNo {

    enum Answer { YES, NO, UNCLEAR }

    private static final Pattern YES = Pattern.compile(
            "\\b(yes|yeah|yep|sure|ok|okay|go ahead|please do|proceed|agreed?|confirmed?)\\b");
    private static final Pattern NO = Pattern.compile(
            "\\b(no|nope|not|don't|dont|do not|keep|cancel|never mind)\\b");

    private YesNo() {}

    static Answer read(String body) {
        String text = ApprovalReplies.ownText(body);
        boolean yes = YES.matcher(text).find();
        boolean no = NO.matcher(text).find();
        if (yes == no) return Answer.UNCLEAR;
        return yes ? Answer.YES : Answer.NO;
    }
}
