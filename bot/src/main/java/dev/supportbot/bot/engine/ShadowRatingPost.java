package dev.supportbot.bot.engine;

import dev.supportbot.bot.slack.SlackBlock;
import dev.supportbot.bot.slack.SlackButton;
import dev.supportbot.bot.slack.SlackMessage;
import dev.supportbot.workflows.engine.Effect;
import java.util.ArrayList;
import java.util.List;

/**
 * The one Slack post of a shadow decision that would have acted, for the agents to rate: the plan, when the decision
 * would have asked for approval ({@link ShadowPlanPost}), or else the first line of its note ("supportbot would:
 * ..."); under it Right / Wrong, whose value is the decision's id ({@link ShadowRatingClick}).
 */
final class ShadowRatingPost {
    static final String RIGHT = "shadow_rate_right";
    static final String WRONG = "shadow_rate_wrong";
    static final String QUESTION = "Agents: was this the right thing to do on this ticket? Your rating counts once; a second click changes it.";
    private static final int SECTION_MAX = 2900;

    private ShadowRatingPost() {}

    /** The decision's post, or null when none of its effects would have changed anything. */
    static SlackMessage render(List<Effect> effects, long decisionId, long ticketId, String ticketUrl) {
        String note = ShadowNote.of(effects);
        if (note == null || !note.startsWith(ShadowNote.START)) return null;
        SlackMessage post = effects.stream().filter(Effect.RequestApproval.class::isInstance).findFirst()
                .map(e -> ShadowPlanPost.render(((Effect.RequestApproval) e).plan(), ticketUrl))
                .orElseGet(() -> decision(note.lines().findFirst().orElseThrow(), ticketId, ticketUrl));
        List<SlackBlock> blocks = new ArrayList<>(post.blocks());
        blocks.add(new SlackBlock.Context(QUESTION));
        String value = Long.toString(decisionId);
        return new SlackMessage(post.text(), blocks, List.of(SlackButton.of(RIGHT, "Right", value),
                new SlackButton(WRONG, "Wrong", value, SlackButton.Style.DANGER)));
    }

    /** The count of a decision's effects that would have changed something outside the bot. */
    static int actions(List<Effect> effects) {
        return (int) effects.stream().filter(e -> InShadow.of(e) == InShadow.DESCRIBE).count();
    }

    private static SlackMessage decision(String wouldDo, long ticketId, String ticketUrl) {
        String cut = wouldDo.length() <= SECTION_MAX ? wouldDo : wouldDo.substring(0, SECTION_MAX - 1) + "…";
        return SlackMessage.blocks("Shadow decision on ticket #" + ticketId + "\n" + ticketUrl, List.of(
                new SlackBlock.Header("Shadow decision"),
                new SlackBlock.Fields(List.of("*Ticket*\n<" + ticketUrl + "|#" + ticketId + ">",
                        "*Mode*\nshadow: nothing was changed")),
                new SlackBlock.Section(cut)));
    }
}
