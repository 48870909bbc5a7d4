package dev.supportbot.bot.engine;

import dev.supportbot.bot.slack.SlackBlock;
import dev.supportbot.bot.slack.SlackButton;
import dev.supportbot.bot.slack.SlackMessage;
import dev.supportbot.bot.slack.SlackNotifier;
import dev.supportbot.workflows.engine.Effect;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * A workflow's post in the team's channel as Block Kit: the title as a header, the ticket's link, its requester (by
 * name, read from the ticket as an approval's message does) and the workflow's fields side by side, and its buttons,
 * each carrying the ticket id as its value (the command router gives the ticket's running instance the button's
 * command). The text, with the link, is the notification and the fallback.
 */
final class SlackMessageHandler implements EffectHandler<Effect.SlackMessage> {
    private static final int HEADER_MAX = 150;
    private static final int FIELDS_MAX = 10;

    private final SlackNotifier slack;
    private final TicketLinks links;
    private final LongFunction<Optional<String>> requesters;

    /** @param requesters the name (never the address) of a ticket's requester, by ticket id */
    SlackMessageHandler(SlackNotifier slack, TicketLinks links, LongFunction<Optional<String>> requesters) {
        this.slack = slack;
        this.links = links;
        this.requesters = requesters;
    }

    @Override
    public Class<Effect.SlackMessage> type() {
        return Effect.SlackMessage.class;
    }

    /** A post with buttons goes out once (a retry finds and updates it by the step's key); one without, at most twice. */
    @Override
    public Ran run(EffectStep step, Effect.SlackMessage effect, boolean retry) {
        SlackMessage message = render(effect, step.ticketId());
        if (message.buttons().isEmpty()) slack.post(message);
        else slack.postOnce(message.withKey(key(step)), retry);
        return Ran.done();
    }

    /** The block id of the step's post: the step's key, unique and short ({@code effect:12:3:0}). */
    static String key(EffectStep step) {
        return "supportbot-" + step.key();
    }

    SlackMessage render(Effect.SlackMessage effect, long ticketId) {
        String url = links.of(ticketId);
        String text = effect.text() + "\n" + url;
        if (effect.title() == null && effect.fields().isEmpty() && effect.buttons().isEmpty()) return SlackMessage.text(text);
        List<SlackBlock> blocks = new ArrayList<>();
        if (effect.title() != null) blocks.add(new SlackBlock.Header(cut(effect.title(), HEADER_MAX)));
        List<String> fields = new ArrayList<>(List.of("*Ticket*\n<" + url + "|#" + ticketId + ">",
                "*Requester*\n" + requesters.apply(ticketId).filter(n -> !n.isBlank()).orElse("unknown")));
        effect.fields().stream().limit(FIELDS_MAX - 2).forEach(f -> fields.add("*" + f.label() + "*\n" + f.value()));
        blocks.add(new SlackBlock.Fields(fields));
        List<SlackButton> buttons = effect.buttons().stream().map(b -> new SlackButton(b.actionId(), b.label(),
                Long.toString(ticketId), b.danger() ? SlackButton.Style.DANGER : SlackButton.Style.DEFAULT)).toList();
        return new SlackMessage(text, blocks, buttons);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
