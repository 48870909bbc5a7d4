package dev.supportbot.bot.engine;

import dev.supportbot.bot.inbox.Handled;
import dev.supportbot.bot.inbox.InboxEvent;
import dev.supportbot.bot.plugin.ClickHandler;
import dev.supportbot.bot.shadow.ShadowLedger;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * An agent's Right / Wrong on a shadow decision's post ({@link ShadowRatingPost}): stored as that agent's rating of the
 * decision, replacing an earlier one, and answered to them alone. Kept in live mode too, so that posts made before a
 * switch to live can still be rated.
 */
final class ShadowRatingClick implements ClickHandler {
    static final String NOT_AN_AGENT = "Only agents can rate supportbot's shadow decisions; nothing was recorded.";

    private final ShadowLedger ledger;
    private final CommandReplies replies;
    private final Clock clock;

    ShadowRatingClick(ShadowLedger ledger, CommandReplies replies, Clock clock) {
        this.ledger = ledger;
        this.replies = replies;
        this.clock = clock;
    }

    @Override
    public Set<String> actionIds() {
        return Set.of(ShadowRatingPost.RIGHT, ShadowRatingPost.WRONG);
    }

    @Override
    public Optional<String> agentsOnly() {
        return Optional.of(NOT_AN_AGENT);
    }

    @Override
    public Handled handle(Click click) {
        throw new UnsupportedOperationException("a rating answers the agent keyed by the click's inbox event: call handle(click, cause)");
    }

    @Override
    public Handled handle(Click click, InboxEvent cause) {
        Optional<Long> ticket = click.value() != null && click.value().matches("\\d{1,18}")
                ? ledger.ticketOf(Long.parseLong(click.value())) : Optional.empty();
        if (ticket.isEmpty()) {
            return new Handled("shadow rating: no decision " + click.value(),
                    h -> replies.enqueue(h, cause, click.responseUrl(), "There is no such shadow decision to rate."));
        }
        long decision = Long.parseLong(click.value());
        boolean right = ShadowRatingPost.RIGHT.equals(click.actionId());
        String word = right ? "right" : "wrong";
        return new Handled("shadow decision " + decision + " rated " + word + " by " + click.userId(), h -> {
            ShadowLedger.rate(h, decision, click.userId(), right, clock.instant());
            replies.enqueue(h, cause, click.responseUrl(), "Thank you: your rating of the decision on ticket #" + ticket.get()
                    + " is now " + word + ".");
        });
    }
}
