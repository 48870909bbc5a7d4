package dev.supportbot.workflows.replies;

import dev.supportbot.workflows.engine.Comment;
import dev.supportbot.workflows.ownership.ApprovalReplies;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the requester's answer to a yes/no question, plainly: only the reply's own text counts (quoted mail cut
 * off); a yes word without a no word is yes, and the reverse no; anything else (both, neither) is unclear. Every
 * workflow that asks the requester a yes/no question reads the answer here.
 */
public final class YesNo {

    public enum Answer { YES, NO, UNCLEAR }

    /** The requester's new public replies to the question and the first clear answer among them (else unclear). */
    public record Replies(Answer answer, List<Long> commentIds) {
        public Replies {
            commentIds = List.copyOf(commentIds);
        }
    }

    private static final Pattern YES = Pattern.compile(
            "\\b(yes|yeah|yep|sure|ok|okay|go ahead|please do|proceed|agreed?|confirmed?)\\b");
    private static final Pattern NO = Pattern.compile(
            "\\b(no|nope|not|don't|dont|do not|keep|cancel|never mind)\\b");

    private YesNo() {}

    public static Answer read(String body) {
        String text = ApprovalReplies.ownText(body);
        boolean yes = YES.matcher(text).find();
        boolean no = NO.matcher(text).find();
        if (yes == no) return Answer.UNCLEAR;
        return yes ? Answer.YES : Answer.NO;
    }

    /** Empty when no new public reply of the requester is among {@code newComments} (those already handled skipped). */
    public static Optional<Replies> ofRequester(List<Comment> newComments, Collection<Long> handled) {
        List<Comment> replies = newComments.stream()
                .filter(c -> c.byRequester() && c.isPublic() && !handled.contains(c.id())).toList();
        if (replies.isEmpty()) return Optional.empty();
        Answer answer = replies.stream().map(c -> read(c.body())).filter(a -> a != Answer.UNCLEAR).findFirst()
                .orElse(Answer.UNCLEAR);
        return Optional.of(new Replies(answer, replies.stream().map(Comment::id).toList()));
    }
}
